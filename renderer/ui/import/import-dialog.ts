/**
 * <warraq-import-dialog> — follows the import service: a progress panel while an import runs (a
 * non-modal dialog docked at the bottom, so the library stays usable and fills in underneath), then a
 * modal report the user can read and copy.
 *
 * Services: importer (through context). Keys: Escape in the progress panel cancels the import; in the
 * report, Escape closes it.
 */
import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { customElement, state, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Services } from '../../services/services';
import type { ImportIssue, ImportProgress, ImportReport } from '../../services/importer';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { LanguageController, formatNumber, t } from '../strings/i18n';
import { issueText, reportText, summaryLines } from './report-text';
import { unlistedProblems } from '../../services/import-counts';

/** Report issues drawn per frame (a few ms each; a report with fewer is drawn at once). */
/** Issues drawn with the report when it opens, then added each frame (see `listed`). */
const FIRST_CHUNK = 20;
const LIST_CHUNK = 50;

function issueCount(r: ImportReport): number {
  return r.failed.length + r.skipped.length + (r.warnings?.length ?? 0) + (r.editionsOf?.length ?? 0);
}

@customElement('warraq-import-dialog')
export class ImportDialog extends LitElement {
  static override styles = [
    baseStyles,
    css`
    dialog { border: 1px solid var(--border); border-radius: 10px; background: var(--bg-elev); color: var(--fg); padding: 0; box-shadow: 0 8px 32px rgb(0 0 0 / 0.25); }
    dialog.progress { position: fixed; inset-block-end: 16px; inset-block-start: auto; inset-inline: auto 16px; margin: 0; inline-size: min(460px, calc(100vw - 32px)); z-index: 10; }
    dialog.report { inline-size: min(720px, calc(100vw - 48px)); max-block-size: calc(100vh - 64px); }
    dialog.report[open] { display: flex; flex-direction: column; }
    .details { overflow: auto; flex: 1; min-block-size: 0; padding-block: 0 8px; padding-inline: 20px; }
    .foot { padding-block: 12px; padding-inline: 20px; border-block-start: 1px solid var(--border); }
    .line { display: flex; gap: 16px; flex-wrap: wrap; }
    dialog::backdrop { background: rgb(0 0 0 / 0.35); }
    .body { padding-block: 16px; padding-inline: 20px; display: flex; flex-direction: column; gap: 10px; }
    h2 { margin: 0; font-size: 1.15rem; }
    .bar { block-size: 10px; border-radius: 5px; background: var(--border); overflow: hidden; }
    .bar > div { block-size: 100%; background: var(--accent); transition: inline-size 0.15s linear; }
    .current { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-size: 0.92rem; }
    .actions { display: flex; gap: 8px; justify-content: flex-end; align-items: center; }
    .summary { margin: 0; padding-inline-start: 1.2em; line-height: 1.8; }
    .list { margin: 0; padding-inline-start: 1.2em; line-height: 1.7; font-size: 0.95rem; }
    .list li bdi { font-weight: 600; }
    h3 { margin: 6px 0 0; font-size: 1rem; }
    .error { color: var(--danger, #b00020); }
  `,
  ];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @state() private copied = false;
  /**
   * Issues drawn in the report so far. A corpus import lists up to 500 of each kind: drawing them all
   * with the report took one task of 300–600 ms, so the report opens with FIRST_CHUNK and the lists fill
   * in LIST_CHUNK items a frame (each frame's task stays well under 50 ms while detection still runs).
   */
  @state() private listed = FIRST_CHUNK;
  private listFrame = 0;
  @query('dialog.progress') private progressDialog?: HTMLDialogElement;
  @query('dialog.report') private reportDialog?: HTMLDialogElement;
  protected readonly i18n = new LanguageController(this);
  private readonly onChange = () => {
    this.copied = false;
    if (this.services.importer.state.phase !== 'done') this.listed = FIRST_CHUNK;
    this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.services.importer.addEventListener('change', this.onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services.importer.removeEventListener('change', this.onChange);
    cancelAnimationFrame(this.listFrame);
    this.listFrame = 0;
  }

  protected override updated(_changed: PropertyValues): void {
    const p = this.progressDialog;
    if (p && !p.open) p.show();
    const r = this.reportDialog;
    if (r && !r.open) r.showModal();
    const report = this.services.importer.state.report;
    if (r && report && this.listed < issueCount(report) && !this.listFrame)
      this.listFrame = requestAnimationFrame(() => {
        this.listFrame = 0;
        this.listed += LIST_CHUNK;
      });
  }

  private onProgressKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    this.services.importer.cancel();
  }

  private async copy(report: ImportReport): Promise<void> {
    const text = reportText(report);
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Clipboard API refused (no focus or permission): the old way still copies a selection.
      const area = document.createElement('textarea');
      area.value = text;
      this.renderRoot.appendChild(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    this.copied = true;
  }

  private close(): void {
    this.reportDialog?.close();
  }

  private renderProgress(p: ImportProgress, cancelling: boolean) {
    const pct =
      p.bytesTotal > 0
        ? Math.min(100, Math.floor((p.bytesDone / p.bytesTotal) * 100))
        : p.filesTotal > 0
          ? Math.floor((p.filesDone / p.filesTotal) * 100)
          : 0;
    const files = t('import.progress.files', { done: Math.min(p.filesDone + 1, p.filesTotal), total: p.filesTotal });
    return html`
      <dialog class="progress" aria-labelledby="ptitle" @keydown=${this.onProgressKey} @cancel=${(e: Event) => e.preventDefault()}>
        <div class="body">
          <h2 id="ptitle">${t('import.progress.title')}</h2>
          <div class="bar" role="progressbar" aria-label=${t('import.progress.label')} aria-valuemin="0" aria-valuemax="100"
            aria-valuenow=${pct} aria-valuetext=${`${t('import.progress.percent', { percent: pct })} — ${files}`}>
            <div style="inline-size: ${pct}%"></div>
          </div>
          <div class="line"><span>${t('import.progress.percent', { percent: pct })}</span><span>${files}</span></div>
          <div class="current">${t('import.progress.current')} <bdi>${p.currentFile}</bdi></div>
          <!-- Not a live region: it changes ten times a second; the progressbar carries the value. -->
          <div>${t('import.progress.counts', { imported: p.imported, duplicates: p.duplicates, failed: p.failed })}</div>
          <div class="actions">
            ${cancelling ? html`<span class="muted" role="status">${t('import.cancelling')}</span>` : nothing}
            <button ?disabled=${cancelling} @click=${() => this.services.importer.cancel()}>${t('import.cancel')}</button>
          </div>
        </div>
      </dialog>
    `;
  }

  /** One list of the report; `budget` is how many items may still be drawn this frame. */
  private renderIssues(heading: string, items: ImportIssue[], budget: { left: number }) {
    if (!items.length) return nothing;
    const shown = items.slice(0, Math.max(0, budget.left));
    budget.left -= shown.length;
    return html`
      <h3>${heading}</h3>
      <ul class="list">${shown.map((i) => html`<li><bdi>${i.path}</bdi>: ${issueText(i)}</li>`)}</ul>
    `;
  }

  private renderReport(r: ImportReport) {
    const budget = { left: this.listed };
    return html`
      <dialog class="report" aria-labelledby="rtitle" @close=${() => this.services.importer.dismiss()}>
        <div class="body">
          <h2 id="rtitle">${t('import.report.title')}</h2>
          <ul class="summary">${summaryLines(r).map((l) => html`<li class=${r.error && l.includes(r.error.message) ? 'error' : ''}>${l}</li>`)}</ul>
        </div>
        <div class="details">
          ${this.renderIssues(t('import.report.failedList'), r.failed, budget)}
          ${unlistedProblems(r) ? html`<p class="muted">${t('import.report.unlisted', { count: formatNumber(unlistedProblems(r)) })}</p>` : nothing}
          ${this.renderIssues(t('import.report.skippedList'), r.skipped, budget)}
          ${this.renderIssues(t('import.report.warningsList'), r.warnings ?? [], budget)}
          ${this.renderIssues(t('stories.import.editionsList'), r.editionsOf ?? [], budget)}
        </div>
        <div class="foot">
          <div class="actions">
            <span role="status" class="muted">${this.copied ? t('import.report.copied') : ''}</span>
            <button @click=${() => this.copy(r)}>${t('import.report.copy')}</button>
            <button class="primary" autofocus @click=${() => this.close()}>${t('import.report.close')}</button>
          </div>
        </div>
      </dialog>
    `;
  }

  override render() {
    const s = this.services.importer.state;
    if (s.phase === 'running') return this.renderProgress(s.progress, s.cancelling);
    if (s.phase === 'done' && s.report) return this.renderReport(s.report);
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-import-dialog': ImportDialog;
  }
}
