import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { WarraqDb } from '../../../renderer/storage/db';
import { AnnotationsRepo } from '../../../renderer/storage/annotations-repo';
import { ArticlesRepo } from '../../../renderer/storage/articles-repo';
import { SettingsRepo } from '../../../renderer/storage/settings-repo';
import { LibraryService } from '../../../renderer/services/library';
import { SettingsService } from '../../../renderer/services/settings';
import { Notifier } from '../../../renderer/services/notifier';
import { AnnotationsService, cleanTags } from '../../../renderer/services/annotations';
import type { Article } from '../../../renderer/core/model';

const P1 = 'أعلن المرصد السوري (SOHR) مقتل 34 مدنياً في ريف إدلب.';
const P2 = 'وقالت الحكومة إن المسؤولية تقع على الفصائل المسلحة.';
const TEXT = `${P1}\n${P2}`;

function article(id: string, text = TEXT, outlet = 'وكالة المرصد'): Article {
  const paragraphs = [];
  let at = 0;
  for (const p of text.split('\n')) {
    paragraphs.push({ start: at, end: at + p.length });
    at += p.length + 1;
  }
  return {
    id,
    title: `عنوان ${id}`,
    outlet,
    length: text.length,
    words: 10,
    importedAt: 1,
    source: { kind: 'text' },
    tags: [],
    text,
    paragraphs,
  };
}

async function store(library: LibraryService, a: Article): Promise<void> {
  const { text, paragraphs, titleRange, ...meta } = a;
  await library.add([{ meta, text: { id: a.id, text, paragraphs, titleRange } }]);
}

describe('AnnotationsService', () => {
  let db: WarraqDb;
  let svc: AnnotationsService;
  let library: LibraryService;
  let notifier: Notifier;
  let now = 0;
  let n = 0;
  const a1 = article('a1');

  beforeEach(async () => {
    db = new WarraqDb('svc-test', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    notifier = new Notifier();
    library = new LibraryService(new ArticlesRepo(db), notifier);
    const settings = new SettingsService(new SettingsRepo(db));
    now = Date.parse('2026-03-10T12:00:00');
    n = 0;
    svc = new AnnotationsService(new AnnotationsRepo(db), library, settings, notifier, {
      now: () => now,
      id: () => `id${++n}`,
    });
    await store(library, a1);
  });
  afterEach(() => db.close());

  it('creates a highlight with position and quote selectors and the paragraph as locator', async () => {
    const start = P1.length + 1 + P2.indexOf('المسؤولية');
    const h = await svc.createHighlight(a1, { start, end: start + 'المسؤولية'.length }, 'green');
    expect(h.paragraph).toBe(2);
    expect(h.selectors[0]).toEqual({ type: 'TextPositionSelector', start, end: start + 9 });
    expect(h.selectors[1]).toMatchObject({ type: 'TextQuoteSelector', exact: 'المسؤولية' });
    const placed = await svc.forArticle(a1);
    expect(placed.highlights.map((p) => p.range)).toEqual([{ start, end: start + 9 }]);
    await expect(svc.createHighlight(a1, { start: 3, end: 3 }, 'blue')).rejects.toThrow(RangeError);
  });

  it('places highlights in text order, keeps a Latin run and digits, and keeps orphans with their quote', async () => {
    const s = P1.indexOf('(SOHR) مقتل 34');
    await svc.createHighlight(a1, { start: s + 7, end: s + 14 }, 'yellow');
    await svc.createHighlight(a1, { start: s, end: s + 14 }, 'pink');
    const changed = article('a1', TEXT.replace('مقتل 34', 'سقوط 40'));
    const gone = await svc.forArticle(changed);
    expect(gone.highlights).toHaveLength(0);
    expect(gone.orphans.map((o) => o.quote)).toEqual(['مقتل 34', '(SOHR) مقتل 34']);
    const placed = await svc.forArticle(a1);
    expect(placed.highlights.map((p) => p.annotation.color)).toEqual(['pink', 'yellow']);
    expect(placed.highlights.map((p) => TEXT.slice(p.range!.start, p.range!.end))).toEqual([
      '(SOHR) مقتل 34',
      'مقتل 34',
    ]);
  });

  it('re-anchors a highlight when the same article comes back with tashkeel', async () => {
    const s = P2.indexOf('الحكومة');
    const at = P1.length + 1 + s;
    await svc.createHighlight(a1, { start: at, end: at + 'الحكومة'.length }, 'blue');
    const voweled = article('a1', TEXT.replace('وقالت الحكومة', 'وَقالَت الحُكومَةُ'));
    const placed = await svc.forArticle(voweled);
    expect(placed.orphans).toHaveLength(0);
    const r = placed.highlights[0]!.range!;
    expect(voweled.text.slice(r.start, r.end)).toMatch(/^الحُكومَة/);
  });

  it('edits note, colour and tags with undo, each stored at once', async () => {
    const h = await svc.createHighlight(a1, { start: 0, end: 4 }, 'yellow');
    const events: string[] = [];
    svc.addEventListener('change', (e) => events.push((e as CustomEvent).detail.articleId));
    await svc.setNote(h.id, 'قارن مع أرقام SOHR\nسطر ثانٍ');
    await svc.recolor(h.id, 'purple');
    await svc.setTags(h.id, [' ضحايا ', 'ضحايا', '', 'إدلب']);
    let row = await db.annotations.get(h.id);
    expect(row).toMatchObject({ note: 'قارن مع أرقام SOHR\nسطر ثانٍ', color: 'purple', tags: ['ضحايا', 'إدلب'] });
    expect(events).toEqual(['a1', 'a1', 'a1']);
    expect(await notifier.undoLatest()).toBe(true); // tags
    expect(await notifier.undoLatest()).toBe(true); // colour
    row = await db.annotations.get(h.id);
    expect(row).toMatchObject({ color: 'yellow', tags: [], note: 'قارن مع أرقام SOHR\nسطر ثانٍ' });
    expect(await svc.setNote('nope', 'x')).toBeUndefined();
  });

  it('deletes with undo that puts back exactly what was removed', async () => {
    const h = await svc.createHighlight(a1, { start: 0, end: 4 }, 'yellow', 'ملاحظة');
    expect(await svc.remove(h.id)).toBe(true);
    expect(await db.annotations.count()).toBe(0);
    expect(await svc.remove(h.id)).toBe(false);
    await notifier.undoLatest();
    expect(await db.annotations.get(h.id)).toEqual(h);
  });

  it('keeps notes on the whole article apart from highlights', async () => {
    await svc.createArticleNote('a1', 'مقالة مهمة for the report');
    const placed = await svc.forArticle(a1);
    expect(placed.articleNotes.map((a) => a.note)).toEqual(['مقالة مهمة for the report']);
    expect(placed.highlights).toHaveLength(0);
    expect(placed.orphans).toHaveLength(0);
  });

  it('bookmarks a paragraph once, lists it, removes it with undo, and reports continue-reading', async () => {
    const b = await svc.addBookmark(a1, 1);
    expect(b.label).toBe(P2);
    expect((await svc.addBookmark(a1, 1)).id).toBe(b.id);
    expect((await svc.bookmarks()).map((e) => [e.bookmark.paragraph, e.meta.title])).toEqual([[1, 'عنوان a1']]);
    await svc.removeBookmark(b.id);
    expect(await svc.bookmarks()).toEqual([]);
    await notifier.undoLatest();
    expect(await svc.bookmarks()).toHaveLength(1);
    expect(await svc.continueReading()).toBeUndefined();
    await db.reading.put({ articleId: 'a1', paragraph: 2, fraction: 0.4, updatedAt: 5 });
    expect(await svc.continueReading()).toMatchObject({ meta: { id: 'a1' }, paragraph: 2 });
  });

  it('filters the notebook by colour, tag (annotation or article), outlet, day, article and folded text', async () => {
    const a2 = article('a2', 'صرّح مسؤول أمريكي بأن العملية انتهت.', 'رويترز');
    await store(library, a2);
    const h1 = await svc.createHighlight(a1, { start: 0, end: 4 }, 'yellow', 'تقع المسؤولية على الحكومة');
    now += 86_400_000 * 2;
    const h2 = await svc.createHighlight(a2, { start: 0, end: 4 }, 'blue', 'compare with Reuters');
    await svc.setTags(h2.id, ['تصريحات']);
    await svc.setArticleTags('a1', ['سوريا']);
    const ids = async (f: Parameters<typeof svc.notebook>[0]) => (await svc.notebook(f)).map((e) => e.annotation.id);
    expect(await ids({})).toEqual([h2.id, h1.id]);
    expect(await ids({ colors: ['blue'] })).toEqual([h2.id]);
    expect(await ids({ tag: 'تصريحات' })).toEqual([h2.id]);
    expect(await ids({ tag: 'سوريا' })).toEqual([h1.id]);
    expect(await ids({ outlet: 'رويترز' })).toEqual([h2.id]);
    expect(await ids({ articleId: 'a1' })).toEqual([h1.id]);
    expect(await ids({ from: '2026-03-11' })).toEqual([h2.id]);
    expect(await ids({ to: '2026-03-10' })).toEqual([h1.id]);
    expect(await ids({ text: 'مسئوليه' })).toEqual([h1.id]); // ئ for ؤ, ه for ة
    expect(await ids({ text: 'مسووليه' })).toEqual([h1.id]); // no hamza typed
    expect(await ids({ text: 'مسئوليه الحكومه' })).toEqual([h1.id]);
    expect(await ids({ text: 'مسئوليه Reuters' })).toEqual([]);
    expect(await ids({ text: 'REUTERS' })).toEqual([h2.id]);
    expect(await ids({ text: 'أعلن' })).toEqual([h1.id]); // the quote «أعلن» folds to «اعلن»
    expect(await ids({ text: 'غير موجود' })).toEqual([]);
    expect(await svc.tags()).toEqual(['تصريحات', 'سوريا']);
    await notifier.undoLatest(); // the article tags
    expect(library.meta('a1')?.tags).toEqual([]);
    expect(await ids({ tag: 'سوريا' })).toEqual([]);
  });
});

describe('cleanTags', () => {
  it('trims, squeezes spaces and drops empties and repeats', () => {
    expect(cleanTags(['  حقوق   الإنسان ', 'حقوق الإنسان', ' ', 'UN'])).toEqual(['حقوق الإنسان', 'UN']);
  });
});
