/**
 * <warraq-import> — everything that starts an import: `pick()` (the header menu's "Import files", "Import
 * folder"), the application-menu commands 'import-files'/'import-folder', and files or folders dropped
 * anywhere on the window (an overlay says where they will go). Hosts <warraq-import-dialog>.
 *
 * Services: platform, importer, notifier (through context).
 */
import { LitElement, html, css, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Services } from '../../services/services';
import type { PickedFile } from '../../platform/platform';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { reportError } from '../common/report-error';
import { LanguageController, t } from '../strings/i18n';
import { dragHasFiles, dragHasLink, filesFromDrop } from './drop';
import './import-dialog';

// dragover repeats every ~50 ms while a drag is over the window; no repeat for this long means it left.
const DRAG_GONE_MS = 250;

@customElement('warraq-import')
export class ImportControl extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: contents; }
    .overlay {
      position: fixed; inset: 0; z-index: 20; pointer-events: none; display: grid; place-items: center;
      background: rgb(0 0 0 / 0.35);
    }
    .overlay div {
      padding-block: 28px; padding-inline: 40px; border: 3px dashed var(--accent); border-radius: 14px;
      background: var(--bg-elev); font-size: 1.3rem; font-weight: 600;
    }
  `,
  ];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  /** What is being dragged over the window: files (imported) or a link (saved as a page). */
  @state() private dragging: false | 'files' | 'link' = false;
  protected readonly i18n = new LanguageController(this);
  private dragTimer = 0;
  private unsubscribe = () => {};

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('dragover', this.onDragOver);
    window.addEventListener('drop', this.onDrop);
    this.unsubscribe = this.services.platform.onCommand((c) => {
      if (c === 'import-files') void this.pick('files');
      else if (c === 'import-folder') void this.pick('folder');
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('dragover', this.onDragOver);
    window.removeEventListener('drop', this.onDrop);
    this.unsubscribe();
    clearTimeout(this.dragTimer);
  }

  /** Opens the platform's picker and imports what the user chose. */
  async pick(what: 'files' | 'folder'): Promise<void> {
    if (this.services.importer.running) return this.busy();
    try {
      const files =
        what === 'files'
          ? await this.services.platform.pickFiles({ multiple: true })
          : await this.services.platform.pickFolder();
      if (files?.length) await this.run(files, what);
    } catch (e) {
      reportError(this.services.notifier, e);
    }
  }

  private busy(): void {
    this.services.notifier.notify({ kind: 'info', message: 'import.busy' });
  }

  private async run(files: PickedFile[], origin: 'files' | 'folder' | 'drop'): Promise<void> {
    if (this.services.importer.running) return this.busy();
    const folders = [...new Set(files.map((f) => f.path.split('/')[0]))];
    const label = origin === 'files' || folders.length > 3 ? `${files.length}` : folders.join('، ');
    await this.services.importer.start(files, { origin, label });
  }

  private onDragOver = (e: DragEvent): void => {
    const what = dragHasFiles(e) ? 'files' : dragHasLink(e) ? 'link' : undefined;
    if (!what) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    this.dragging = what;
    clearTimeout(this.dragTimer);
    this.dragTimer = window.setTimeout(() => {
      this.dragging = false;
    }, DRAG_GONE_MS);
  };

  private onDrop = (e: DragEvent): void => {
    if (e.dataTransfer && !dragHasFiles(e) && dragHasLink(e)) {
      // A link dragged from a browser: fetched and imported as a saved page (collect's save by link).
      e.preventDefault();
      this.dragging = false;
      clearTimeout(this.dragTimer);
      const text = e.dataTransfer.getData('text/uri-list') || e.dataTransfer.getData('text/plain');
      this.services.links.save(text).catch((err) => reportError(this.services.notifier, err));
      return;
    }
    if (!e.dataTransfer || !dragHasFiles(e)) return;
    e.preventDefault();
    this.dragging = false;
    clearTimeout(this.dragTimer);
    // Entries must be taken now, while the event is being dispatched; the walk itself is async.
    const dropped = e.dataTransfer.items?.length || e.dataTransfer.files?.length || 0;
    filesFromDrop(e.dataTransfer)
      .then((files) => {
        if (files.length) return this.run(files, 'drop');
        // Something was dropped but nothing could be read: say so rather than do nothing.
        if (dropped) this.services.notifier.notify({ kind: 'error', message: 'import.dropUnreadable' });
      })
      .catch((err) => reportError(this.services.notifier, err));
  };

  override render() {
    return html`
      ${
        this.dragging
          ? html`<div class="overlay" aria-hidden="true">
              <div>${t(this.dragging === 'link' ? 'link.drop' : 'import.drop')}</div>
            </div>`
          : nothing
      }
      <warraq-import-dialog></warraq-import-dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-import': ImportControl;
  }
}
