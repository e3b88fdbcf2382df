/**
 * Every export format read back by an independent reader of that format, from one Arabic article
 * (Arabic author, Latin acronym in the title, article tags, a note on the whole article, a highlight
 * with a note and a tag, a full date): RIS and CSL-JSON through citation-js (and CSL-JSON on through
 * citeproc), CSV through papaparse with the BOM, Markdown through marked, HTML through linkedom,
 * JSON-LD through the W3C Web Annotation model tests (when ../shared holds them).
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, toCslJson, toCsv, toHtml, toMarkdown, toRis, toWebAnnotations } from '../../../../renderer/core/export';
import { ARTICLE_NOTE, NATO_ARTICLE, NATO_INPUT, NATO_TITLE } from '../../../fixtures/export/nato-article';
import { loadW3c, W3C_DIR } from './w3c-schemas';

const strip = (s: string) => s.replace(/[\u2068\u2069\u200e\u200f]/g, '');

describe('RIS read back by citation-js', () => {
  const ris = toRis(NATO_INPUT.articles, NATO_INPUT.annotations);
  const [item] = new Cite(ris).data;

  it('keeps the author, the full date, title, outlet, URL, place, tags and the article note', () => {
    expect(item).toMatchObject({
      type: 'article-newspaper',
      title: NATO_TITLE,
      'container-title': 'الشرق الأوسط',
      author: [{ literal: 'ليلى عبد الرحمن' }],
      issued: { 'date-parts': [[2022, 3, 9]] },
      URL: NATO_ARTICLE.url,
      'publisher-place': 'بروكسل',
      keyword: 'الناتو,Ukraine',
      note: ARTICLE_NOTE,
    });
  });

  it('writes the accessed date as Y2 (read by Zotero; citation-js has no access date for an old-style record)', () => {
    expect(ris).toContain('Y2  - 2024/10/21/\r\n');
    expect(ris).not.toMatch(/^(?:AU|PY|DA|LA) {2}-/m);
  });
});

describe('CSL-JSON read back by citation-js and formatted by citeproc', () => {
  const json = toCslJson(NATO_INPUT.articles, NATO_INPUT.annotations);
  const cite = new Cite(JSON.parse(json));

  it('keeps every field, tags as keyword and the article note as note', () => {
    const { _graph, ...item } = cite.data[0];
    expect(item).toEqual({
      id: 'nato1',
      type: 'article-newspaper',
      title: NATO_TITLE,
      'container-title': 'الشرق الأوسط',
      author: [{ literal: 'ليلى عبد الرحمن' }],
      issued: { 'date-parts': [[2022, 3, 9]] },
      accessed: { 'date-parts': [[2024, 10, 21]] },
      URL: NATO_ARTICLE.url,
      'publisher-place': 'بروكسل',
      language: 'ar',
      keyword: 'الناتو, Ukraine',
      note: ARTICLE_NOTE,
    });
  });

  it('prints a bibliography entry with the author, full date, title, outlet and URL', () => {
    const entry = cite.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' });
    expect(entry).toContain('ليلى عبد الرحمن');
    expect(entry).toContain('(2022, March 9)');
    expect(entry).toContain(NATO_TITLE);
    expect(entry).toContain('الشرق الأوسط');
    expect(entry).toContain(NATO_ARTICLE.url);
  });
});

describe('CSV read back by papaparse', () => {
  const csv = toCsv(NATO_INPUT);
  it('starts with the BOM and keeps article tags, the article note and the highlight', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    const out = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(out.errors).toEqual([]);
    const [whole, hl] = out.data;
    expect(whole).toMatchObject({
      author: 'ليلى عبد الرحمن',
      title: NATO_TITLE,
      date: '2022-03-09',
      quote: '',
      note: ARTICLE_NOTE,
      'article tags': 'الناتو; Ukraine',
    });
    expect(hl).toMatchObject({
      quote: 'اتخذ بالإجماع',
      note: 'قارن بتصريح وزير الخارجية',
      tags: 'قرارات',
      paragraph: '2',
      'article tags': 'الناتو; Ukraine',
    });
  });
});

describe('Markdown read back by marked', () => {
  const html = marked.parse(toMarkdown(NATO_INPUT, { lang: 'ar' }), { async: false });
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const texts = (sel: string) => [...document.querySelectorAll(sel)].map((e) => strip(e.textContent ?? '').trim());

  it('has the title as a heading, the citation, the article tags line, the note and the quote', () => {
    expect(texts('h2')).toEqual([NATO_TITLE]);
    const paras = texts('p');
    expect(paras.some((p) => p.startsWith(`«${NATO_TITLE}»، الشرق الأوسط، ليلى عبد الرحمن، ٩ آذار ٢٠٢٢، `))).toBe(true);
    expect(paras).toContain('وسوم المقال: الناتو، Ukraine');
    expect(paras).toContain(ARTICLE_NOTE);
    expect(texts('blockquote')).toContain('اتخذ بالإجماع');
  });

  it('names the months of its citations as the reader chose (Egyptian مارس instead of Levantine آذار)', () => {
    const egyptian = toMarkdown(NATO_INPUT, { lang: 'ar', months: 'egyptian' });
    expect(egyptian).toContain('٩ مارس ٢٠٢٢');
    expect(egyptian).not.toContain('آذار');
    expect(toHtml(NATO_INPUT, { lang: 'ar', months: 'egyptian' })).toContain('٩ مارس ٢٠٢٢');
  });
});

describe('HTML read back by linkedom', () => {
  const { document } = parseHTML(toHtml(NATO_INPUT, { lang: 'en' }));
  it('has the article tags line, the article note, the quote and a citation with the date', () => {
    expect(document.querySelector('h2')?.textContent).toBe(NATO_TITLE);
    expect(document.querySelector('.article-tags')?.textContent).toBe('Article tags: الناتو Ukraine');
    expect([...document.querySelectorAll('.note')].map((n) => n.textContent)).toEqual([
      ARTICLE_NOTE,
      'قارن بتصريح وزير الخارجية',
    ]);
    expect(document.querySelector('blockquote')?.textContent).toBe('اتخذ بالإجماع');
    expect(document.querySelector('.source')?.textContent).toContain('9 March 2022');
  });
});

describe('JSON-LD', () => {
  const collection = toWebAnnotations(NATO_INPUT, { generated: Date.UTC(2024, 10, 1) });
  it('gives the article tags as tagging bodies on the whole article', () => {
    const tagging = collection.first.items.find((i) => i.id === 'urn:warraq:article-tags:nato1')!;
    expect(tagging.motivation).toBe('tagging');
    expect(tagging.body?.map((b) => [b.purpose, b.value])).toEqual([
      ['tagging', 'الناتو'],
      ['tagging', 'Ukraine'],
    ]);
    expect(tagging.target).toMatchObject({
      id: NATO_ARTICLE.url,
      'dcterms:creator': 'ليلى عبد الرحمن',
      'dcterms:issued': '2022-03-09',
    });
  });

  const w3c = loadW3c();
  if (!w3c) console.log(`SKIP W3C Web Annotation schema checks of the round trip: ${W3C_DIR} not found`);
  it.skipIf(!w3c)(
    'passes the W3C model tests for the collection and every annotation, the article tags one included',
    () => {
      expect(w3c!.check('collections/collectionMusts.test', collection)).toEqual([]);
      for (const a of collection.first.items) {
        const doc = { '@context': collection['@context'], ...a };
        expect(w3c!.check('annotations/annotationMusts.test', doc)).toEqual([]);
      }
    },
  );
});
