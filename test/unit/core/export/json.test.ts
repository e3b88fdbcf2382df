import { describe, expect, it } from 'vitest';
import {
  ANNO_CONTEXT,
  toWebAnnotationJson,
  toWebAnnotations,
  type WebAnnotation,
} from '../../../../renderer/core/export';
import { ANNOTATIONS, ARTICLES, TEXTS } from '../../../fixtures/export/library';
import { loadW3c, W3C_DIR } from './w3c-schemas';

const GENERATED = Date.UTC(2024, 6, 1);
const collection = toWebAnnotations(
  { articles: ARTICLES, annotations: ANNOTATIONS, texts: TEXTS },
  { generated: GENERATED, label: 'ملاحظات' },
);
const items = collection.first.items;
const byId = (id: string) =>
  items.find((i) => i.id === `urn:warraq:annotation:${id}`)! as WebAnnotation & { target: any };
const IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;

describe('Web Annotation JSON: structure (always runs)', () => {
  it('is an AnnotationCollection with one embedded AnnotationPage', () => {
    expect(collection).toMatchObject({
      '@context': ANNO_CONTEXT,
      type: 'AnnotationCollection',
      label: 'ملاحظات',
      total: 5,
      generated: '2024-07-01T00:00:00.000Z',
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    expect(collection.id).toMatch(IRI);
    expect(items.map((i) => i.id)).toEqual([
      'urn:warraq:article-tags:a1',
      ...['n3', 'n1', 'n2', 'n4'].map((id) => `urn:warraq:annotation:${id}`),
    ]);
  });

  it('gives every annotation an IRI id, a type, a target and ISO times', () => {
    for (const a of items) {
      expect(a.id).toMatch(IRI);
      expect(a.type).toBe('Annotation');
      expect(a.target).toBeTruthy();
      expect(new Date(a.created).toISOString()).toBe(a.created);
      expect(new Date(a.modified).toISOString()).toBe(a.modified);
    }
  });

  it('targets the article URL with a quote then a position selector, colour as a style class', () => {
    const n2 = byId('n2');
    expect(n2.target.source.id).toBe('https://example.org/news/2019/05/12/beirut');
    expect(n2.target.selector.map((s: any) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(n2.target.selector[0].exact).toBe('عدد القتلى بلغ 52 شخصاً');
    expect(n2.target.styleClass).toBe('warraq-pink');
    expect(n2.stylesheet?.value).toContain('.warraq-pink');
    expect(n2.modified).toBe(new Date(ANNOTATIONS[0]!.updatedAt).toISOString());
  });

  it('has a commenting body with detected language and a tagging body per tag', () => {
    expect(byId('n2').body).toEqual([
      {
        type: 'TextualBody',
        value: ANNOTATIONS[0]!.note,
        purpose: 'commenting',
        format: 'text/plain',
        language: 'ar',
        textDirection: 'rtl',
      },
      {
        type: 'TextualBody',
        value: 'أرقام',
        purpose: 'tagging',
        format: 'text/plain',
        language: 'ar',
        textDirection: 'rtl',
      },
      {
        type: 'TextualBody',
        value: 'SOHR',
        purpose: 'tagging',
        format: 'text/plain',
        language: 'en',
        textDirection: 'ltr',
      },
    ]);
    expect(byId('n2').motivation).toEqual(['highlighting', 'commenting', 'tagging']);
    expect(byId('n4').body).toBeUndefined();
    expect(byId('n4').motivation).toBe('highlighting');
  });

  it('carries the article metadata on the source; a whole-article note targets the article itself', () => {
    expect(byId('n4').target.source).toMatchObject({
      id: 'https://example.com/hrw?id=7&lang=ar',
      type: 'Text',
      'dcterms:identifier': 'urn:warraq:article:a2',
      'dcterms:title': ARTICLES[1]!.title,
      'dcterms:publisher': 'BBC عربي',
      'dcterms:creator': 'قسم المتابعة - BBC Monitoring',
      'dcterms:issued': '2020-03-01T10:00:00Z',
      'dcterms:dateSubmitted': '2024-01-15T00:00:00.000Z',
    });
    expect(byId('n3').target).toMatchObject({ id: 'https://example.org/news/2019/05/12/beirut', type: 'Text' });
    expect(byId('n3').motivation).toBe('commenting');
  });

  it('serialises to JSON that parses back to the same object', () => {
    const text = toWebAnnotationJson({ articles: ARTICLES, annotations: ANNOTATIONS }, { generated: GENERATED });
    expect(JSON.parse(text)).toEqual(
      toWebAnnotations({ articles: ARTICLES, annotations: ANNOTATIONS }, { generated: GENERATED }),
    );
  });
});

const w3c = loadW3c();
if (!w3c) console.log(`SKIP W3C Web Annotation schema checks: ${W3C_DIR} not found`);

describe.skipIf(!w3c)('Web Annotation JSON: W3C model tests (../shared)', () => {
  it('the collection meets every MUST of collections/collectionMusts.test', () => {
    expect(w3c!.count('collections/collectionMusts.test')).toBeGreaterThan(5);
    expect(w3c!.check('collections/collectionMusts.test', collection)).toEqual([]);
  });

  it('every annotation, with the inherited @context, meets every MUST of annotations/annotationMusts.test', () => {
    expect(w3c!.count('annotations/annotationMusts.test')).toBeGreaterThan(40);
    for (const item of items) {
      expect({
        id: item.id,
        failures: w3c!.check('annotations/annotationMusts.test', { '@context': ANNO_CONTEXT, ...item }),
      }).toEqual({ id: item.id, failures: [] });
    }
  });

  it('the checker does reject broken annotations (no target, bad date, quote selector without exact)', () => {
    const broken = { '@context': ANNO_CONTEXT, id: 'urn:warraq:annotation:x', type: 'Annotation', created: 'أمس' };
    const failed = w3c!.check('annotations/annotationMusts.test', broken).map((f) => f.assertion);
    expect(failed).toContain('annotations/3.1-targetKeyFound.json');
    expect(failed).toContain('annotations/3.3.1-annotationCreatedValidated.json');
    const n2 = byId('n2');
    const badSelector = {
      '@context': ANNO_CONTEXT,
      ...n2,
      target: { ...n2.target, selector: [{ type: 'TextQuoteSelector', prefix: 'قبل' }] },
    };
    expect(w3c!.check('annotations/annotationMusts.test', badSelector).map((f) => f.assertion)).toContain(
      'annotations/specificResource/4.2.4-textQuoteSelectorValid.json',
    );
  });
});
