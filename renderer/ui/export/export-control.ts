/**
 * <warraq-export> — the "Export & backup" modal dialog (the header menu's item opens it) (export notes, back
 * up, restore). Opens on the button, on the application-menu commands 'export-notes', 'backup' and
 * 'restore', and when <warraq-app> calls `openWith` (a view's `warraq-export-request`, with its scope).
 * Without a requested scope it offers the current screen's (app state: the article read, the notebook's
 * filter) and the whole library. While a backup or restore runs, Escape and the close button do not close it.
 *
 * Services: platform; app state (both through context).
 */
import { LitElement, html, css } from 'lit';
import { customElement, state, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Services } from '../../services/services';
import type { ExportScope } from '../../services/exporter';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { LanguageController, t } from '../strings/i18n';
import { appStateContext, type AppState } from '../app/app-state';
import type { ExportRequest } from './events';
import type { BackupPanel } from '../backup/backup-panel';
import './export-notes';
import '../backup/backup-panel';
import { icon } from '../common/icons';
import type { BusyEvent } from '../backup/events';

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
  @consume({ context: appStateContext, subscribe: true }) private app?: AppState;
  @state() private scopes: ExportScope[] = [{ kind: 'library' }];
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('warraq-backup-panel') private backupPanel?: BackupPanel;
  protected readonly i18n = new LanguageController(this);
  private busy = false;
  private unsubscribe = () => {};

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.services.platform.onCommand((c) => {
      if (c === 'export-notes') void this.openWith({ section: 'export' });
      else if (c === 'backup' || c === 'restore') void this.openWith({ section: c });
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe();
  }

  /** The scope of the screen being shown: the article being read, or the notebook's current filter. */
  private routeScope(): ExportScope | undefined {
    const route = this.app?.route;
    if (route?.view === 'reader') return { kind: 'article', articleId: route.id };
    return this.app?.exportScope;
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
      <dialog aria-labelledby="xb-title" @cancel=${this.onCancel} @warraq-busy=${(e: BusyEvent) => (this.busy = e.detail)}>
        <header>
          <h2 id="xb-title">${t('xb.title')}</h2>
          <button class="icon-btn" aria-label=${t('xb.close')} @click=${() => this.close()}>${icon('close')}</button>
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
