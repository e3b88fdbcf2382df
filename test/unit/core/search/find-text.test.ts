import { describe, expect, it } from 'vitest';
import { findAll, findSteps } from '../../../../renderer/core/search/find-text';

/** A deterministic pseudo-random article: words with tashkeel, clitics, numbers, phrases, breaks. */
function article(words: number, seed: number): string {
  const vocab = [
    'المدرس',
    'المُدَرِّسُ',
    'بالتحالف',
    'والتحالف',
    'المعرض',
    'الدولي',
    '٣٤٬٥٠٢',
    '2015.5',
    'هدنة',
    'مستودعات',
    'كتاب',
  ];
  const seps = [' ', ' ', ' ', '\n\n', '، ', '\n'];
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) & 0x7fffffff);
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(vocab[next() % vocab.length]!, seps[next() % seps.length]!);
  return out.join('');
}

describe('findAll over chunks', () => {
  const queries = ['المدرس', 'التحالف', '"المعرض الدولي"', 'مستود*', '34502', 'المدرس هدنة', '"الدولي هدنة"'];

  it('finds exactly what one whole scan finds, whatever the chunk size', () => {
    for (const seed of [1, 2, 3]) {
      const text = article(800, seed);
      for (const q of queries) {
        const whole = findAll(text, q, { chunk: text.length + 1 });
        expect(whole.length, q).toBeGreaterThan(0);
        for (const chunk of [1, 7, 50, 333]) expect(findAll(text, q, { chunk }), `${q} / ${chunk}`).toEqual(whole);
      }
    }
  });

  it('a phrase that crosses a chunk cut is one hit', () => {
    const text = `${'كلام '.repeat(20)}المعرض الدولي ${'كلام '.repeat(20)}`;
    const at = text.indexOf('المعرض');
    const hits = findAll(text, '"المعرض الدولي"', { chunk: at + 3 });
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['المعرض الدولي']);
  });

  it('steps report progress and end at the text length', () => {
    const text = article(400, 9);
    const out: { start: number; end: number }[] = [];
    const steps = [...findSteps(text, 'المدرس', out, { chunk: 200 })];
    expect(steps.length).toBeGreaterThan(3);
    expect(steps.at(-1)).toBe(text.length);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(out).toEqual(findAll(text, 'المدرس'));
  });

  it('a text without spaces is one chunk', () => {
    const text = 'المدرس'.repeat(3) + '،المدرس';
    expect(findAll(text, 'المدرس', { chunk: 2 }).map((h) => text.slice(h.start, h.end))).toEqual(['المدرس']);
  });
});
