/**
 * `warraq-export-request` — any view asks for the "Export & backup" dialog, optionally with a scope
 * (the reader: its article; the notebook: the annotation ids its current filter shows). Bubbles and
 * is composed, so it reaches <warraq-app>, which opens <warraq-export>.
 */
import type { ExportScope } from '../../services/exporter';

export interface ExportRequest {
  /** The scope to preselect; the whole library is always offered too. */
  scope?: ExportScope;
  /** The section to focus. */
  section?: 'export' | 'backup' | 'restore';
}

export class ExportRequestEvent extends CustomEvent<ExportRequest> {
  constructor(request: ExportRequest = {}) {
    super('warraq-export-request', { detail: request, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'warraq-export-request': ExportRequestEvent;
  }
}
