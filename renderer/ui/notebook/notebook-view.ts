/**
 * <warraq-notebook> — every annotation across the library, newest first, with filters (colour, tag,
 * outlet, date range, article) and a search within notes and quotes (Arabic-folded, see
 * services/annotations-query.ts); each entry opens in its article, scrolled to and flashing.
 * Beside it: the bookmarks list.
 *
 * Public: `filter` (the current NotebookFilter) and `currentIds` (annotation ids the filter shows),
 * for "export the notebook's current filter".
 * Events: `warraq-navigate`; `warraq-export-scope` (the annotations shown) after each load.
 * Services: annotations, library (through context).
 */
import { type PropertyValues, LitElement, html, nothing } from 'lit';
import { Task } from '@lit/task';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../core/model';
import type { Services } from '../../services/services';
import type { NotebookEntry, NotebookFilter } from '../../services/annotations';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { reportError } from '../common/report-error';
import { NavigateEvent } from '../app/route';
import { LanguageController, formatDate, t } from '../strings/i18n';
import { notebookStyles } from './notebook-styles';
import '../annotations/bookmarks-list';
import './date-field';
import type { DayChangeEvent } from './date-field';
import { ExportRequestEvent } from '../export/events';
import { ExportScopeEvent } from '../app/app-state';

/** Entries drawn at once; "show more" adds as many again (a notebook of thousands stays quick). */
const PAGE = 200;
/** ms to wait after a key press in the search box before filtering. */
const TYPING_DELAY = 150;

/** The annotation last opened from the notebook: its entry gets focus when the notebook comes back. */
let lastOpened: string | undefined;

@customElement('warraq-notebook')
export class NotebookView extends LitElement {
  static override styles = [baseStyles, notebookStyles];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  /** A tag to filter by, from the route (the sidebar's tags). */
  @property() tag?: string;
  @state() filter: NotebookFilter = {};
  @state() private shown = PAGE;
  /** Bumped when annotations or the library change: the same filter may show other entries. */
  @state() private version = 0;
  protected readonly i18n = new LanguageController(this);
  private typing = 0;
  private readonly onChange = () => {
    this.version++;
  };

  /** Entries and tags for the filter: only the latest run writes its result. */
  private readonly load = new Task(this, {
    task: async ([filter]) => {
      const [entries, tags] = await Promise.all([
        this.services.annotations.notebook(filter),
        this.services.annotations.tags(),
      ]);
      return { entries, tags };
    },
    args: () => [this.filter, this.version] as const,
    // onComplete runs before the task's value is set: use the result it is given.
    onComplete: ({ entries }) => {
      const ids = entries.map((e) => e.annotation.id);
      this.dispatchEvent(new ExportScopeEvent({ kind: 'annotations', annotationIds: ids }));
      this.restoreFocus(ids);
    },
    onError: (e) => reportError(this.services.notifier, e),
  });

  /** Back from an entry opened here: focus returns to its Open button. */
  private restoreFocus(ids: string[]): void {
    const id = lastOpened;
    if (!id) return;
    const at = ids.indexOf(id);
    if (at < 0) return;
    lastOpened = undefined;
    this.shown = Math.max(this.shown, at + 1);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLButtonElement>(`li[data-id="${CSS.escape(id)}"] button.open`)?.focus(),
    );
  }

  private get entries(): NotebookEntry[] {
    return this.load.value?.entries ?? [];
  }

  private get tagList(): string[] {
    return this.load.value?.tags ?? [];
  }

  /** Ids of the annotations the current filter shows, newest first. */
  get currentIds(): string[] {
    return this.entries.map((e) => e.annotation.id);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('tag') && this.tag !== this.filter.tag) this.setFilter({ tag: this.tag });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.services.annotations.addEventListener('change', this.onChange);
    this.services.library.addEventListener('change', this.onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services.annotations.removeEventListener('change', this.onChange);
    this.services.library.removeEventListener('change', this.onChange);
    window.clearTimeout(this.typing);
  }

  private setFilter(patch: Partial<NotebookFilter>): void {
    this.filter = { ...this.filter, ...patch };
    this.shown = PAGE;
  }

  private onSearch(e: Event): void {
    const text = (e.target as HTMLInputElement).value;
    window.clearTimeout(this.typing);
    this.typing = window.setTimeout(() => this.setFilter({ text }), TYPING_DELAY);
  }

  private open(e: NotebookEntry): void {
    const a = e.annotation;
    lastOpened = a.id;
    this.dispatchEvent(
      new NavigateEvent({
        view: 'reader',
        id: a.articleId,
        annotation: a.selectors.length ? a.id : undefined,
        paragraph: a.paragraph,
      }),
    );
  }

  private select(
    label: string,
    value: string | undefined,
    options: [string, string][],
    all: string,
    set: (v: string) => void,
    withAll = true,
  ) {
    return html`<label>${label}
      <select aria-label=${label} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        ${withAll ? html`<option value="" ?selected=${!value}>${all}</option>` : nothing}
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select></label>`;
  }

  private renderFilters() {
    const f = this.filter;
    const lib = this.services.library;
    const articleIds = [
      ...new Set(this.entries.map((e) => e.annotation.articleId).concat(f.articleId ? [f.articleId] : [])),
    ];
    const color = f.colors?.[0];
    return html`<div class="filters toolbar">
      <input type="search" dir="auto" class="search" aria-label=${t('notebook.search')} placeholder=${t('notebook.search')} .value=${f.text ?? ''} @input=${this.onSearch}>
      ${this.select(
        t('notebook.color'),
        color,
        HIGHLIGHT_COLORS.map((c) => [c, t(`notes.color.${c}`)]),
        t('notebook.allColors'),
        (v) => this.setFilter({ colors: v ? [v as HighlightColor] : undefined }),
      )}
      ${this.select(
        t('notebook.tag'),
        f.tag,
        this.tagList.map((x) => [x, x]),
        t('notebook.allTags'),
        (v) => this.setFilter({ tag: v || undefined }),
      )}
      ${this.select(
        t('notebook.outlet'),
        f.outlet,
        lib.outlets().map((o) => [o, o]),
        t('notebook.allOutlets'),
        (v) => this.setFilter({ outlet: v || undefined }),
      )}
      ${this.select(
        t('notebook.article'),
        f.articleId,
        articleIds.map((id) => [id, lib.meta(id)?.title ?? id]),
        t('notebook.allArticles'),
        (v) => this.setFilter({ articleId: v || undefined }),
      )}
      <span class="dates">
        ${this.select(
          t('library.notebook.dateOf'),
          f.dateOf ?? 'annotation',
          [
            ['annotation', t('library.notebook.dateOf.annotation')],
            ['article', t('library.notebook.dateOf.article')],
          ],
          '',
          (v) => this.setFilter({ dateOf: v === 'article' ? 'article' : undefined }),
          false,
        )}
        <warraq-date-field .label=${t('library.notebook.from', { format: t('library.date.format') })} .value=${f.from ?? ''}
          @warraq-day-change=${(e: DayChangeEvent) => this.setFilter({ from: e.detail || undefined })}></warraq-date-field>
        <warraq-date-field .label=${t('library.notebook.to', { format: t('library.date.format') })} .value=${f.to ?? ''}
          @warraq-day-change=${(e: DayChangeEvent) => this.setFilter({ to: e.detail || undefined })}></warraq-date-field>
      </span>
      <button @click=${() => this.setFilter({ colors: undefined, tag: undefined, outlet: undefined, articleId: undefined, from: undefined, to: undefined, dateOf: undefined, text: undefined })}>${t('notebook.clear')}</button>
    </div>`;
  }

  private renderEntry(e: NotebookEntry) {
    const a = e.annotation;
    const quote = e.quote.length > 240 ? `${e.quote.slice(0, 240)}…` : e.quote;
    const name = quote || e.meta?.title || '';
    return html`<li class="entry" style="--swatch: var(--hl-${a.color ?? 'yellow'})" data-id=${a.id}>
      ${a.selectors.length ? html`<blockquote dir="auto">${quote}</blockquote>` : html`<p class="muted">${t('notebook.wholeArticle')}</p>`}
      ${a.note ? html`<p class="note" dir="auto">${a.note}</p>` : nothing}
      ${a.tags.length ? html`<ul class="tags" aria-label=${t('notes.tags')}>${a.tags.map((x) => html`<li><bdi>${x}</bdi></li>`)}</ul>` : nothing}
      <p class="source muted">
        <!-- Parts are set apart by spacing, not by a middle dot, which reads as an Arabic zero beside ٢٨. -->
        <bdi dir="auto" class="title">${e.meta?.title ?? ''}</bdi><bdi dir="auto">${e.meta?.outlet ?? ''}</bdi>
        ${a.paragraph ? html`<span>${t('notes.paragraph', { n: a.paragraph })}</span>` : nothing}<time datetime=${new Date(a.createdAt).toISOString()}>${formatDate(new Date(a.createdAt).toISOString())}</time>
        <button class="open" aria-label=${t('notebook.open', { quote: name })} @click=${() => this.open(e)}>${t('notebook.openShort')}</button>
      </p>
    </li>`;
  }

  override render() {
    const list = this.entries.slice(0, this.shown);
    return html`<div class="layout">
      <section class="main" aria-labelledby="nb-title">
        <header>
          <h1 id="nb-title">${t('notebook.title')} <span class="muted count" role="status">(${t('notebook.count', { count: this.entries.length })})</span></h1>
          <button @click=${() => this.dispatchEvent(new ExportRequestEvent({ scope: { kind: 'annotations', annotationIds: this.currentIds }, section: 'export' }))}>${t('export.button')}</button>
          ${this.renderFilters()}
        </header>
        ${
          list.length
            ? html`<ol class="entries" aria-label=${t('notebook.list')}>${list.map((e) => this.renderEntry(e))}</ol>`
            : html`<p class="empty muted">${t('notebook.empty')}</p>`
        }
        ${
          this.entries.length > this.shown
            ? html`<button class="more" @click=${() => {
                this.shown += PAGE;
              }}>${t('notebook.more')}</button>`
            : nothing
        }
      </section>
      <warraq-bookmarks-list></warraq-bookmarks-list>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-notebook': NotebookView;
  }
}
