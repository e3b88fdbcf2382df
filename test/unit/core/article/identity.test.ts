import { describe, expect, it } from 'vitest';
import { contentId, countWords, normaliseForHash, toArticle } from '../../../../renderer/core/article/identity';
import { parseTextBytes, parseTextArticle } from '../../../../renderer/core/article/text';
import { parseHtml } from '../../../../renderer/core/article/html';
import { fixture } from './fixtures';

describe('normaliseForHash', () => {
  it('folds tashkeel, tatweel, invisible marks, whitespace runs and line endings; keeps letters and digits', () => {
    expect(normaliseForHash('  قَالَ  المُـــدِيرُ\u200f\r\n\r\nإنَّ ٣ ')).toBe('قال المدير إن ٣');
    expect(normaliseForHash('أحمد')).not.toBe(normaliseForHash('احمد'));
    expect(normaliseForHash('مدرسة')).not.toBe(normaliseForHash('مدرسه'));
  });
  it('composes to NFC', () => {
    expect(normaliseForHash('\u0627\u0653')).toBe(normaliseForHash('\u0622'));
  });
});

describe('contentId', () => {
  it('is a 64-digit hex SHA-256', async () => {
    expect(await contentId(parseTextArticle('عنوان\nنص الخبر.', {}))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the same text under two file names, encodings and line endings is one article', async () => {
    const a = parseTextBytes(fixture('folder/تقارير 2019/خبر الحافلات.txt'), { fileName: 'خبر الحافلات.txt' }).article;
    const b = parseTextBytes(fixture('folder/تقارير 2019/نسخة من خبر الحافلات.txt'), {
      fileName: 'نسخة من خبر الحافلات.txt',
    }).article;
    expect(a.text).not.toBe(b.text);
    expect(await contentId(a)).toBe(await contentId(b));
  });

  it('the same text with and without tashkeel is one article (decided: harakat are presentation)', async () => {
    const plain = parseTextArticle('افتتاح المكتبة\nافتتحت المكتبة العامة أبوابها اليوم.', {});
    const voweled = parseTextArticle('افتتاحُ المكتبةِ\nافْتُتِحَتْ المكتبةُ العامّةُ أبوابَها اليومَ.', {});
    expect(await contentId(plain)).toBe(await contentId(voweled));
  });

  it('the same body saved as text and as a web page is one article; header lines do not count', async () => {
    const t = parseTextArticle('صحيفة الوطن\nعنوان الخبر\nكتب: فلان\nالفقرة الأولى.\nالفقرة الثانية.', {});
    const h = parseHtml(
      '<html><head><meta property="og:title" content="عنوان الخبر"></head><body><article><p>الفقرة الأولى.</p><p>الفقرة الثانية.</p></article></body></html>',
    );
    expect(await contentId(t)).toBe(await contentId(h));
  });

  it('different titles or bodies give different ids (empty-bodied records stay apart)', async () => {
    const x = { title: 'عنوان أول', text: '', paragraphs: [] };
    const y = { title: 'عنوان ثان', text: '', paragraphs: [] };
    expect(await contentId(x)).not.toBe(await contentId(y));
  });
});

describe('toArticle', () => {
  it('splits meta and text, counting body characters and words only', () => {
    const parsed = parseTextBytes(fixture('text/watan.txt'), { fileName: 'watan.txt' }).article;
    const { meta, text } = toArticle(parsed, 'abc', 1700000000000);
    expect(meta).toMatchObject({
      id: 'abc',
      title: parsed.title,
      outlet: 'صحيفة الوطن',
      place: 'دمشق',
      published: '2019-05-05',
      importedAt: 1700000000000,
      tags: [],
      source: { kind: 'text', name: 'watan.txt' },
    });
    expect(meta.length).toBe(parsed.paragraphs.reduce((n, r) => n + r.end - r.start, 0));
    expect(meta.words).toBe(
      parsed.paragraphs.map((r) => parsed.text.slice(r.start, r.end).split(/\s+/).length).reduce((a, b) => a + b),
    );
    expect(text).toEqual({
      id: 'abc',
      text: parsed.text,
      paragraphs: parsed.paragraphs,
      titleRange: parsed.titleRange,
    });
    expect('url' in meta).toBe(false);
  });

  it('countWords treats NBSP and line breaks as spaces', () => {
    const s = 'كلمة\u00a0كلمة\nكلمة  كلمة';
    expect(countWords(s, [{ start: 0, end: s.length }])).toBe(4);
  });
});
