/**
 * <warraq-library> — the library: by default one row per story (its outlet count; the row expands to
 * the story's editions, earliest first), or every article (the toggle). Each row: checkbox, title over
 * a one-line lead, outlet, date, length, and a quiet delete action. Multi-select with bulk tag, export
 * and delete; a delete of more than one article or of any annotation asks first, and every delete can
 * be undone (the notice, or Ctrl+Z). Only the rows on screen exist in the DOM (@lit-labs/virtualizer),
 * so 30,000+ articles stay smooth; leads missing on older articles are filled for the rows shown.
 *
 * Keyboard (the grid holds focus; the active row is its active descendant): ↑/↓, PageUp/PageDown,
 * Home/End move; Shift with them extends the selection; Space toggles the active row; Ctrl/Cmd+A
 * selects all; Escape clears the selection; Enter opens; Delete deletes the selection (else the active
 * row); → / ← (mirrored in Arabic) or + / − expand and collapse a story. Coming back from an article,
 * the row that was opened is active and focused.
 * Events: `warraq-navigate`, `warraq-export-request`. Services: library, stories, settings, notifier.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, state, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import '@lit-labs/virtualizer';
import type { LitVirtualizer } from '@lit-labs/virtualizer';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { ArticleMeta, Edition } from '../../core/model';
import type { Services } from '../../services/services';
import type { LibraryPrefs } from '../../services/settings';
import { libraryItems, isByStory, type LibraryItem, type StoryLibraryPrefs } from './library-items';
import { LibrarySelection, itemIds } from './library-selection';
import { libraryStyles } from './library-styles';
import { renderArticleRow, renderEditionRow, renderStoryRow, type RowContext } from './story-rows';
import { renderToolbar } from './library-toolbar';
import { servicesContext } from '../context';
import { appStateContext, type AppState } from '../app/app-state';
import { baseStyles } from '../common/styles';
import { LanguageController, language, t, formatNumber } from '../strings/i18n';
import { NavigateEvent } from '../app/route';
import { reportError } from '../common/report-error';
import { ExportRequestEvent } from '../export/events';
import type { BulkActionEvent } from './bulk-bar';
import type { ConfirmDelete } from './confirm-delete';
import './bulk-bar';
import './confirm-delete';
import { fixVirtualizerPositioning } from './virtualizer-fix';
import { rowsLayout } from './rows-layout';

const PAGE = 10;
/** Row heights in px, as library-styles.ts draws them (.row, .edition): nothing is measured. */
const rowHeight = (item: unknown) => ((item as LibraryItem).kind === 'edition' ? 40 : 58);
/** Rows keep their DOM across rebuilds (a story's row is the same row after a regrouping): keys by id. */
const rowKey = (item: LibraryItem) =>
  item.kind === 'article' ? item.meta.id : item.kind === 'story' ? `s:${item.row.id}` : `e:${item.edition.articleId}`;
const layout = rowsLayout({ rowHeight, key: (item) => rowKey(item as LibraryItem) });
/** Least time between two rebuilds of the list while changes stream in. */
const REFRESH_MS = 250;

@customElement('warraq-library')
export class LibraryView extends LitElement {
  static override styles = [baseStyles, libraryStyles];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  /** Read once when the library appears: the article last opened from it (app-state.ts). */
  @consume({ context: appStateContext }) private app?: AppState;
  @state() private rows: LibraryItem[] = [];
  @state() private counts: { rows: number; articles: number; partial?: boolean } = { rows: 0, articles: 0 };
  @state() private active = 0;
  @state() private prefs!: StoryLibraryPrefs;
  /** Bumped on every selection change (the selection itself is mutable). */
  @state() private selectionVersion = 0;
  private readonly selection = new LibrarySelection();
  /** Expanded stories, and their editions once loaded. */
  private expanded = new Set<string>();
  private editions = new Map<string, Edition[]>();
  /** Where the reader last left off ("continue reading"), from the annotations service. */
  @state() private resume?: { meta: ArticleMeta; paragraph: number };
  @query('lit-virtualizer') private virtualizer?: LitVirtualizer;
  @query('.grid') private grid?: HTMLElement;
  @query('warraq-confirm-delete') private confirm?: ConfirmDelete;
  protected readonly i18n = new LanguageController(this);
  private frame = 0;
  private timer = 0;
  private leadTimer = 0;
  private lastRefresh = -Infinity;
  /** The row to focus once the list is drawn (coming back from an article). */
  private restoreFocus?: string;
  /**
   * Scroll the active row into view after the next render: set when the user reorders, filters or
   * expands, or comes back from an article; not when a background change (import, story detection)
   * rebuilds the rows, which would pull the list away from where the user is reading.
   */
  private revealActive = false;
  /** The outlet filter's choices, recomputed with the rows (listing them reads every article). */
  private outlets: string[] = [];
  /**
   * Library and story changes arrive in bursts while an import and detection run: rebuild in the next
   * frame, and at most every REFRESH_MS (a rebuild groups every article: ~40 ms at 30,000).
   */
  private readonly onChange = () => {
    if (this.frame || this.timer || this.holding()) return;
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
    this.restoreFocus = this.app?.libraryOpened;
    this.prefs = this.services.settings.get('library');
    this.services.library.addEventListener('change', this.onChange);
    this.services.library.addEventListener('counted', this.onCounted);
    this.services.stories.addEventListener('change', this.onStories);
    this.services.settings.addEventListener('change', this.onSettings);
    this.services.importer.addEventListener('change', this.onImport);
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
    this.services.library.removeEventListener('counted', this.onCounted);
    this.services.stories.removeEventListener('change', this.onStories);
    this.services.settings.removeEventListener('change', this.onSettings);
    this.services.importer.removeEventListener('change', this.onImport);
    cancelAnimationFrame(this.frame);
    window.clearTimeout(this.timer);
    window.clearTimeout(this.leadTimer);
    this.frame = 0;
    this.timer = 0;
  }

  /** Start-up: the stored articles are counted after the first screen; the heading says how many. */
  private readonly onCounted = (): void => this.requestUpdate();

  /** The sidebar sets the outlet filter in the settings: follow it. */
  private readonly onSettings = (e: Event): void => {
    const prefs = this.services.settings.get('library');
    if ((e as CustomEvent<string>).detail !== 'library' || prefs.outlet === this.prefs.outlet) return;
    this.prefs = { ...this.prefs, outlet: prefs.outlet };
    this.refresh(true);
  };

  /**
   * While a bulk import runs (ImportService.bulk: its articles are added silently and announced once at
   * the end), the list keeps the rows it shows: the regroupings that follow each batch would otherwise
   * rebuild and redraw every row on screen every REFRESH_MS (~40 ms of main-thread work per frame while
   * the import, search and detection workers fill both cores; issue 12), and move rows under the
   * reader's pointer. A note says so, with a button to show what has come in; the list follows again
   * when the import ends. An empty list is not held, so a first import shows its first rows.
   */
  @state() private held = false;
  private storiesHeld = false;
  private holding(): boolean {
    if (!this.services.importer.bulk || !this.rows.length) return false;
    this.held = true;
    return true;
  }
  private releasing = false;
  private readonly onImport = (): void => {
    if (!this.held || this.services.importer.bulk || this.releasing) return;
    // The import's report opens in the next frame: the list follows in an idle moment after it, not in
    // the same frame (the two together made one task of ~100 ms while detection finished; issue 12).
    this.releasing = true;
    requestIdleCallback(
      () => {
        this.releasing = false;
        if (this.held && !this.services.importer.bulk) this.release(false);
      },
      { timeout: 1000 },
    );
  };
  /** Ends a hold: at once (the note's button), or in the next frame (the import has ended). */
  private release(now: boolean): void {
    this.held = false;
    if (this.storiesHeld) {
      this.storiesHeld = false;
      this.reloadEditions();
    }
    if (now) this.refresh();
    else this.onChange();
  }

  /** A regrouping or a rename: expanded stories reload their editions, rows are rebuilt. */
  private readonly onStories = (): void => {
    if (this.holding()) {
      this.storiesHeld = true;
      return;
    }
    this.reloadEditions();
    this.onChange();
  };

  private refresh(reveal = false): void {
    this.lastRefresh = performance.now();
    if (reveal) this.revealActive = true;
    this.outlets = this.services.library.outlets();
    const r = libraryItems(this.services, this.prefs, this.expanded, this.editions);
    this.rows = r.items;
    this.counts = r.partial
      ? { rows: r.rows, articles: r.articles, partial: true }
      : { rows: r.rows, articles: r.articles };
    const before = this.selection.size;
    this.selection.retain((id) => !!this.services.library.meta(id));
    if (this.selection.size !== before) this.selectionVersion++;
    if (this.restoreFocus) {
      const at = this.rows.findIndex((item) => itemIds(item).includes(this.restoreFocus!));
      if (at >= 0) {
        this.active = at;
        this.restoreFocus = undefined;
        this.revealActive = true;
        void this.updateComplete.then(() => this.grid?.focus({ preventScroll: true }));
      }
    }
    this.active = Math.min(this.active, Math.max(0, this.rows.length - 1));
  }

  /** After a regrouping: the expanded stories read their editions again. */
  private reloadEditions(): void {
    this.editions.clear();
    for (const id of this.expanded) void this.loadEditions(id);
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
    this.refresh(true);
  }

  private async setPrefs(patch: Partial<StoryLibraryPrefs>): Promise<void> {
    this.prefs = { ...this.prefs, ...patch };
    this.refresh(true);
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
    if (!id) return;
    this.dispatchEvent(new NavigateEvent({ view: 'reader', id }));
  }

  /**
   * Deletes articles: asks first when more than one goes or any annotation would; the library's
   * notice (and Ctrl+Z) undoes it.
   */
  private async deleteIds(ids: string[]): Promise<void> {
    if (!ids.length) return;
    try {
      const annotations = await this.services.library.annotationCount(ids);
      if (ids.length > 1 || annotations > 0) {
        const title = ids.length === 1 ? this.services.library.meta(ids[0]!)?.title : undefined;
        const ok = await this.confirm?.ask({ articles: ids.length, annotations, ...(title ? { title } : {}) });
        this.grid?.focus({ preventScroll: true });
        if (!ok) return;
      }
      await this.services.library.deleteMany(ids);
      for (const id of ids) this.selection.ids.delete(id);
      this.selectionVersion++;
    } catch (e) {
      reportError(this.services.notifier, e);
    }
  }

  private onBulk = (e: BulkActionEvent): void => {
    const ids = [...this.selection.ids];
    const d = e.detail;
    if (d.action === 'clear') this.clearSelection();
    else if (d.action === 'delete') void this.deleteIds(ids);
    else if (d.action === 'export')
      this.dispatchEvent(new ExportRequestEvent({ scope: { kind: 'articles', articleIds: ids }, section: 'export' }));
    else if (d.action === 'tag')
      this.services.library.addTag(ids, d.tag).catch((err) => reportError(this.services.notifier, err));
    else if (d.action === 'untag')
      this.services.library.removeTag(ids, d.tag).catch((err) => reportError(this.services.notifier, err));
  };

  private clearSelection(): void {
    this.selection.clear();
    this.selectionVersion++;
  }

  private move(to: number, extend = false): void {
    if (!this.rows.length) return;
    const from = this.active;
    this.active = Math.max(0, Math.min(this.rows.length - 1, to));
    if (extend) {
      this.selection.extend(this.rows, from, this.active);
      this.selectionVersion++;
    }
    this.virtualizer?.element(this.active)?.scrollIntoView({ block: 'nearest' });
  }

  private onKey(e: KeyboardEvent): void {
    if (e.target !== e.currentTarget) return;
    const item = this.rows[this.active];
    const storyId = item?.kind === 'story' ? item.row.id : item?.kind === 'edition' ? item.row.id : undefined;
    const [opens, closes] = language() === 'ar' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowRight', 'ArrowLeft'];
    const expand = (open: boolean) => () => {
      if (!storyId) return;
      this.toggle(storyId, open);
      if (!open) this.active = this.rows.findIndex((r) => r.kind === 'story' && r.row.id === storyId);
    };
    const shift = e.shiftKey;
    const keys: Record<string, () => void> = {
      [opens]: expand(true),
      '+': expand(true),
      [closes]: expand(false),
      '-': expand(false),
      ArrowDown: () => this.move(this.active + 1, shift),
      ArrowUp: () => this.move(this.active - 1, shift),
      PageDown: () => this.move(this.active + PAGE, shift),
      PageUp: () => this.move(this.active - PAGE, shift),
      Home: () => this.move(0, shift),
      End: () => this.move(this.rows.length - 1, shift),
      Enter: () => this.open(this.rows[this.active]),
      ' ': () => {
        this.selection.toggle(this.rows, this.active);
        this.selectionVersion++;
      },
      Escape: () => this.clearSelection(),
      Delete: () => void this.deleteIds(this.selection.size ? [...this.selection.ids] : itemIds(item)),
    };
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      this.selection.selectAll(this.rows);
      this.selectionVersion++;
      return;
    }
    const action = keys[e.key];
    // Escape with nothing selected is the app's (back), not the list's.
    if (!action || (e.key === 'Escape' && !this.selection.size) || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    action();
  }

  protected override updated(): void {
    if (!this.revealActive || !this.rows.length) return;
    this.revealActive = false;
    this.virtualizer?.element(this.active)?.scrollIntoView({ block: 'nearest' });
  }

  /** Leads missing on the rows shown (articles stored before leads existed) are read once, then drawn. */
  private onRange = (e: RangeChangedEvent): void => {
    fixVirtualizerPositioning(this.virtualizer);
    window.clearTimeout(this.leadTimer);
    this.leadTimer = window.setTimeout(() => {
      const ids: string[] = [];
      for (let i = Math.max(0, e.first); i <= e.last && i < this.rows.length; i++) {
        const item = this.rows[i]!;
        const meta = item.kind === 'article' ? item.meta : item.kind === 'story' ? item.row.lead : undefined;
        if (meta && meta.lead === undefined) ids.push(meta.id);
      }
      if (!ids.length) return;
      this.services.library.fillLeads(ids).then(
        (done) => {
          if (done.length) this.rows = [...this.rows];
        },
        () => {},
      );
    }, 50);
  };

  private rowContext(item: LibraryItem, i: number): RowContext {
    return {
      index: i,
      active: i === this.active,
      selected: this.selection.has(item),
      select: (e: MouseEvent) => {
        if (e.shiftKey) this.selection.extend(this.rows, this.active, i);
        else if (e.ctrlKey || e.metaKey) this.selection.toggle(this.rows, i);
        this.active = i;
        if (e.shiftKey || e.ctrlKey || e.metaKey) this.selectionVersion++;
        // The list keeps the keyboard (Space, Shift+arrows, Escape) after a click on a row.
        this.grid?.focus({ preventScroll: true });
      },
      check: (e: MouseEvent) => {
        if (e.shiftKey) this.selection.extend(this.rows, this.active, i);
        else this.selection.toggle(this.rows, i);
        this.active = i;
        this.selectionVersion++;
        this.grid?.focus({ preventScroll: true });
      },
      open: () => this.open(item),
      toggle: (id: string) => this.toggle(id),
      remove: () => void this.deleteIds(itemIds(item)),
      outletName: (id: string) => this.services.stories.outletName(id),
    };
  }

  private renderRow = (item: LibraryItem, i: number) => {
    const c = this.rowContext(item, i);
    if (item.kind === 'story') return renderStoryRow(item.row, item.expanded, c);
    if (item.kind === 'edition') return renderEditionRow(item.edition, item.last, c);
    return renderArticleRow(item.meta, c);
  };

  private renderEmpty() {
    const outlet = this.prefs.outlet;
    if (this.services.library.size && outlet)
      return html`<div class="empty" role="status"><p>${t('library.emptyOutlet', { outlet: this.services.stories.outletName(outlet) })}</p>
        <button @click=${() => this.setPrefs({ outlet: '' })}>${t('library.showAllOutlets')}</button></div>`;
    return html`<p class="empty" role="status">${t(this.services.library.size ? 'stories.library.noMatch' : 'library.empty')}</p>`;
  }

  override render() {
    const count = formatNumber(this.counts.rows);
    const all = this.rows.length > 0 && this.selection.size >= this.counts.articles;
    // A new renderItem each render: the virtualizer redraws its rows only when a property changes, and
    // the active row, the selection and the language live here.
    void this.selectionVersion;
    return html`
      <div class="top">${renderToolbar({
        services: this.services,
        outlets: this.outlets,
        prefs: this.prefs,
        counts: this.counts,
        resume: this.resume,
        setPrefs: (p) => void this.setPrefs(p),
        continueReading: () =>
          this.dispatchEvent(
            new NavigateEvent({
              view: 'reader',
              id: this.resume!.meta.id,
              paragraph: this.resume!.paragraph || undefined,
            }),
          ),
      })}${
        this.held
          ? html`<div class="held" role="status"><span>${t('library.held')}</span>
            <button @click=${() => this.release(true)}>${t('library.showImported')}</button></div>`
          : nothing
      }</div>
      ${
        this.selection.size
          ? html`<warraq-library-bulk .count=${this.selection.size} .tags=${this.services.library.tags()}
            @warraq-bulk-action=${this.onBulk}></warraq-library-bulk>`
          : nothing
      }
      ${
        this.rows.length === 0
          ? this.renderEmpty()
          : html`
          <div class="grid" role="grid" tabindex="0" aria-multiselectable="true" aria-label=${t('library.list')} aria-rowcount=${this.rows.length + 1}
            aria-activedescendant="row-${this.active}" aria-description=${count} @keydown=${this.onKey}>
            <div class="row head" role="row" aria-rowindex="1">
              <div class="check" role="columnheader"><input type="checkbox" tabindex="-1" .checked=${all}
                .indeterminate=${!all && this.selection.size > 0} aria-label=${t('library.selectAll')}
                @click=${() => (all ? this.clearSelection() : (this.selection.selectAll(this.rows), this.selectionVersion++))} /></div>
              <div role="columnheader">${t('library.col.title')}</div>
              <div role="columnheader">${isByStory(this.prefs) ? t('stories.library.col.outlets') : t('library.col.outlet')}</div>
              <div role="columnheader">${t('library.col.date')}</div>
              <div role="columnheader">${t('library.col.length')}</div>
              <div role="columnheader"><span class="sr-only">${t('library.col.actions')}</span></div>
            </div>
            <lit-virtualizer scroller role="rowgroup" .layout=${layout} .keyFunction=${rowKey} .items=${this.rows} .renderItem=${(item: LibraryItem, i: number) => this.renderRow(item, i)}
              @rangeChanged=${this.onRange}></lit-virtualizer>
          </div>`
      }
      <warraq-confirm-delete></warraq-confirm-delete>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-library': LibraryView;
  }
}
