/**
 * <warraq-reader> — one article, right to left, in the bundled reading font.
 *
 * Properties: `articleId`, `query` (search hits to highlight), `paragraph` (scroll target).
 * Decorations: `decorations` (search hits, highlights) are painted by `decorate.ts` segments;
 * features add theirs through `extraDecorations`.
 * Keyboard: n / p (or Alt+PageDown / Alt+PageUp) next / previous article; + / − text size; Escape back.
 * Chrome: one icon toolbar (reader-toolbar.ts) that gets out of the way while reading (chrome-autohide.ts).
 * Events: `warraq-navigate`, `warraq-export-request`. Reading position is saved as the user scrolls and
 * restored on open.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Article, ReaderPrefs, TextRange } from '../../core/model';
import type { Services } from '../../services/services';
import { servicesContext } from '../context';
import { LanguageController, language, t } from '../strings/i18n';
import { formatPublished } from '../common/article-date';
import { formatGregorian, formatHijri, parseHijriIso } from '../../core/export/date-display';
import { parseIsoDate } from '../../core/export/dates';
import { NavigateEvent } from '../app/route';
import { reportError } from '../common/report-error';
import { baseDirection, segment, DecorationIndex, type Decoration } from './decorate';
import { repeat } from 'lit/directives/repeat.js';
import { ReaderWindow } from './reader-window';
import { readPaged } from './long-text';
import { readerStyles } from './reader-styles';
import { icon } from '../common/icons';
import './reader-toolbar';
import './find-bar';
import type { ReaderAction, ReaderActionEvent } from './reader-toolbar';
import type { ReaderPrefsEvent } from './reader-settings';
import { ChromeAutoHide } from './chrome-autohide';
import { ExportRequestEvent } from '../export/events';
import type { FindBar, FindHitsEvent } from './find-bar';
import { ReaderAnnotations } from '../annotations/reader-annotations';
import { markStyles } from '../annotations/mark-styles';
import '../stories/editions-strip';

const NO_RANGES: TextRange[] = [];

@customElement('warraq-reader')
export class ReaderView extends LitElement {
  static override styles = [readerStyles, markStyles];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @property() articleId = '';
  @property({ type: Number }) paragraph?: number;
  /** Annotation to scroll to and flash once placed (issue 6). */
  @property() annotation?: string;
  /** Decorations contributed by features (search hits, highlights). */
  @property({ attribute: false }) extraDecorations: Decoration[] = [];
  /** A search query (from a search result): the find bar opens with it and its hits are marked. */
  @property() query?: string;
  /** Hits of the find bar's query ('hit' decorations, the current one marked). */
  @state() private hitMarks: Decoration[] = [];
  private scrollToHit = false;
  @state() private article: Article | null | undefined;
  /**
   * False while `article` is only the head of a very long article (its first ~64K characters, painted
   * at once); the whole text follows, read page by page. Find, highlights, the panel and the reading
   * position wait for it.
   */
  @state() private complete = false;
  @state() private prefs!: ReaderPrefs;
  /** The notes panel beside the text (the toolbar's toggle). */
  @state() private panelOpen = true;
  private readonly autoHide = new ChromeAutoHide(this);
  protected readonly i18n = new LanguageController(this);
  /** Highlights, the selection toolbar and the annotations panel (ui/annotations). */
  private readonly notes = new ReaderAnnotations(this);
  /** Which display blocks are in the DOM (issue 13: an article of any size stays responsive). */
  private readonly window = new ReaderWindow(this);
  /** The decorations of the last render, indexed once (not per paragraph). */
  private decoIndex?: {
    extra: Decoration[];
    hits: Decoration[];
    both: Decoration[];
    all: Decoration[];
    index: DecorationIndex;
  };
  private saveTimer = 0;
  private restored = false;
  private focused = false;
  private readonly onSettings = (e: Event) => {
    if ((e as CustomEvent).detail === 'reader') this.prefs = this.services.settings.get('reader');
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.prefs = this.services.settings.get('reader');
    this.services.settings.addEventListener('change', this.onSettings);
    this.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services.settings.removeEventListener('change', this.onSettings);
    this.removeEventListener('keydown', this.onKey);
    window.clearTimeout(this.saveTimer);
  }

  protected override async willUpdate(changed: PropertyValues): Promise<void> {
    if (changed.has('articleId') && this.articleId) {
      const id = this.articleId;
      this.article = undefined;
      this.complete = false;
      this.restored = false;
      this.focused = false;
      try {
        // A very long article: its head first (read in milliseconds), painted while the text is read.
        const head = await this.services.library.head(id);
        if (id !== this.articleId) return;
        if (head) {
          this.article = head;
          await this.updateComplete;
          await new Promise((r) => requestAnimationFrame(r));
          if (id !== this.articleId) return;
          // Then the whole text from its pages, one short task at a time (long-text.ts).
          const paged = await readPaged(
            this.services,
            head,
            () => this.prefs,
            () => id !== this.articleId,
          );
          if (id !== this.articleId) return;
          if (paged) {
            this.window.adopt(paged.article, paged.blocks, paged.heights);
            this.article = paged.article;
            this.complete = true;
            return;
          }
        }
        // No head or pages (a short article, or a long one whose pages are missing): the text read whole.
        const full = (await this.services.library.get(id)) ?? null;
        if (id !== this.articleId) return;
        this.article = full;
        this.complete = true;
        if (full) void this.services.library.keepHead(full);
      } catch (e) {
        if (id !== this.articleId) return;
        this.article = null;
        reportError(this.services.notifier, e);
      }
    }
  }

  protected override async updated(): Promise<void> {
    if (this.article && !this.focused) {
      // Focus at once, not after the whole text or the reading position: keys pressed meanwhile reach the reader.
      this.focused = true;
      this.focusBody();
    }
    if (this.article && this.complete && !this.restored) {
      this.restored = true;
      await this.restorePosition(this.article.id);
    }
    const hit = this.scrollToHit ? this.renderRoot.querySelector<HTMLElement>('mark.hit.current') : null;
    const scroller = this.scroller;
    if (hit && scroller) {
      this.scrollToHit = false;
      // Scroll the article only: scrollIntoView would also scroll the overflow-hidden frames above it.
      const box = scroller.getBoundingClientRect();
      scroller.scrollTop += hit.getBoundingClientRect().top - box.top - box.height / 3;
    }
  }

  private onHits = (e: FindHitsEvent): void => {
    if (e.detail.hits.length === 0 && this.hitMarks.length === 0) return;
    this.hitMarks = e.detail.hits.map((h, i) => ({ ...h, kind: 'hit', current: i === e.detail.current }));
    this.scrollToHit = e.detail.current >= 0;
    const current = e.detail.hits[e.detail.current];
    if (current) this.window.ensureOffset(current.start);
  };

  /** Scrolls to the requested paragraph, else to where the reader left off. */
  private async restorePosition(id: string): Promise<void> {
    // Focus at once, not after the reading-position read: keys pressed meanwhile (Escape) reach the reader.
    this.focusBody();
    let target = this.paragraph;
    // Opened from a search result: the first hit decides where to scroll, not the last reading position.
    let offset: number | undefined;
    if (target === undefined && !this.query) {
      const saved = await this.services.settings.getReading(id);
      target = saved?.paragraph;
      offset = saved?.offset;
    }
    if (offset !== undefined) await this.window.showOffset(offset);
    else if (target) await this.window.showParagraph(target - 1);
    const el =
      offset !== undefined
        ? this.blockAt(offset)
        : target
          ? this.renderRoot.querySelector<HTMLElement>(`[data-p="${target}"]`)
          : null;
    if (el) el.scrollIntoView({ block: 'start' });
    else if (this.scroller) this.scroller.scrollTop = 0;
    this.focusBody();
  }

  /** The rendered block holding text offset `offset`. */
  private blockAt(offset: number): HTMLElement | undefined {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('p[data-start]')].findLast(
      (p) => Number(p.dataset.start) <= offset,
    );
  }

  /** Renders the part of the article holding `offset` (find, highlights, bookmarks call this). */
  showOffset(offset: number): Promise<void> {
    return this.window.showOffset(offset);
  }

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('article');
  }

  focusBody(): void {
    this.renderRoot.querySelector<HTMLElement>('article')?.focus({ preventScroll: true });
  }

  private onScroll = (): void => {
    if (this.scroller) {
      this.window.onScroll(this.scroller);
      this.autoHide.onScroll(this.scroller);
    }
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => void this.savePosition(), 300);
  };

  /** The first paragraph block in sight (under the toolbar), or undefined. */
  private firstVisible(scroller: HTMLElement): HTMLElement | undefined {
    const top = scroller.getBoundingClientRect().top;
    const paras = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-p]')];
    return paras.find((p) => p.getBoundingClientRect().bottom > top + 8);
  }

  private onAction = (e: ReaderActionEvent): void => {
    const a = this.article;
    const actions: Record<ReaderAction, () => void> = {
      back: () => this.dispatchEvent(new NavigateEvent({ view: 'library' })),
      prev: () => this.go(-1),
      next: () => this.go(1),
      find: () => void this.renderRoot.querySelector<FindBar>('warraq-find-bar')?.open(),
      panel: () => (this.panelOpen = !this.panelOpen),
      export: () =>
        a &&
        this.dispatchEvent(new ExportRequestEvent({ scope: { kind: 'article', articleId: a.id }, section: 'export' })),
      bookmark: () => {
        const p = this.scroller && this.firstVisible(this.scroller);
        if (a)
          this.services.annotations
            .addBookmark(a, Number(p?.dataset.p ?? 1) - 1)
            .catch((err) => reportError(this.services.notifier, err));
      },
    };
    actions[e.detail]();
  };

  private async savePosition(): Promise<void> {
    const scroller = this.scroller;
    // Not from a head: the position it would save is not where the reader left off yet.
    if (!this.article || !this.complete || !scroller) return;
    const first = this.firstVisible(scroller);
    const max = scroller.scrollHeight - scroller.clientHeight;
    try {
      await this.services.settings.saveReading({
        articleId: this.article.id,
        paragraph: Number(first?.dataset.p ?? 0),
        // The first visible block's start: exact inside a long paragraph, which may be a whole article.
        ...(this.window.whole ? {} : { offset: Number(first?.dataset.start ?? 0) }),
        fraction: max > 0 ? scroller.scrollTop / max : 0,
      });
    } catch {
      // Losing a reading position is not worth an error notice; the next scroll tries again.
    }
  }

  private go(step: 1 | -1): void {
    const id = this.services.library.neighbour(this.articleId, this.services.settings.get('library'), step);
    if (id) this.dispatchEvent(new NavigateEvent({ view: 'reader', id }));
  }

  async setPrefs(patch: Partial<ReaderPrefs>): Promise<void> {
    try {
      await this.services.settings.set('reader', { ...this.prefs, ...patch });
    } catch (e) {
      reportError(this.services.notifier, e);
    }
  }

  private onKey = (e: KeyboardEvent): void => {
    const path = e.composedPath()[0] as HTMLElement | undefined;
    if (this.renderRoot.querySelector<FindBar>('warraq-find-bar')?.handleKey(e)) return;
    if (path && /^(INPUT|TEXTAREA|SELECT)$/.test(path.tagName)) return;
    if (e.ctrlKey || e.metaKey) return;
    const bigger = () => this.setPrefs({ fontSize: Math.min(40, this.prefs.fontSize + 2) });
    const smaller = () => this.setPrefs({ fontSize: Math.max(12, this.prefs.fontSize - 2) });
    const actions: Record<string, () => void> = {
      n: () => this.go(1),
      p: () => this.go(-1),
      '+': bigger,
      '=': bigger,
      '-': smaller,
      Escape: () => this.dispatchEvent(new NavigateEvent({ view: 'library' })),
    };
    const key = e.altKey ? ({ PageDown: 'n', PageUp: 'p' } as Record<string, string>)[e.key] : e.key;
    const action = key ? actions[key] : undefined;
    if (action) {
      e.preventDefault();
      action();
    }
  };

  /** This render's decorations, merged and indexed once (the same index while nothing changed). */
  private decorationIndex(): DecorationIndex {
    const c = this.decoIndex;
    const extra =
      c && c.extra === this.extraDecorations && c.hits === this.hitMarks
        ? c.both
        : [...this.extraDecorations, ...this.hitMarks];
    const merged = this.notes.decorations(extra);
    if (c && c.all === merged) return c.index;
    this.decoIndex = {
      extra: this.extraDecorations,
      hits: this.hitMarks,
      both: extra,
      all: merged,
      index: new DecorationIndex(merged),
    };
    return this.decoIndex.index;
  }

  /** One display block: a paragraph, or a piece of a long one (`cont` continues, `cut` is continued). */
  private renderBlock(a: Article, b: number, decorations: DecorationIndex) {
    const blocks = this.window.blocks!;
    const range = { start: blocks.start[b]!, end: blocks.end[b]! };
    const text = a.text.slice(range.start, range.end);
    const cls = `${blocks.first[b] ? '' : 'cont'}${b + 1 < blocks.count && !blocks.first[b + 1] ? ' cut' : ''}`;
    const segments = segment(range, decorations.within(range));
    return html`<p data-p=${blocks.para[b]! + 1} data-b=${b} data-start=${range.start} class=${cls || nothing} dir=${baseDirection(text)}>${segments.map(
      (s) => {
        const piece = a.text.slice(s.start, s.end);
        if (!s.decorations.length) return piece;
        const cls = s.decorations
          .map((d) => `${d.kind} ${d.kind}-${d.variant ?? ''}${d.current ? ' current' : ''}`)
          .join(' ');
        const ids = s.decorations
          .map((d) => d.id)
          .filter(Boolean)
          .join(' ');
        return html`<mark class=${cls} data-ids=${ids || nothing} data-start=${s.start}>${piece}</mark>`;
      },
    )}</p>`;
  }

  private renderBody(a: Article, p: ReaderPrefs) {
    this.window.prepare(a, p);
    const index = this.decorationIndex();
    const { from, to } = this.window.win;
    const { before, after } = this.window.gaps;
    const ids = Array.from({ length: to - from }, (_, k) => from + k);
    return html`<section class="body ${this.window.whole ? '' : 'windowed'}" aria-label=${t('reader.paragraphs')}>${
      before > 0 ? html`<div class="gap" aria-hidden="true" style="block-size:${before}px"></div>` : nothing
    }${repeat(
      ids,
      (b) => b,
      (b) => this.renderBlock(a, b, index),
    )}${
      after > 0 ? html`<div class="gap" aria-hidden="true" style="block-size:${after}px"></div>` : nothing
    }</section>`;
  }

  /** The side panel beside the text (annotations); features fill it. */
  protected renderAside(a: Article): unknown {
    return this.notes.renderAside(a);
  }

  private renderHeader(a: Article) {
    return html`<header class="head">
      <p class="outlet"><bdi dir="auto">${this.services.stories.outletName(a.outlet)}</bdi></p>
      <h1 dir=${baseDirection(a.title)}>${a.title}</h1>
      <p class="meta">
        ${a.byline && !(a.agency && a.byline.includes(a.agency)) ? html`<span><bdi dir="auto">${a.byline}</bdi></span>` : nothing}
        ${a.place ? html`<span><bdi dir="auto">${a.place}</bdi></span>` : nothing}
        ${a.agency ? html`<span class="agency" title=${t('reader.agency')}>${t('reader.via', { agency: a.agency })}</span>` : nothing}
        ${a.published || a.publishedHijri ? html`<time datetime=${a.published ?? nothing}>${formatPublished(a)}</time>` : nothing}
        ${
          a.url
            ? html`<button class="link" @click=${() => this.services.platform.openExternal(a.url!)}
          aria-label=${t('reader.source')} title=${a.url}>${t('reader.source')} ${icon('external')}</button>`
            : nothing
        }
      </p>
      ${this.renderDateNote(a)}
    </header>`;
  }

  /** Says where the date came from when it was not printed as shown: converted, or two printed dates disagreeing. */
  private renderDateNote(a: Article) {
    const lang = language();
    if (a.dateNote === 'from-hijri') return html`<p class="date-note" role="note">${t('dates.fromHijri')}</p>`;
    if (a.dateNote === 'calendars-disagree') {
      const hijri = formatHijri(parseHijriIso(a.publishedHijri), lang);
      const gregorian = formatGregorian(parseIsoDate(a.published), lang, 'levantine');
      return html`<p class="date-note warn" role="note">${t('dates.disagree', { hijri, gregorian })}</p>`;
    }
    return nothing;
  }

  override render() {
    const p = this.prefs;
    const font = p.font === 'sans' ? 'var(--font-ui)' : 'var(--font-reading)';
    const vars = `--reader-size:${p.fontSize}px;--reader-leading:${p.lineHeight};--reader-width:${p.columnWidth}ch;--reader-font:${font}`;
    if (this.article === null) return html`<p class="missing" role="alert">${t('reader.notFound')}</p>`;
    const a = this.article;
    return html`
      <warraq-reader-toolbar role="toolbar" aria-label=${t('reader.toolbar')} .prefs=${p} .panelOpen=${this.panelOpen}
        ?concealed=${this.autoHide.concealed} @warraq-reader-action=${this.onAction}
        @warraq-reader-prefs=${(e: ReaderPrefsEvent) => this.setPrefs(e.detail)}></warraq-reader-toolbar>
      <warraq-find-bar .articleId=${this.articleId} .articleText=${this.complete ? (a?.text ?? '') : ''} .query=${this.query ?? ''} .body=${(this.complete && a?.paragraphs) || NO_RANGES} @warraq-find-hits=${this.onHits}></warraq-find-bar>
      <div class="content ${this.panelOpen ? '' : 'no-panel'}">
        ${
          a
            ? html`<article style=${vars} tabindex="-1" aria-label=${a.title} @scroll=${this.onScroll}>
          ${this.renderHeader(a)}
          <warraq-editions-strip .articleId=${a.id}></warraq-editions-strip>
          ${this.renderBody(a, p)}
        </article>`
            : nothing
        }
        ${
          a && this.complete
            ? this.renderAside(a)
            : // The panel's place while a long article's head is shown: the text keeps its width when the
              // panel comes, so the window is not laid out again from scratch.
              a
              ? html`<div class="panel-place" aria-hidden="true"></div>`
              : nothing
        }
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-reader': ReaderView;
  }
}
