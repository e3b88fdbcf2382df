/**
 * Annotations: highlights with notes and tags, notes on a whole article, bookmarks, and the notebook.
 * Every change is one storage transaction, written at once; deletes and edits come with an undo
 * notice (Ctrl+Z runs the newest). Emits 'change' (CustomEvent<AnnotationsChange>) after every change
 * so the reader, its panel and the notebook follow.
 */
import { cleanNote, stripControls } from '../core/article/controls';
import { describe, paragraphNumber } from '../core/anchoring';
import type { Annotation, Article, ArticleMeta, Bookmark, HighlightColor, TextRange } from '../core/model';
import type { AnnotationsRepo } from '../storage/annotations-repo';
import type { LibraryService } from './library';
import type { Notifier } from './notifier';
import type { SettingsService } from './settings';
import { placeAnnotations, type ArticleAnnotations } from './annotations-place';
import { FoldCache, filterNotebook, type NotebookEntry, type NotebookFilter } from './annotations-query';

export type { ArticleAnnotations, PlacedAnnotation } from './annotations-place';
export type { NotebookEntry, NotebookFilter } from './annotations-query';

export interface AnnotationsChange {
  articleId: string;
}

export interface BookmarkEntry {
  bookmark: Bookmark;
  meta: ArticleMeta;
}

export interface ArticleRows {
  annotations: Annotation[];
  bookmarks: Bookmark[];
}

type Patch = Partial<Pick<Annotation, 'note' | 'color' | 'tags'>>;

/** A bookmark's label: the paragraph's opening words, enough to recognise it in a list. */
const LABEL_CHARS = 80;

export class AnnotationsService extends EventTarget {
  private readonly folds = new FoldCache();

  constructor(
    private readonly repo: AnnotationsRepo,
    private readonly library: LibraryService,
    private readonly settings: SettingsService,
    private readonly notifier: Notifier,
    private readonly clock: { now(): number; id(): string } = { now: () => Date.now(), id: () => crypto.randomUUID() },
  ) {
    super();
  }

  /** The article's annotations placed in its text, orphans and bookmarks. Rejects with StorageError. */
  async forArticle(article: Pick<Article, 'id' | 'text'>, rows?: Promise<ArticleRows>): Promise<ArticleAnnotations> {
    const { annotations, bookmarks } = await (rows ?? this.rows(article.id));
    return placeAnnotations(article, annotations, bookmarks);
  }

  /**
   * An article's stored annotations and bookmarks, unplaced: the reader starts this read together
   * with the article's text and hands it to `forArticle`. Rejects with StorageError.
   */
  async rows(articleId: string): Promise<ArticleRows> {
    const [annotations, bookmarks] = await Promise.all([
      this.repo.forArticle(articleId),
      this.repo.bookmarksFor(articleId),
    ]);
    // Notes and tags are shown without bidi controls, whatever an older version or a backup stored (issue 13).
    return { annotations: annotations.map(cleanNote), bookmarks };
  }

  /**
   * Highlights `[range.start, range.end)` of the article's stored text: W3C position and quote
   * selectors, the paragraph as locator. Returns the stored annotation; rejects with StorageError,
   * or with a RangeError for an empty range.
   */
  async createHighlight(
    article: Pick<Article, 'id' | 'text' | 'paragraphs'>,
    range: TextRange,
    color: HighlightColor,
    note = '',
  ): Promise<Annotation> {
    if (range.end <= range.start) throw new RangeError('empty selection');
    const now = this.clock.now();
    const a: Annotation = {
      id: this.clock.id(),
      articleId: article.id,
      selectors: describe(article.text, range.start, range.end),
      color,
      note: stripControls(note),
      tags: [],
      paragraph: paragraphNumber(article.paragraphs, range.start),
      createdAt: now,
      updatedAt: now,
    };
    await this.repo.put(a);
    this.changed(article.id);
    return a;
  }

  /** A note on the whole article (no selectors). Returns it; rejects with StorageError. */
  async createArticleNote(articleId: string, note: string): Promise<Annotation> {
    const now = this.clock.now();
    const a: Annotation = {
      id: this.clock.id(),
      articleId,
      selectors: [],
      note: stripControls(note),
      tags: [],
      createdAt: now,
      updatedAt: now,
    };
    await this.repo.put(a);
    this.changed(articleId);
    return a;
  }

  /** Sets a note's text (multi-line, as typed), with undo. */
  setNote(id: string, note: string): Promise<Annotation | undefined> {
    return this.edit(id, { note: stripControls(note) }, 'notes.noteSaved');
  }

  /** Sets a note's text and tags together: one write, one undo. */
  saveNote(id: string, note: string, tags: string[]): Promise<Annotation | undefined> {
    return this.edit(id, { note: stripControls(note), tags: cleanTags(tags) }, 'notes.noteSaved');
  }

  /** Changes a highlight's colour, with undo. */
  recolor(id: string, color: HighlightColor): Promise<Annotation | undefined> {
    return this.edit(id, { color }, 'notes.recolored');
  }

  /** Replaces an annotation's tags (trimmed, deduplicated), with undo. */
  setTags(id: string, tags: string[]): Promise<Annotation | undefined> {
    return this.edit(id, { tags: cleanTags(tags) }, 'notes.tagsSaved');
  }

  /** Replaces an article's tags (trimmed, deduplicated), with undo. Rejects with StorageError. */
  async setArticleTags(articleId: string, tags: string[]): Promise<void> {
    const before = this.library.meta(articleId)?.tags ?? [];
    await this.library.setTags(articleId, cleanTags(tags));
    this.changed(articleId);
    this.notifier.notify({
      kind: 'info',
      message: 'notes.tagsSaved',
      undo: async () => {
        await this.library.setTags(articleId, before);
        this.changed(articleId);
      },
    });
  }

  /** Deletes an annotation with an undo notice; resolves false when it was already gone. */
  async remove(id: string): Promise<boolean> {
    const removed = await this.repo.delete(id);
    if (!removed) return false;
    this.changed(removed.articleId);
    this.notifier.notify({
      kind: 'info',
      message: 'notes.deleted',
      undo: async () => {
        await this.repo.put(removed);
        this.changed(removed.articleId);
      },
    });
    return true;
  }

  /**
   * Bookmarks a paragraph (0-based index); returns the existing bookmark when that paragraph already
   * has one, so pressing the button twice makes no duplicate. Rejects with StorageError.
   */
  async addBookmark(article: Pick<Article, 'id' | 'text' | 'paragraphs'>, paragraph: number): Promise<Bookmark> {
    const existing = (await this.repo.bookmarksFor(article.id)).find((b) => b.paragraph === paragraph);
    if (existing) return existing;
    const range = article.paragraphs[paragraph];
    const label = range ? article.text.slice(range.start, range.end).trim().slice(0, LABEL_CHARS) : '';
    const b: Bookmark = { id: this.clock.id(), articleId: article.id, paragraph, label, createdAt: this.clock.now() };
    await this.repo.putBookmark(b);
    this.changed(article.id);
    return b;
  }

  /** Removes a bookmark with an undo notice; resolves false when it was already gone. */
  async removeBookmark(id: string): Promise<boolean> {
    const removed = await this.repo.deleteBookmark(id);
    if (!removed) return false;
    this.changed(removed.articleId);
    this.notifier.notify({
      kind: 'info',
      message: 'notes.bookmarkRemoved',
      undo: async () => {
        await this.repo.putBookmark(removed);
        this.changed(removed.articleId);
      },
    });
    return true;
  }

  /** Every bookmark whose article is still in the library, newest first. */
  async bookmarks(): Promise<BookmarkEntry[]> {
    const all = await this.repo.allBookmarks();
    return all.flatMap((bookmark) => {
      const meta = this.library.meta(bookmark.articleId);
      return meta ? [{ bookmark, meta }] : [];
    });
  }

  /** Where the reader last left off (article and 1-based paragraph), or undefined. */
  async continueReading(): Promise<{ meta: ArticleMeta; paragraph: number } | undefined> {
    const last = await this.settings.lastRead();
    const meta = last ? this.library.meta(last.articleId) : undefined;
    return meta && last ? { meta, paragraph: last.paragraph } : undefined;
  }

  /** The notebook: every annotation passing `filter`, newest first. Rejects with StorageError. */
  async notebook(filter: NotebookFilter = {}): Promise<NotebookEntry[]> {
    const all = (await this.repo.all()).map(cleanNote);
    return filterNotebook(all, (id) => this.library.meta(id), filter, this.folds);
  }

  /** Every tag in use, on annotations and on articles, sorted. */
  async tags(): Promise<string[]> {
    const set = new Set((await this.repo.tags()).map(stripControls));
    for (const m of this.library.allMeta()) for (const t of m.tags ?? []) set.add(t);
    return [...set].sort((a, b) => a.localeCompare(b, 'ar'));
  }

  private async edit(id: string, patch: Patch, message: string): Promise<Annotation | undefined> {
    const r = await this.repo.update(id, patch, this.clock.now());
    if (!r) return undefined;
    this.changed(r.after.articleId);
    const undo: Patch = {};
    for (const k of Object.keys(patch) as (keyof Patch)[]) (undo as Record<string, unknown>)[k] = r.before[k];
    this.notifier.notify({
      kind: 'info',
      message,
      undo: async () => {
        await this.repo.update(id, undo, this.clock.now());
        this.changed(r.after.articleId);
      },
    });
    return r.after;
  }

  private changed(articleId: string): void {
    this.dispatchEvent(new CustomEvent<AnnotationsChange>('change', { detail: { articleId } }));
  }
}

/** Trimmed, non-empty, each once, in the order given. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => stripControls(t).trim().replace(/\s+/g, ' ')).filter(Boolean))];
}
