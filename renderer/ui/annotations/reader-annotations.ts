/**
 * The reader's annotation layer, as a Lit controller the reader adds (`new ReaderAnnotations(this)`):
 * loads and anchors the open article's annotations, turns them into highlight decorations, follows the
 * text selection to show the selection toolbar, runs its actions, and renders the panel beside the text.
 * The reader only merges `decorations(extra)` into its paragraphs and returns `renderAside(article)`.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { paragraphNumber } from '../../core/anchoring';
import { quoteWithCitation } from '../../core/export/citation';
import type { Article } from '../../core/model';
import type { Services } from '../../services/services';
import type { AnnotationsChange, ArticleAnnotations, ArticleRows } from '../../services/annotations';
import type { Decoration } from '../reader/decorate';
import { reportError } from '../common/report-error';
import { language } from '../strings/i18n';
import { datePrefs } from '../common/article-date';
import { rangeToOffsets, selectedRange } from './selection';
import { startKeyboardSelection } from './keyboard-selection';
import type { AnnotateAction, ToolbarRect } from './selection-toolbar';
import './selection-toolbar';
import './annotations-panel';
import { storyAnnotations, type StoryAnnotations } from '../../services/annotations-story';
import type { AnnotateEvent, AnnotationRevealEvent, EditingChangeEvent, ParagraphRevealEvent } from './events';

export interface ReaderHost extends ReactiveControllerHost, HTMLElement {
  services: Services;
  articleId: string;
  /** Annotation to scroll to and flash once it is placed (from the route). */
  annotation?: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Renders the part of a long article holding `offset` (the reader renders long articles in windows). */
  showOffset?(offset: number): Promise<void>;
}

interface Pending {
  start: number;
  end: number;
  rect: ToolbarRect;
}

export class ReaderAnnotations implements ReactiveController {
  data?: ArticleAnnotations;
  /** Annotations of the story's other articles (issue 12); those placed here are painted too. */
  story?: StoryAnnotations;
  private article?: Article;
  private pending?: Pending;
  private editing?: string;
  private focusEditor?: string;
  private highlights: Decoration[] = [];
  private merged: { extra: readonly Decoration[]; own: Decoration[]; all: Decoration[] } | undefined;
  private revealed?: string;
  private subscribed?: Services;
  private frame = 0;
  /** The stored rows of `host.articleId`, read while the reader reads the article's text. */
  private early?: { id: string; rows: Promise<ArticleRows> };

  constructor(private readonly host: ReaderHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('selectionchange', this.onSelection);
    this.host.addEventListener('warraq-annotate', this.onAnnotate);
    this.host.addEventListener('warraq-annotate-dismiss', this.dismiss);
    this.host.addEventListener('warraq-annotation-reveal', this.onReveal);
    this.host.addEventListener('warraq-paragraph-reveal', this.onParagraph);
    this.host.addEventListener('warraq-editing-change', this.onEditing);
    this.host.addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    document.removeEventListener('selectionchange', this.onSelection);
    this.host.removeEventListener('warraq-annotate', this.onAnnotate);
    this.host.removeEventListener('warraq-annotate-dismiss', this.dismiss);
    this.host.removeEventListener('warraq-annotation-reveal', this.onReveal);
    this.host.removeEventListener('warraq-paragraph-reveal', this.onParagraph);
    this.host.removeEventListener('warraq-editing-change', this.onEditing);
    this.host.removeEventListener('keydown', this.onKey);
    this.subscribed?.annotations.removeEventListener('change', this.onChange);
    this.subscribed = undefined;
    cancelAnimationFrame(this.frame);
  }

  hostUpdate(): void {
    const id = this.host.articleId;
    if (id && this.early?.id !== id && this.article?.id !== id && this.host.services) {
      const rows = this.host.services.annotations.rows(id);
      rows.catch(() => {}); // reported when forArticle awaits it
      this.early = { id, rows };
    }
  }

  /** `extra` (search hits) plus this article's highlights; the same array while neither changes. */
  decorations(extra: readonly Decoration[]): Decoration[] {
    const m = this.merged;
    if (m && m.extra === extra && m.own === this.highlights) return m.all;
    const all = this.highlights.length ? [...extra, ...this.highlights] : [...extra];
    this.merged = { extra, own: this.highlights, all };
    return all;
  }

  /** The panel and the selection toolbar; starts loading when the article changes. */
  renderAside(a: Article): unknown {
    if (this.article?.id !== a.id) this.open(a);
    this.article = a;
    const p = this.pending;
    return html`
      ${p ? html`<warraq-selection-toolbar .anchorRect=${p.rect}></warraq-selection-toolbar>` : nothing}
      <warraq-annotations-panel .article=${a} .data=${this.data?.articleId === a.id ? this.data : undefined} .story=${this.story} .editing=${this.editing}></warraq-annotations-panel>`;
  }

  private open(a: Article): void {
    this.data = undefined;
    this.story = undefined;
    this.highlights = [];
    this.pending = undefined;
    this.editing = undefined;
    this.revealed = undefined;
    const svc = this.host.services;
    if (this.subscribed !== svc) {
      this.subscribed?.annotations.removeEventListener('change', this.onChange);
      svc.annotations.addEventListener('change', this.onChange);
      this.subscribed = svc;
    }
    void this.reload(a);
  }

  private async reload(a: Article): Promise<void> {
    try {
      const early = this.early?.id === a.id ? this.early.rows : undefined;
      this.early = undefined;
      const data = await this.host.services.annotations.forArticle(a, early);
      if (this.article && this.article.id !== a.id) return;
      this.data = data;
      this.story = await this.storyOf(a);
      if (this.article && this.article.id !== a.id) return;
      this.highlights = [...data.highlights, ...(this.story?.placed ?? [])].map((p) => ({
        ...p.range!,
        kind: 'hl',
        variant: p.annotation.color ?? 'yellow',
        id: p.annotation.id,
      }));
      this.host.requestUpdate();
      await this.host.updateComplete;
      const target = this.host.annotation;
      if (target && this.revealed !== target) {
        this.revealed = target;
        await this.reveal(target);
      }
    } catch (e) {
      reportError(this.host.services.notifier, e);
    }
  }

  /** The story's other articles' annotations, placed in `a` (undefined when the story is `a` alone). */
  private async storyOf(a: Article): Promise<StoryAnnotations | undefined> {
    const svc = this.host.services;
    const storyId = svc.stories.storyIdOf(a.id);
    const others = svc.library.allMeta().filter((m) => m.id !== a.id && (m.storyId ?? m.id) === storyId);
    return others.length ? storyAnnotations(a, others, (id) => svc.annotations.rows(id)) : undefined;
  }

  private readonly onChange = (e: Event): void => {
    const a = this.article;
    const id = (e as CustomEvent<AnnotationsChange>).detail.articleId;
    const svc = this.host.services;
    if (a && (id === a.id || svc.stories.storyIdOf(id) === svc.stories.storyIdOf(a.id))) void this.reload(a);
  };

  private get root(): ShadowRoot | undefined {
    return this.host.shadowRoot ?? undefined;
  }

  private readonly onSelection = (): void => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.readSelection());
  };

  /** The selection now, in stored-text offsets with its screen box, or undefined. */
  private currentSelection(): Pending | undefined {
    const root = this.root;
    const body = root?.querySelector('section.body');
    const range = root && body ? selectedRange(root) : undefined;
    const offsets = range ? rangeToOffsets(body!, range) : undefined;
    return offsets && range ? { ...offsets, rect: rectOf(range) } : undefined;
  }

  private readSelection(): void {
    const root = this.root;
    if (!root) return;
    // Focus in the toolbar (Tab from the text) must not close it even if the engine collapses the selection.
    if (root.activeElement?.localName === 'warraq-selection-toolbar' && this.pending) return;
    const next = this.currentSelection();
    if (!next && !this.pending) return;
    this.pending = next;
    this.host.requestUpdate();
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    const root = this.root;
    if (e.key === 'Escape' && this.pending) {
      // Escape closes the toolbar first; the reader's own Escape (back to the library) comes next time.
      e.stopImmediatePropagation();
      this.dismiss();
    } else if (e.key === 'Tab' && !e.shiftKey && this.pending && this.fromText(e)) {
      // Tab from a selection goes to its toolbar, whatever else is focusable in the article before it
      // (the editions strip under the header, for one).
      const first = root?.querySelector('warraq-selection-toolbar')?.shadowRoot?.querySelector('button');
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (root && startKeyboardSelection(root, e)) e.preventDefault();
  };

  /** True when a key event comes from the article's text (not a control, the toolbar or the panel). */
  private fromText(e: KeyboardEvent): boolean {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    return target?.localName === 'article' || !!target?.closest?.('section.body');
  }

  private readonly dismiss = (): void => {
    this.pending = undefined;
    this.clearSelection();
    this.host.requestUpdate();
    (this.root?.querySelector('article') as HTMLElement | null)?.focus({ preventScroll: true });
  };

  private clearSelection(): void {
    const root = this.root as (ShadowRoot & { getSelection?: () => Selection | null }) | undefined;
    (root?.getSelection?.() ?? document.getSelection())?.removeAllRanges();
  }

  private readonly onAnnotate = (e: AnnotateEvent): void => {
    const a = this.article;
    // The selection may have grown since the last frame read it (a quick Shift+arrow, Tab, Enter).
    const p = this.currentSelection() ?? this.pending;
    if (!a || !p) return;
    void this.act(a, p, e.detail).catch((err) => reportError(this.host.services.notifier, err));
  };

  private async act(a: Article, p: Pending, action: AnnotateAction): Promise<void> {
    const svc = this.host.services;
    const range = { start: p.start, end: p.end };
    if (action.kind === 'copy') {
      const meta = svc.library.meta(a.id) ?? a;
      const text = quoteWithCitation(a.text.slice(p.start, p.end), meta, {
        lang: language(),
        paragraph: paragraphNumber(a.paragraphs, p.start),
        months: datePrefs().months,
      });
      try {
        await navigator.clipboard.writeText(text);
        svc.notifier.notify({ kind: 'success', message: 'notes.copied' });
      } catch {
        svc.notifier.error('notes.copyFailed');
      }
      return;
    }
    this.dismiss();
    if (action.kind === 'bookmark') {
      const n = paragraphNumber(a.paragraphs, p.start) ?? 1;
      await svc.annotations.addBookmark(a, n - 1);
      svc.notifier.notify({ kind: 'success', message: 'notes.bookmarked', params: { n } });
      return;
    }
    const h = await svc.annotations.createHighlight(a, range, action.kind === 'highlight' ? action.color : 'yellow');
    if (action.kind === 'note') this.edit(h.id);
  }

  private edit(id: string | undefined): void {
    this.editing = id;
    this.focusEditor = id;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (this.focusEditor) void this.focusEditorNow(this.focusEditor);
  }

  /** Focuses the note editor once the panel shows it (a new highlight arrives a render later). */
  private async focusEditorNow(id: string): Promise<void> {
    const panel = this.root?.querySelector('warraq-annotations-panel');
    await panel?.updateComplete;
    const editor = panel?.shadowRoot?.querySelector('warraq-note-editor');
    if (!editor || this.focusEditor !== id) return;
    this.focusEditor = undefined;
    const item = editor.closest('li, .item') ?? editor;
    const box = panel!.getBoundingClientRect();
    const r = item.getBoundingClientRect();
    // The panel is its own scroller; scroll it alone, and only when the editor is out of sight.
    if (r.top < box.top || r.bottom > box.bottom) panel!.scrollTop += r.top - box.top - 16;
    editor.focus();
  }

  private readonly onEditing = (e: EditingChangeEvent): void => this.edit(e.detail);
  private readonly onReveal = (e: AnnotationRevealEvent): void => void this.reveal(e.detail);

  private readonly onParagraph = (e: ParagraphRevealEvent): void => void this.showParagraph(e.detail);

  private async showParagraph(index: number): Promise<void> {
    const start = this.article?.paragraphs[index]?.start;
    if (start !== undefined) await this.host.showOffset?.(start);
    const el = this.root?.querySelector<HTMLElement>(`[data-p="${index + 1}"]`);
    if (el) this.scrollTo(el, 0);
  }

  /**
   * Scrolls the article (only) so `el` stands `at` of the way down it; scrollIntoView would also
   * scroll the overflow-hidden frames around the reader and push the header out of sight.
   */
  private scrollTo(el: HTMLElement, at: number): void {
    const scroller = this.root?.querySelector<HTMLElement>('article');
    if (!scroller) return;
    const box = scroller.getBoundingClientRect();
    scroller.scrollTop += el.getBoundingClientRect().top - box.top - box.height * at;
  }

  /** Scrolls the annotation's first mark into view and flashes all its marks. */
  async reveal(id: string): Promise<void> {
    const range = this.highlights.find((h) => h.id === id);
    if (range) await this.host.showOffset?.(range.start);
    const marks = [...(this.root?.querySelectorAll<HTMLElement>('mark[data-ids]') ?? [])].filter((m) =>
      m.dataset.ids!.split(' ').includes(id),
    );
    if (marks[0]) this.scrollTo(marks[0], 1 / 3);
    for (const m of marks) {
      m.classList.remove('flash');
      void m.offsetWidth; // restart the animation
      m.classList.add('flash');
      window.setTimeout(() => m.classList.remove('flash'), 1700);
    }
  }
}

function rectOf(range: Range): ToolbarRect {
  const r = range.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
}
