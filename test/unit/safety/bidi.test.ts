/**
 * Issue 13 item 5: bidi overrides, isolates and other invisible format characters are neutralised in
 * imported metadata, tags and notes, for display and export; the stored text keeps them verbatim.
 */
import { describe, it, expect } from 'vitest';
import { parseTextArticle } from '../../../renderer/core/article/text';
import { toArticle } from '../../../renderer/core/article/identity';
import { stripControls, cleanMeta } from '../../../renderer/core/article/controls';
import { recordToArticle } from '../../../renderer/core/article/records';
import { cleanTags } from '../../../renderer/services/annotations';
import { ExporterService } from '../../../renderer/services/exporter';
import type { Annotation, ArticleMeta } from '../../../renderer/core/model';
import type { Platform } from '../../../renderer/platform/platform';

const RLO = '\u202e';
const CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\ufeff]/;

describe('bidi controls (issue 13)', () => {
  it('a title ending in RLO "cod.exe" is stored as "cod.exe" in the meta, verbatim in the text', () => {
    const body = 'هذا نص الخبر الأول وهو طويل بما يكفي ليكون فقرة من فقرات المقال في الصحيفة.';
    const parsed = parseTextArticle(
      `صحيفة الرياض\nالحكومة تعلن خطة جديدة لدعم المزارعين ${RLO}cod.exe\n\n${body}\n\n${body}`,
      { fileName: 'x.txt' },
    );
    const { meta, text } = toArticle(parsed, 'id1', 0);
    expect(meta.title).toBe('الحكومة تعلن خطة جديدة لدعم المزارعين cod.exe');
    expect(text.text).toContain(`${RLO}cod.exe`);
  });

  it.each([
    ['\u202a'],
    ['\u202b'],
    ['\u202c'],
    ['\u202d'],
    ['\u202e'],
    ['\u2066'],
    ['\u2067'],
    ['\u2068'],
    ['\u2069'],
    ['\u200e'],
    ['\u200f'],
    ['\u061c'],
    ['\u200b'],
    ['\ufeff'],
  ])('U+%s is removed from archive metadata (title, outlet, author)', (c) => {
    const a = recordToArticle(
      { title: `عنوان${c}الخبر`, source: `منفذ${c}`, author: `${c}كاتب`, content: 'نص الخبر في فقرة كاملة.' },
      'jsonl',
    );
    if (typeof a === 'string') throw new Error(a);
    const { meta } = toArticle(a, 'id', 0);
    for (const v of [meta.title, meta.outlet, meta.author ?? '']) expect(v).not.toMatch(CONTROLS);
  });

  it('ZWNJ and ZWJ, which Persian and Arabic spelling need, are kept', () => {
    expect(stripControls('می\u200cخواهم \u200d')).toBe('می\u200cخواهم \u200d');
  });

  it('tags and notes lose their controls; an old stored meta is cleaned for display', () => {
    expect(cleanTags([`${RLO}سوريا`, 'سوريا', '\u2066SOHR\u2069'])).toEqual(['سوريا', 'SOHR']);
    const old = { id: 'x', title: `a${RLO}b`, outlet: '\u2067o\u2069', tags: [`t${RLO}`] } as ArticleMeta;
    expect(cleanMeta(old)).toMatchObject({ title: 'ab', outlet: 'o', tags: ['t'] });
    const clean = { id: 'y', title: 'ab', outlet: 'o', tags: [] } as unknown as ArticleMeta;
    expect(cleanMeta(clean)).toBe(clean);
  });

  it('every export of a library holding controls is free of them outside the quotes', async () => {
    const meta = {
      id: 'a1',
      title: `العنوان ${RLO}cod.exe`,
      outlet: `\u2067BBC\u2069`,
      author: `\u200fسامر`,
      length: 10,
      words: 2,
      importedAt: 0,
      source: { kind: 'text' },
      tags: [`وسم${RLO}`],
    } as ArticleMeta;
    const note: Annotation = {
      id: 'n1',
      articleId: 'a1',
      selectors: [],
      note: `ملاحظة ${RLO}gnp.exe`,
      tags: [`\u2066tag\u2069`],
      createdAt: 0,
      updatedAt: 0,
    };
    const svc = new ExporterService(
      {
        allAnnotations: async () => [note],
        annotationsFor: async () => [note],
        meta: () => meta,
        allMeta: () => [meta],
        text: async () => ({ id: 'a1', text: 'نص', paragraphs: [{ start: 0, end: 2 }] }),
      },
      {} as Platform,
    );
    for (const format of ['markdown', 'csv', 'json', 'csl', 'ris'] as const) {
      const file = await svc.build({ kind: 'library' }, format, 'ar', 0);
      const text = await file.data.text();
      expect(text, format).not.toMatch(/[\u202a-\u202e\u200e\u200f\u061c]/);
      expect(text, format).toContain('cod.exe');
    }
  });
});
