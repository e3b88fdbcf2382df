import { describe, expect, it } from 'vitest';
import { buildSegment, F, SEQ_BREAK, type BuiltSegment } from '../../../../renderer/core/search/segment';
import { analyze, createArabicPipeline } from '../../../../renderer/core/search/pipeline';
import { foldText } from '../../../../renderer/core/arabic/normalize';
import { scanTokens } from '../../../../renderer/core/arabic/tokenize';
import { FIXTURE_DOCS } from '../../../fixtures/search/articles';
import {
  Shared,
  Spellings,
  Vocab,
  releaseSharedAnalysis,
  sharedAnalysis,
} from '../../../../renderer/core/search/spellings';
import type { SearchDoc } from '../../../../renderer/core/search/api';

/**
 * The plain definition of a built segment (a Map per word, the pipeline run on every token),
 * which buildSegment's hash tables, flat postings and cross-segment memo must reproduce exactly.
 */
function reference(docs: readonly SearchDoc[]): Record<string, unknown> {
  const pipeline = createArabicPipeline();
  const postings = new Map<string, Array<Array<[number, number]>>>();
  const fieldLen: number[] = [];
  const seq: string[][] = [];
  docs.forEach((doc, d) => {
    const body = doc.paragraphs.length
      ? doc.paragraphs.map((p) => doc.text.slice(p.start, p.end)).join('\n')
      : doc.text;
    const words: string[] = [];
    [doc.title, body].forEach((raw, f) => {
      if (f > 0) words.push('|');
      const text = foldText(raw, { strict: true });
      const b = scanTokens(text);
      const tf = new Map<string, number>();
      let length = 0;
      for (let i = 0; i < b.length; i += 2) {
        const strict = text.slice(b[i], b[i + 1]);
        words.push(`${strict}/${foldText(strict)}`);
        for (const t of analyze(strict, pipeline)) {
          tf.set(t, (tf.get(t) ?? 0) + 1);
          length++;
        }
      }
      fieldLen.push(length);
      for (const [t, n] of tf) {
        if (!postings.has(t)) postings.set(t, [[], []]);
        postings.get(t)![f]!.push([d, Math.min(n, 255)]);
      }
    });
    seq.push(words);
  });
  const terms = [...postings.keys()].sort();
  return { terms, postings: terms.map((t) => postings.get(t)), fieldLen, seq };
}

function described(s: BuiltSegment): Record<string, unknown> {
  const terms = Array.from({ length: s.terms.length }, (_, t) => s.terms.get(t));
  const postings = terms.map((_, t) =>
    [0, 1].map((f) => {
      const out: Array<[number, number]> = [];
      for (let k = s.fieldStart[t * F + f]!; k < s.fieldStart[t * F + f + 1]!; k++)
        out.push([s.postDocs[k]!, s.postTfs[k]!]);
      return out;
    }),
  );
  const seq = s.ids.map((_, d) =>
    Array.from(s.seq.subarray(s.seqStart[d]!, s.seqStart[d + 1]!), (v) =>
      v === SEQ_BREAK ? '|' : `${s.seqVocab.get(v)}/${s.foldVocab.get(s.seqFold[v]!)}`,
    ),
  );
  return { terms, postings, fieldLen: Array.from(s.fieldLen), seq };
}

/** Many distinct words (the spelling and term tables grow and rehash several times). */
function manyWordDocs(n: number): SearchDoc[] {
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآؤئ';
  let x = 12345;
  const rnd = (k: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x % k;
  };
  const word = (): string =>
    rnd(5) === 0
      ? ['في', 'من', 'الرياض', 'والمملكة', '34,502', 'وزارة'][rnd(6)]!
      : Array.from({ length: 3 + rnd(6) }, () => letters[rnd(letters.length)]).join('');
  return Array.from({ length: n }, (_, i) => {
    const title = Array.from({ length: 4 }, word).join(' ');
    const body = Array.from({ length: 60 + rnd(300) }, () => (rnd(7) === 0 ? word() + word() : word())).join(' ');
    return { id: `d${i}`, title, outlet: 'x', text: body, paragraphs: [] };
  });
}

describe('buildSegment', () => {
  it('matches the plain definition on the fixture articles', () => {
    expect(described(buildSegment(FIXTURE_DOCS))).toEqual(reference(FIXTURE_DOCS));
  });

  it('matches it with tens of thousands of spellings, and again when the memo already knows them', () => {
    const docs = manyWordDocs(600);
    const expected = reference(docs);
    expect(described(buildSegment(docs))).toEqual(expected);
    expect(described(buildSegment(docs))).toEqual(expected);
    expect((expected.terms as string[]).length).toBeGreaterThan(40_000);
  });

  it('tells apart spellings whose hashes collide', () => {
    const sp = new Spellings(new Shared());
    const text = 'هغدع قجبف هغدع';
    expect([sp.id(text, 0, 4), sp.id(text, 5, 9), sp.id(text, 10, 14)]).toEqual([0, 1, 0]);
    expect(sp.list).toEqual(['هغدع', 'قجبف']);
  });

  it('keeps a shared vocabulary ranked in code-unit order as words arrive between updates', () => {
    const v = new Vocab();
    const all: string[] = [];
    for (const batch of [['ب', 'ا', 'ت'], ['اب', 'ت', 'آ', 'ي'], [], ['~ا', 'a', 'بب', 'ا']]) {
      for (const w of batch) {
        v.num(w);
        if (!all.includes(w)) all.push(w);
      }
      v.update();
      const sorted = [...all].sort();
      expect(Array.from(v.sorted, (n) => v.words[n])).toEqual(sorted);
      all.forEach((w, n) => expect(v.rank[n]).toBe(sorted.indexOf(w)));
    }
  });

  it('shares the analysis between segments until released', () => {
    const a = sharedAnalysis();
    expect(sharedAnalysis()).toBe(a);
    releaseSharedAnalysis();
    expect(sharedAnalysis()).not.toBe(a);
  });
});
