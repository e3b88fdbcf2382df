/**
 * <warraq-library> — the library: by default one row per story (its outlet count; the row expands to the
 * story's editions, earliest first), or every article (the toggle). Sort (stories: by earliest
 * publication, import, title or outlet count), filter by outlet and by the number of outlets carrying a
 * story, open, delete (with undo). Only the rows on screen exist in the DOM (@lit-labs/virtualizer), so
 * 30,000+ articles stay smooth; the rows come from a grouping layer (library-items.ts).
 *
 * Keyboard: ↑/↓, PageUp/PageDown, Home/End move the active row; Enter opens it; Delete removes it;
 * → / ← (mirrored in Arabic) or + / − expand and collapse a story.
 * Events: `warraq-navigate` (open an article).
 * Services: library, stories, settings, notifier (through context).
 */
import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, state, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import '@lit-labs/virtualizer';
import type { LitVirtualizer } from '@lit-labs/virtualizer';
import type { ArticleMeta, Edition } from '../../core/model';
import type { Services } from '../../services/services';
import type { LibraryPrefs, LibrarySortKey } from '../../services/settings';
import { libraryItems, isByStory, STORY_SORTS, type LibraryItem, type StoryLibraryPrefs } from './library-items';
import { libraryStyles } from './library-styles';
import { renderEditionRow, renderStoryRow } from './story-rows';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { LanguageController, language, t, formatNumber } from '../strings/i18n';
import { formatPublished } from '../common/article-date';
import { NavigateEvent } from '../app/route';
import { reportError } from '../common/report-error';
import { icon } from '../common/icons';

const SORTS: LibrarySortKey[] = ['imported', 'date', 'title', 'outlet'];
const PAGE = 10;
const MIN_OUTLETS = [1, 2, 3, 5, 10];
/** Least time between two rebuilds of the list while changes stream in. */
const REFRESH_MS = 250;

@customElement('warraq-library')
export class LibraryView extends LitElement {
  static override styles = [baseStyles, libraryStyles];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @state() private rows: LibraryItem[] = [];
  @state() private counts = { rows: 0, articles: 0 };
  @state() private active = 0;
  @state() private prefs!: StoryLibraryPrefs;
  /** Expanded stories, and their editions once loaded. */
  private expanded = new Set<string>();
  private editions = new Map<string, Edition[]>();
  /** Where the reader last left off ("continue reading"), from the annotations service. */
  @state() private resume?: { meta: ArticleMeta; paragraph: number };
  @query('lit-virtualizer') private virtualizer?: LitVirtualizer;
  protected readonly i18n = new LanguageController(this);
  private frame = 0;
  private timer = 0;
  private lastRefresh = -Infinity;
  /**
   * Library and story changes arrive in bursts while an import and detection run: rebuild in the next
   * frame, and at most every REFRESH_MS (a rebuild groups every article: ~40 ms at 30,000).
   */
  private readonly onChange = () => {
    if (this.frame || this.timer) return;
    const wait = this.lastRefresh + REFRESH_MS - performance.now();
    const later = () => {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.refresh();
      });
    };
    if (wait > 0)
      this.timer = window.setTimeout(() => {
        this.timer = 0;
        later();
      }, wait);
    else later();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.prefs = this.services.settings.get('library');
    this.services.library.addEventListener('change', this.onChange);
    this.services.stories.addEventListener('change', this.onStories);
    this.services.settings.addEventListener('change', this.onSettings);
    this.refresh();
    this.services.annotations.continueReading().then(
      (r) => {
        this.resume = r;
      },
      () => {},
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services.library.removeEventListener('change', this.onChange);
    this.services.stories.removeEventListener('change', this.onStories);
    this.services.settings.removeEventListener('change', this.onSettings);
    cancelAnimationFrame(this.frame);
    window.clearTimeout(this.timer);
    this.frame = 0;
    this.timer = 0;
  }

  /** The sidebar sets the outlet filter in the settings: follow it. */
  private readonly onSettings = (e: Event): void => {
    const prefs = this.services.settings.get('library');
    if ((e as CustomEvent<string>).detail !== 'library' || prefs.outlet === this.prefs.outlet) return;
    this.prefs = { ...this.prefs, outlet: prefs.outlet };
    this.refresh();
  };

  /** A regrouping or a rename: expanded stories reload their editions, rows are rebuilt. */
  private readonly onStories = (): void => {
    this.editions.clear();
    for (const id of this.expanded) void this.loadEditions(id);
    this.onChange();
  };

  private refresh(): void {
    this.lastRefresh = performance.now();
    const r = libraryItems(this.services, this.prefs, this.expanded, this.editions);
    this.rows = r.items;
    this.counts = { rows: r.rows, articles: r.articles };
    this.active = Math.min(this.active, Math.max(0, this.rows.length - 1));
  }

  private async loadEditions(storyId: string): Promise<void> {
    try {
      const view = await this.services.stories.storyOf(storyId);
      this.editions.set(storyId, view?.editions ?? []);
      this.refresh();
    } catch (e) {
      reportError(this.services.notifier, e);
    }
  }

  private toggle(storyId: string, open = !this.expanded.has(storyId)): void {
    if (open === this.expanded.has(storyId)) return;
    if (open) {
      this.expanded.add(storyId);
      if (!this.editions.has(storyId)) void this.loadEditions(storyId);
    } else this.expanded.delete(storyId);
    this.refresh();
  }

  private async setPrefs(patch: Partial<StoryLibraryPrefs>): Promise<void> {
    this.prefs = { ...this.prefs, ...patch };
    this.refresh();
    try {
      // The story view's fields ride in the library prefs object (settings merge unknown fields through).
      await this.services.settings.set('library', this.prefs as LibraryPrefs);
    } catch (e) {
      reportError(this.services.notifier, e);
    }
  }

  private open(item: LibraryItem | undefined): void {
    const id = !item
      ? undefined
      : item.kind === 'article'
        ? item.meta.id
        : item.kind === 'story'
          ? item.row.lead.id
          : item.edition.articleId;
    if (id) this.dispatchEvent(new NavigateEvent({ view: 'reader', id }));
  }

  /** Deletes an article row, or a story row holding a single article. */
  private async deleteRow(item: LibraryItem | undefined): Promise<void> {
    const row =
      item?.kind === 'article'
        ? item.meta
        : item?.kind === 'story' && item.row.articleIds.length === 1
          ? item.row.lead
          : undefined;
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
    const item = this.rows[this.active];
    const storyId = item?.kind === 'story' ? item.row.id : item?.kind === 'edition' ? item.row.id : undefined;
    const [opens, closes] = language() === 'ar' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowRight', 'ArrowLeft'];
    const expand = (open: boolean) => () => {
      if (!storyId) return;
      this.toggle(storyId, open);
      if (!open) this.active = this.rows.findIndex((r) => r.kind === 'story' && r.row.id === storyId);
    };
    const keys: Record<string, () => void> = {
      [opens]: expand(true),
      '+': expand(true),
      [closes]: expand(false),
      '-': expand(false),
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
    if (changed.has('rows') && this.rows.length)
      this.virtualizer?.element(this.active)?.scrollIntoView({ block: 'nearest' });
  }

  private renderArticleRow = (m: ArticleMeta, i: number) => html`
    <div class="row" role="row" id="row-${i}" aria-rowindex=${i + 2} aria-selected=${i === this.active ? 'true' : 'false'}
      @click=${() => {
        this.active = i;
      }} @dblclick=${() => this.open({ kind: 'article', meta: m })}>
      <div class="title" role="gridcell"><a href="#/article/${encodeURIComponent(m.id)}" tabindex="-1"
        @click=${(e: Event) => {
          e.preventDefault();
          this.open({ kind: 'article', meta: m });
        }}><bdi dir="auto">${m.title}</bdi></a></div>
      <div class="cell" role="gridcell"><bdi dir="auto">${this.services.stories.outletName(m.outlet)}</bdi></div>
      <div class="cell" role="gridcell">${m.published || m.publishedHijri ? formatPublished(m) : t('library.undated')}</div>
      <div class="cell" role="gridcell">${t('library.words', { count: m.words })}</div>
      <div role="gridcell"><button class="del" tabindex="-1" aria-label=${t('library.delete', { title: m.title })}
        title=${t('library.delete', { title: m.title })} @click=${() => this.deleteRow({ kind: 'article', meta: m })}>${icon('close')}</button></div>
    </div>`;

  private renderRow = (item: LibraryItem, i: number) => {
    const ctx = {
      index: i,
      active: i === this.active,
      select: () => {
        this.active = i;
      },
      open: () => this.open(item),
      toggle: (id: string) => this.toggle(id),
      remove: () => this.deleteRow(item),
      outletName: (id: string) => this.services.stories.outletName(id),
    };
    if (item.kind === 'story') return renderStoryRow(item.row, item.expanded, ctx);
    if (item.kind === 'edition') return renderEditionRow(item.edition, item.last, ctx);
    return this.renderArticleRow(item.meta, i);
  };

  private renderToolbar() {
    const outlets = this.services.library.outlets();
    const byStory = isByStory(this.prefs);
    return html`
      <header class="toolbar">
        <h1>${t('library.title')} <span class="muted count">(${
          byStory && this.services.library.complete
            ? t('stories.library.count', { stories: this.counts.rows, articles: this.counts.articles })
            : t('library.count', { count: this.prefs.outlet ? this.counts.rows : this.services.library.size })
        })</span></h1>
        ${
          this.resume && this.services.library.meta(this.resume.meta.id)
            ? html`<button class="primary"
          @click=${() => this.dispatchEvent(new NavigateEvent({ view: 'reader', id: this.resume!.meta.id, paragraph: this.resume!.paragraph || undefined }))}>
          ${t('library.continue', { title: this.resume.meta.title })}</button>`
            : ''
        }
        <button aria-pressed=${byStory ? 'true' : 'false'} @click=${() => this.setPrefs({ byStory: !byStory })}>${t('stories.library.byStory')}</button>
        <label>${t('library.sort')}
          ${
            byStory
              ? html`<select aria-label=${t('library.sort')} @change=${(e: Event) => this.setPrefs({ storySort: (e.target as HTMLSelectElement).value as StoryLibraryPrefs['storySort'] })}>
            ${STORY_SORTS.map((s) => html`<option value=${s} ?selected=${s === (this.prefs.storySort ?? 'earliest')}>${t(`stories.library.sort.${s}`)}</option>`)}
          </select>`
              : html`<select aria-label=${t('library.sort')} @change=${(e: Event) => this.setPrefs({ sort: (e.target as HTMLSelectElement).value as LibrarySortKey })}>
            ${SORTS.map((s) => html`<option value=${s} ?selected=${s === this.prefs.sort}>${t(`library.sort.${s}`)}</option>`)}
          </select>`
          }</label>
        <button aria-label=${t('library.order')} title=${t('library.order')}
          @click=${() => this.setPrefs({ descending: !this.prefs.descending })}>
          ${this.prefs.descending ? t('library.order.desc') : t('library.order.asc')}</button>
        <label>${t('library.filterOutlet')}
          <select aria-label=${t('library.filterOutlet')} @change=${(e: Event) => this.setPrefs({ outlet: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!this.prefs.outlet}>${t('library.allOutlets')}</option>
            ${outlets.map((o) => html`<option value=${o} ?selected=${o === this.prefs.outlet}>${this.services.stories.outletName(o)}</option>`)}
          </select></label>
        ${
          byStory
            ? html`<label>${t('stories.library.minOutlets')}
          <select aria-label=${t('stories.library.minOutlets')} @change=${(e: Event) => this.setPrefs({ minOutlets: Number((e.target as HTMLSelectElement).value) })}>
            ${MIN_OUTLETS.map((n) => html`<option value=${n} ?selected=${n === (this.prefs.minOutlets ?? 1)}>${n === 1 ? t('stories.library.anyOutlets') : t('stories.library.atLeast', { count: n })}</option>`)}
          </select></label>`
            : ''
        }
      </header>`;
  }

  override render() {
    const count = formatNumber(this.counts.rows);
    return html`
      ${this.renderToolbar()}
      ${
        this.rows.length === 0
          ? html`<p class="empty" role="status">${t(this.services.library.size ? 'stories.library.noMatch' : 'library.empty')}</p>`
          : html`
          <div class="grid" role="grid" tabindex="0" aria-label=${t('library.list')} aria-rowcount=${this.rows.length + 1}
            aria-activedescendant="row-${this.active}" aria-description=${count} @keydown=${this.onKey}>
            <div class="row head" role="row" aria-rowindex="1">
              <div role="columnheader">${t('library.col.title')}</div>
              <div role="columnheader">${isByStory(this.prefs) ? t('stories.library.col.outlets') : t('library.col.outlet')}</div>
              <div role="columnheader">${t('library.col.date')}</div>
              <div role="columnheader">${t('library.col.length')}</div>
              <div role="columnheader"><span class="sr-only">✕</span></div>
            </div>
            <lit-virtualizer scroller role="rowgroup" .items=${this.rows} .renderItem=${this.renderRow}></lit-virtualizer>
          </div>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-library': LibraryView;
  }
}
