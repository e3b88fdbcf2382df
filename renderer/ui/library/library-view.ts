/**
 * <warraq-library> — the list of every article: sort, filter by outlet, open, delete (with undo).
 * Only the rows on screen exist in the DOM (@lit-labs/virtualizer), so 30,000+ articles stay smooth.
 *
 * Keyboard: ↑/↓, PageUp/PageDown, Home/End move the active row; Enter opens it; Delete removes it.
 * Events: `warraq-navigate` (open an article).
 * Services: library, settings, notifier (through context).
 */
import { LitElement, html, css, type PropertyValues } from 'lit';
import { customElement, state, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import '@lit-labs/virtualizer';
import type { LitVirtualizer } from '@lit-labs/virtualizer';
import type { ArticleMeta } from '../../core/model';
import type { Services } from '../../services/services';
import type { LibraryPrefs, LibrarySortKey } from '../../services/settings';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { LanguageController, t, formatNumber } from '../strings/i18n';
import { formatPublished } from '../common/article-date';
import { NavigateEvent } from '../app/route';
import { reportError } from '../common/report-error';

const SORTS: LibrarySortKey[] = ['imported', 'date', 'title', 'outlet'];
const PAGE = 10;

@customElement('warraq-library')
export class LibraryView extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: flex; flex-direction: column; block-size: 100%; min-block-size: 0; }
    header { padding-block: 12px; padding-inline: 20px; border-block-end: 1px solid var(--border); }
    h1 { font-size: 1.3rem; margin: 0; margin-inline-end: auto; }
    .grid { flex: 1; display: flex; flex-direction: column; min-block-size: 0; }
    .grid:focus-visible { outline: 3px solid var(--focus); outline-offset: -3px; }
    lit-virtualizer { flex: 1; min-block-size: 0; }
    .row {
      display: grid; grid-template-columns: minmax(0, 1fr) 12rem 10rem 7rem 3rem; align-items: center;
      gap: 12px; padding-inline: 20px; block-size: 52px; box-sizing: border-box; inline-size: 100%;
      border-block-end: 1px solid var(--border);
    }
    .row[aria-selected='true'] { background: var(--bg-elev); border-inline-start: 4px solid var(--accent); padding-inline-start: 16px; }
    .head { font-weight: 700; color: var(--fg-muted); block-size: 40px; }
    .title { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .title a { color: inherit; text-decoration: none; font-weight: 600; }
    .title a:hover { text-decoration: underline; }
    .cell { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--fg-muted); }
    .del { min-block-size: 28px; padding-inline: 6px; }
    .empty { padding: 40px; text-align: center; color: var(--fg-muted); }
  `];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @state() private rows: ArticleMeta[] = [];
  @state() private active = 0;
  @state() private prefs!: LibraryPrefs;
  /** Where the reader last left off ("continue reading"), from the annotations service. */
  @state() private resume?: { meta: ArticleMeta; paragraph: number };
  @query('lit-virtualizer') private virtualizer?: LitVirtualizer;
  protected readonly i18n = new LanguageController(this);
  private readonly onChange = () => this.refresh();

  override connectedCallback(): void {
    super.connectedCallback();
    this.prefs = this.services.settings.get('library');
    this.services.library.addEventListener('change', this.onChange);
    this.refresh();
    this.services.annotations.continueReading().then((r) => { this.resume = r; }, () => {});
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services.library.removeEventListener('change', this.onChange);
  }

  private refresh(): void {
    this.rows = this.services.library.rows(this.prefs);
    this.active = Math.min(this.active, Math.max(0, this.rows.length - 1));
  }

  private async setPrefs(patch: Partial<LibraryPrefs>): Promise<void> {
    this.prefs = { ...this.prefs, ...patch };
    this.refresh();
    try {
      await this.services.settings.set('library', this.prefs);
    } catch (e) {
      reportError(this.services.notifier, e);
    }
  }

  private open(row: ArticleMeta | undefined): void {
    if (row) this.dispatchEvent(new NavigateEvent({ view: 'reader', id: row.id }));
  }

  private async deleteRow(row: ArticleMeta | undefined): Promise<void> {
    if (!row) return;
    try {
      await this.services.library.delete(row.id);
    } catch (e) {
      reportError(this.services.notifier, e);
    }
  }

  private move(to: number): void {
    if (!this.rows.length) return;
    this.active = Math.max(0, Math.min(this.rows.length - 1, to));
    this.virtualizer?.element(this.active)?.scrollIntoView({ block: 'nearest' });
  }

  private onKey(e: KeyboardEvent): void {
    const keys: Record<string, () => void> = {
      ArrowDown: () => this.move(this.active + 1),
      ArrowUp: () => this.move(this.active - 1),
      PageDown: () => this.move(this.active + PAGE),
      PageUp: () => this.move(this.active - PAGE),
      Home: () => this.move(0),
      End: () => this.move(this.rows.length - 1),
      Enter: () => this.open(this.rows[this.active]),
      Delete: () => void this.deleteRow(this.rows[this.active]),
    };
    const action = keys[e.key];
    if (action && e.target === e.currentTarget) {
      e.preventDefault();
      action();
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('rows') && this.rows.length) this.virtualizer?.element(this.active)?.scrollIntoView({ block: 'nearest' });
  }

  private renderRow = (m: ArticleMeta, i: number) => html`
    <div class="row" role="row" id="row-${i}" aria-rowindex=${i + 2} aria-selected=${i === this.active ? 'true' : 'false'}
      @click=${() => { this.active = i; }} @dblclick=${() => this.open(m)}>
      <div class="title" role="gridcell"><a href="#/article/${encodeURIComponent(m.id)}" tabindex="-1"
        @click=${(e: Event) => { e.preventDefault(); this.open(m); }}><bdi dir="auto">${m.title}</bdi></a></div>
      <div class="cell" role="gridcell"><bdi dir="auto">${m.outlet}</bdi></div>
      <div class="cell" role="gridcell">${m.published || m.publishedHijri ? formatPublished(m) : t('library.undated')}</div>
      <div class="cell" role="gridcell">${t('library.words', { count: m.words })}</div>
      <div role="gridcell"><button class="del" tabindex="-1" aria-label=${t('library.delete', { title: m.title })}
        title=${t('library.delete', { title: m.title })} @click=${() => this.deleteRow(m)}>✕</button></div>
    </div>`;

  private renderToolbar() {
    const outlets = this.services.library.outlets();
    return html`
      <header class="toolbar">
        <h1>${t('library.title')} <span class="muted count">(${t('library.count', { count: this.prefs.outlet ? this.rows.length : this.services.library.size })})</span></h1>
        ${this.resume && this.services.library.meta(this.resume.meta.id) ? html`<button class="primary"
          @click=${() => this.dispatchEvent(new NavigateEvent({ view: 'reader', id: this.resume!.meta.id, paragraph: this.resume!.paragraph || undefined }))}>
          ${t('library.continue', { title: this.resume.meta.title })}</button>` : ''}
        <label>${t('library.sort')}
          <select aria-label=${t('library.sort')} @change=${(e: Event) => this.setPrefs({ sort: (e.target as HTMLSelectElement).value as LibrarySortKey })}>
            ${SORTS.map((s) => html`<option value=${s} ?selected=${s === this.prefs.sort}>${t(`library.sort.${s}`)}</option>`)}
          </select></label>
        <button aria-label=${t('library.order')} title=${t('library.order')}
          @click=${() => this.setPrefs({ descending: !this.prefs.descending })}>
          ${this.prefs.descending ? t('library.order.desc') : t('library.order.asc')}</button>
        <label>${t('library.filterOutlet')}
          <select aria-label=${t('library.filterOutlet')} @change=${(e: Event) => this.setPrefs({ outlet: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!this.prefs.outlet}>${t('library.allOutlets')}</option>
            ${outlets.map((o) => html`<option value=${o} ?selected=${o === this.prefs.outlet}>${o}</option>`)}
          </select></label>
      </header>`;
  }

  override render() {
    const count = formatNumber(this.rows.length);
    return html`
      ${this.renderToolbar()}
      ${this.rows.length === 0
        ? html`<p class="empty" role="status">${t('library.empty')}</p>`
        : html`
          <div class="grid" role="grid" tabindex="0" aria-label=${t('library.list')} aria-rowcount=${this.rows.length + 1}
            aria-activedescendant="row-${this.active}" aria-description=${count} @keydown=${this.onKey}>
            <div class="row head" role="row" aria-rowindex="1">
              <div role="columnheader">${t('library.col.title')}</div>
              <div role="columnheader">${t('library.col.outlet')}</div>
              <div role="columnheader">${t('library.col.date')}</div>
              <div role="columnheader">${t('library.col.length')}</div>
              <div role="columnheader"><span class="sr-only">✕</span></div>
            </div>
            <lit-virtualizer scroller role="rowgroup" .items=${this.rows} .renderItem=${this.renderRow}></lit-virtualizer>
          </div>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-library': LibraryView;
  }
}
