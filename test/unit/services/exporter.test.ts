/**
 * ExporterService in Node with in-memory sources: which annotations and articles each scope takes,
 * the files it hands to Platform.save (name, MIME type, bytes: CSV's BOM, HTML's embedded font).
 */
import { describe, it, expect } from 'vitest';
import { ExporterService, toBase64, type ExportSources } from '../../../renderer/services/exporter';
import type { Platform, SaveRequest } from '../../../renderer/platform/platform';
import { makeLibrary } from '../../fixtures/backup/library';

const lib = makeLibrary(6);
const FONT = new Uint8Array(70_000).map((_, i) => (i * 7) & 0xff);

function sources(font = true): ExportSources {
  return {
    allAnnotations: async () => lib.annotations,
    annotationsFor: async (id) => lib.annotations.filter((a) => a.articleId === id),
    meta: (id) => lib.articles.find((a) => a.id === id),
    allMeta: () => lib.articles,
    text: async (id) => lib.texts.find((t) => t.id === id),
    font: font ? async () => FONT : undefined,
  };
}

function service(saved: SaveRequest[] = [], font = true) {
  const platform = {
    save: async (r: SaveRequest) => {
      saved.push(r);
      return true;
    },
  } as unknown as Platform;
  return new ExporterService(sources(font), platform);
}

const NOW = Date.UTC(2026, 10, 28, 12);

describe('ExporterService', () => {
  it('gathers one article, a list of annotation ids, or the whole library', async () => {
    const s = service();
    const one = await s.gather({ kind: 'article', articleId: 'art-0002' });
    expect(one.articles.map((a) => a.id)).toEqual(['art-0002']);
    expect(one.annotations.map((a) => a.id)).toEqual(['art-an-2-a', 'art-an-2-b']);
    expect([...one.texts!.keys()]).toEqual(['art-0002']);
    const picked = await s.gather({ kind: 'annotations', annotationIds: ['art-an-4-b', 'art-an-0-a'] });
    expect(picked.annotations.map((a) => a.id).sort()).toEqual(['art-an-0-a', 'art-an-4-b']);
    expect(picked.articles.map((a) => a.id).sort()).toEqual(['art-0000', 'art-0004']);
    const all = await s.gather({ kind: 'library' });
    expect(all.articles).toHaveLength(6);
    expect(all.annotations).toHaveLength(6);
    expect(await s.count({ kind: 'library' })).toEqual({ annotations: 6, articles: 6 });
    expect(await s.count({ kind: 'annotations', annotationIds: ['art-an-4-b'] })).toEqual({
      annotations: 1,
      articles: 1,
    });
  });

  it('names the file after the article and gives each format its MIME type', async () => {
    const s = service();
    const md = await s.build({ kind: 'article', articleId: 'art-0001' }, 'markdown', 'ar', NOW);
    expect(md.name).toBe(`warraq-notes-${lib.articles[1]!.title.replace(':', ' ').replace(/\s+/g, ' ')}-2026-11-28.md`);
    expect(md.mime).toBe('text/markdown;charset=utf-8');
    const ris = await s.build({ kind: 'library' }, 'ris', 'ar', NOW);
    expect(ris.name).toBe('warraq-notes-2026-11-28.ris');
    expect((await ris.data.text()).match(/^TY {2}- NEWS/gm)).toHaveLength(6);
  });

  it('writes CSV as UTF-8 bytes that start with the BOM, one row per annotation and per tagged article without one', async () => {
    const csv = await service().build({ kind: 'library' }, 'csv', 'ar', NOW);
    const bytes = new Uint8Array(await csv.data.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    // 6 annotations on articles 0, 2, 4; article 3 has tags and no annotation: a row of its own.
    expect(text.trimEnd().split('\r\n')).toHaveLength(1 + 6 + 1);
    expect(text).toContain('قارن مع عدد SOHR في التقرير 4');
  });

  it('embeds the bundled font in the HTML page as base64, and falls back without it', async () => {
    const html = await (await service().build({ kind: 'library' }, 'html', 'ar', NOW)).data.text();
    expect(html).toContain(`url(data:font/woff2;base64,${toBase64(FONT)})`);
    expect(html).toContain('dir="rtl"');
    const plain = await (await service([], false).build({ kind: 'library' }, 'html', 'en', NOW)).data.text();
    expect(plain).not.toContain('@font-face');
    expect(plain).toContain('dir="ltr"');
  });

  it("base64 of a large font matches Node's encoder", () => {
    expect(toBase64(FONT)).toBe(Buffer.from(FONT).toString('base64'));
  });

  it('saves through the platform', async () => {
    const saved: SaveRequest[] = [];
    expect(await service(saved).export({ kind: 'library' }, 'json', 'en')).toBe(true);
    expect(saved[0]!.suggestedName).toMatch(/\.jsonld$/);
    expect(JSON.parse(await saved[0]!.data.text())).toMatchObject({ type: 'AnnotationCollection', total: 6 + 2 }); // + a tagging annotation per tagged article (0 and 3)
  });
});
