/**
 * <warraq-export> — the header's "Export & backup" button and its modal dialog (export notes, back
 * up, restore). Opens on the button, on the application-menu commands 'export-notes', 'backup' and
 * 'restore', and on a `warraq-export-request` event from any view (the reader and the notebook send
 * their scope). While a backup or restore runs, Escape and the close button do not close the dialog.
 *
 * Services: platform (through context).
 */
import { LitElement, html, css } from 'lit';
import { customElement, state, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Services } from '../../services/services';
import type { ExportScope } from '../../services/exporter';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { LanguageController, t } from '../strings/i18n';
import { hashToRoute } from '../app/route';
import type { ExportRequest, ExportRequestEvent } from './events';
import type { BackupPanel } from '../backup/backup-panel';
import './export-notes';
import '../backup/backup-panel';

@customElement('warraq-export')
export class ExportControl extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: contents; }
    dialog { border: 1px solid var(--border); border-radius: 10px; background: var(--bg); color: var(--fg); padding: 0;
      inline-size: min(680px, calc(100vw - 32px)); max-block-size: calc(100vh - 48px); box-shadow: 0 8px 32px rgb(0 0 0 / 0.25); }
    dialog::backdrop { background: rgb(0 0 0 / 0.35); }
    header { display: flex; align-items: center; justify-content: space-between; gap: 12px; padding-block: 12px; padding-inline: 20px;
      border-block-end: 1px solid var(--border); background: var(--bg-elev); position: sticky; inset-block-start: 0; z-index: 1; }
    h2 { margin: 0; font-size: 1.2rem; }
    .content { padding-block: 12px 20px; padding-inline: 20px; display: flex; flex-direction: column; gap: 18px; }
    hr { border: 0; border-block-start: 1px solid var(--border); margin: 0; }
  `,
  ];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @state() private scopes: ExportScope[] = [{ kind: 'library' }];
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('warraq-backup-panel') private backupPanel?: BackupPanel;
  protected readonly i18n = new LanguageController(this);
  private busy = false;
  /** What the notebook shows now (its `warraq-notebook-filter` event), for the header button on that screen. */
  private notebookIds?: string[];
  private unsubscribe = () => {};

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('warraq-export-request', this.onRequest);
    window.addEventListener('warraq-notebook-filter', this.onNotebook);
    this.unsubscribe = this.services.platform.onCommand((c) => {
      if (c === 'export-notes') void this.openWith({ section: 'export' });
      else if (c === 'backup' || c === 'restore') void this.openWith({ section: c });
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('warraq-export-request', this.onRequest);
    window.removeEventListener('warraq-notebook-filter', this.onNotebook);
    this.unsubscribe();
  }

  private onRequest = (e: ExportRequestEvent): void => {
    void this.openWith(e.detail);
  };

  private onNotebook = (e: Event): void => {
    this.notebookIds = (e as CustomEvent<{ ids: string[] }>).detail.ids;
  };

  /** The scope of the screen being shown: the article being read, or the notebook's current filter. */
  private routeScope(): ExportScope | undefined {
    const route = hashToRoute(location.hash);
    if (route.view === 'reader') return { kind: 'article', articleId: route.id };
    if (route.view === 'notebook' && this.notebookIds) return { kind: 'annotations', annotationIds: this.notebookIds };
    return undefined;
  }

  /** Opens the dialog with the requested scope (else the screen's: article or notebook filter) and the library. */
  async openWith(request: ExportRequest = {}): Promise<void> {
    const first = request.scope ?? this.routeScope();
    this.scopes = first && first.kind !== 'library' ? [first, { kind: 'library' }] : [{ kind: 'library' }];
    await this.updateComplete;
    if (!this.dialog?.open) this.dialog?.showModal();
    if (request.section === 'backup' || request.section === 'restore') this.backupPanel?.focusSection(request.section);
  }

  private close(): void {
    if (!this.busy) this.dialog?.close();
  }

  private onCancel(e: Event): void {
    // Escape would close the dialog mid-restore; the Cancel button next to the progress bar stops a run.
    if (this.busy) e.preventDefault();
  }

  override render() {
    return html`
      <button @click=${() => void this.openWith()}>${t('xb.open')}</button>
      <dialog aria-labelledby="xb-title" @cancel=${this.onCancel} @warraq-busy=${(e: CustomEvent<boolean>) => (this.busy = e.detail)}>
        <header>
          <h2 id="xb-title">${t('xb.title')}</h2>
          <button aria-label=${t('xb.close')} @click=${() => this.close()}>✕</button>
        </header>
        <div class="content">
          <warraq-export-notes .scopes=${this.scopes}></warraq-export-notes>
          <hr>
          <warraq-backup-panel></warraq-backup-panel>
        </div>
      </dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-export': ExportControl;
  }
}
