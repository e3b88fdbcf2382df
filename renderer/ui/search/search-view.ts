/**
 * <warraq-search> — results for the query in the route: count, ranked list (outlet, date, title and
 * a snippet with the hits marked on the original characters), sort by relevance or date, exact
 * spelling, search within these results, the query-language help and the index status line.
 *
 * Copies of one story collapse into one result (its best-ranked hit), saying "and N more outlets".
 *
 * Properties: `query`. Keyboard: ↑/↓ (and ↓ from the search box) move the active result, Enter
 * opens it at its first hit. Events: `warraq-navigate`. Services: search, stories (through context).
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { Task } from '@lit/task';
import { customElement, property, state, query as el } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { SearchHit, SearchResponse, Snippet } from '../../core/search/api';
import type { Services } from '../../services/services';
import type { CollapsedHit } from '../../services/stories';
import { isSuperseded } from '../../services/search';
import { servicesContext } from '../context';
import { LanguageController, t, formatNumber } from '../strings/i18n';
import { formatPublished } from '../common/article-date';
import { NavigateEvent } from '../app/route';
import { reportError } from '../common/report-error';
import { searchStyles } from './search-styles';
import { renderSnippet } from './snippet-view';
import { renderHelp } from './search-help';
import './search-status';
import { icon } from '../common/icons';

/**
 * Results fetched first (small, so typing stays instant; the total is still counted), at most
 * fetched when the reader asks for more or searches within, and snippets fetched per page.
 */
const FIRST = 50;
const LIMIT = 1000;
const PAGE = 30;

/** The result last opened from this view, so coming back to the same query puts focus on it. */
let lastOpened: { query: string; id: string } | undefined;

interface Found {
  query: string;
  response: SearchResponse;
}

@customElement('warraq-search')
export class SearchView extends LitElement {
  static override styles = searchStyles;

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @property() query = '';
  @state() private shown = PAGE;
  @state() private active = 0;
  @state() private sort: 'relevance' | 'date' = 'relevance';
  @state() private strict = false;
  /** Search within results: the earlier queries (each matched in full by the engine) and their count. */
  @state() private within: { queries: string[]; count: number } | null = null;
  /** Hits asked of the engine: FIRST while typing, LIMIT once the reader pages on. */
  @state() private limit = FIRST;
  /** Bumped when the index or the stories change: the same query may answer differently. */
  @state() private version = 0;
  @el('ol') private list?: HTMLElement;
  protected readonly i18n = new LanguageController(this);
  private lastSize = -1;
  private collapsed?: { response: SearchResponse; version: number; results: CollapsedHit<SearchHit>[] };

  /** The search: only the latest run writes its result (a newer query supersedes the older). */
  private readonly search = new Task(this, {
    task: async ([query, sort, strict, within, limit]): Promise<Found | null> => {
      if (!query) return null;
      const options = { sort, strict, limit, ...(within ? { narrow: within.queries } : {}) };
      return { query, response: await this.services.search.search(query, options) };
    },
    args: () => [this.query.trim(), this.sort, this.strict, this.within, this.limit, this.version] as const,
    // onComplete runs before the task's value is set: restore once the host has drawn it.
    onComplete: () => void this.updateComplete.then(() => this.restoreFocus()),
    onError: (e) => {
      if (!isSuperseded(e)) reportError(this.services.notifier, e);
    },
  });

  /** Snippets of the results shown, for the query they were made for. */
  private readonly snippetTask = new Task(this, {
    // No results yet for a new query: the previous query's snippets stay with the results still shown.
    task: async ([ids, query, strict]): Promise<{ query: string; snippets: Record<string, Snippet> }> =>
      ids.length
        ? { query, snippets: await this.services.search.snippets(ids, query, strict) }
        : (this.snippetTask.value ?? { query, snippets: {} }),
    args: () => [this.results.slice(0, this.shown).map((r) => r.hit.id), this.query, this.strict] as const,
    argsEqual: ([a, q, s], [b, r, u]) => q === r && s === u && a.length === b.length && a.every((id, i) => id === b[i]),
    onError: (e) => {
      if (!isSuperseded(e)) reportError(this.services.notifier, e);
    },
  });

  private readonly onStatus = () => {
    // The index grew or shrank (a segment loaded or built, an import, a delete): the same query may
    // now find more, so answer again from what is loaded, segment by segment during a build.
    const { state, size } = this.services.search.status;
    if (size !== this.lastSize || state === 'ready') {
      this.lastSize = size;
      this.version++;
    }
  };
  /** A regrouping or a rename changes how hits collapse and what outlets are called. */
  private readonly onStories = () => {
    this.collapsed = undefined;
    this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.services.search.addEventListener('status', this.onStatus);
    this.services.stories.addEventListener('change', this.onStories);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services.search.removeEventListener('status', this.onStatus);
    this.services.stories.removeEventListener('change', this.onStories);
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A new question starts at the top with a small first page.
    if (changed.has('query') || changed.has('sort') || changed.has('strict') || changed.has('within')) {
      this.limit = FIRST;
      this.shown = PAGE;
      this.active = 0;
    }
  }

  /** The latest response, when it answers the current query. */
  private get response(): SearchResponse | null {
    const found = this.search.value;
    return found && found.query === this.query.trim() ? found.response : null;
  }

  /**
   * What the list shows: the latest response, or while a newer query runs the previous one, so typing
   * updates the results in place (issue 17: dropping the list at each keystroke and drawing 30 results
   * anew when the answer came was most of a keystroke's layout, and flashed the prompt in between).
   */
  private get shownResponse(): SearchResponse | null {
    if (!this.query.trim()) return null;
    return this.response ?? this.search.value?.response ?? null;
  }

  /** The response's hits, one per story (memoised per response). */
  private get results(): CollapsedHit<SearchHit>[] {
    return this.collapse(this.response);
  }

  private get shownResults(): CollapsedHit<SearchHit>[] {
    return this.collapse(this.shownResponse);
  }

  private collapse(response: SearchResponse | null): CollapsedHit<SearchHit>[] {
    if (!response) return [];
    if (this.collapsed?.response !== response)
      this.collapsed = { response, version: this.version, results: this.services.stories.collapse(response.hits) };
    return this.collapsed.results;
  }

  /** Snippets for the results shown (made for the query those results answer). */
  private get snippets(): Record<string, Snippet> {
    const v = this.snippetTask.value;
    const answered = this.search.value?.query;
    return v && answered !== undefined && v.query.trim() === answered ? v.snippets : {};
  }

  /** Back from a result of this same query: that result is active and the list has focus. */
  private restoreFocus(): void {
    const back = lastOpened;
    if (!back || back.query !== this.query) return;
    const at = this.results.findIndex((r) => r.hit.id === back.id);
    if (at < 0) return;
    lastOpened = undefined;
    this.active = at;
    this.shown = Math.max(this.shown, Math.ceil((at + 1) / PAGE) * PAGE);
    void this.updateComplete.then(() => {
      this.focusList();
      this.renderRoot.querySelector(`#r-${at}`)?.scrollIntoView({ block: 'nearest' });
    });
  }

  private more = (): void => {
    this.shown += PAGE;
    const r = this.response;
    // Same ranking with a larger limit, so the page already shown stays as it is.
    if (r && r.hits.length < Math.min(r.total, LIMIT)) this.limit = LIMIT;
  };

  /** Narrows the next queries to this one's whole result set (not only the hits fetched). */
  private searchWithin = (): void => {
    const q = this.query.trim();
    if (!q || !this.response) return;
    this.within = { queries: [...(this.within?.queries ?? []), q], count: this.response.total };
  };

  private open(hit: SearchHit): void {
    lastOpened = { query: this.query, id: hit.id };
    this.dispatchEvent(new NavigateEvent({ view: 'reader', id: hit.id, query: this.query }));
  }

  focusList(): void {
    this.list?.focus();
  }

  private onKey = (e: KeyboardEvent): void => {
    const hits = this.results.map((r) => r.hit);
    const last = Math.min(hits.length, this.shown) - 1;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.active = Math.max(0, Math.min(last, this.active + (e.key === 'ArrowDown' ? 1 : -1)));
      if (this.active === last && last + 1 < Math.min(this.response?.total ?? 0, LIMIT)) this.more();
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector(`#r-${this.active}`)?.scrollIntoView({ block: 'nearest' }),
      );
    } else if (e.key === 'Enter' && hits[this.active]) {
      e.preventDefault();
      this.open(hits[this.active]!);
    }
  };

  private renderHit(r: CollapsedHit<SearchHit>, i: number) {
    const h = r.hit;
    const s = this.snippets[h.id];
    return html`<li id="r-${i}" role="option" aria-selected=${i === this.active ? 'true' : 'false'} aria-labelledby="t-${i}"
        @click=${() => this.open(h)}>
      <div class="title" id="t-${i}" dir="auto">${h.title}</div>
      <div class="meta"><bdi>${this.services.stories.outletName(h.outlet)}</bdi><span>${h.published ? formatPublished(h) : t('search.undated')}</span>
        ${r.moreOutlets > 0 ? html`<span class="more-outlets">${t('stories.search.moreOutlets', { count: r.moreOutlets })}</span>` : nothing}</div>
      ${s ? html`<p class="snippet" dir="auto">${renderSnippet(s, s.offset > 0, true)}</p>` : nothing}
    </li>`;
  }

  private renderControls() {
    const r = this.shownResponse;
    return html`<div class="toolbar">
      ${
        r
          ? html`<span class="summary" role="status">${t(r.total === 1 ? 'search.countOne' : 'search.count', { count: r.total })}
        ${this.shownResults.length < r.hits.length ? html`<span class="stories">${t('stories.search.stories', { count: this.shownResults.length })}</span>` : nothing}
        <span class="took">(${t('search.took', { ms: formatNumber(Math.round(r.tookMs * 10) / 10) })})</span></span>`
          : nothing
      }
      <label>${t('search.sort')}
        <select @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as 'relevance' | 'date')}>
          <option value="relevance" ?selected=${this.sort === 'relevance'}>${t('search.sort.relevance')}</option>
          <option value="date" ?selected=${this.sort === 'date'}>${t('search.sort.date')}</option>
        </select></label>
      <label class="toggle" title=${t('search.strictHint')}><input type="checkbox" .checked=${this.strict}
        @change=${(e: Event) => (this.strict = (e.target as HTMLInputElement).checked)} />${t('search.strict')}</label>
      ${
        this.within
          ? html`<span class="chip">${t('search.withinActive', { count: this.within.count })}
            <button class="icon-btn" aria-label=${t('search.withinClear')} title=${t('search.withinClear')} @click=${() => (this.within = null)}>${icon('close')}</button></span>`
          : html`<button ?disabled=${!r?.hits.length} @click=${this.searchWithin}>${t('search.within')}</button>`
      }
    </div>`;
  }

  override render() {
    const r = this.shownResponse;
    const results = this.shownResults;
    const hits = results.slice(0, this.shown);
    return html`
      <header>
        <div class="toolbar"><h1>${t('search.title')}</h1><warraq-search-status></warraq-search-status></div>
        ${this.renderControls()}
        ${(r?.warnings ?? []).map((w) => {
          const [key, value] = w.split(':');
          return html`<p class="warning" role="alert">${t(`search.warning.${key}`, { value: value ?? '' })}</p>`;
        })}
        ${renderHelp()}
      </header>
      ${
        !r
          ? html`<p class="empty">${t('search.prompt')}</p>`
          : r.total === 0
            ? html`<p class="empty" role="status">${t('search.none')}</p>`
            : html`<ol role="listbox" tabindex="0" aria-label=${t('search.results')} aria-activedescendant="r-${this.active}" @keydown=${this.onKey}>
            ${hits.map((h, i) => this.renderHit(h, i))}
            ${results.length > this.shown || r.hits.length < Math.min(r.total, LIMIT) ? html`<li role="none"><button class="more" @click=${this.more}>${t('search.more')}</button></li>` : nothing}
          </ol>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-search': SearchView;
  }
}
