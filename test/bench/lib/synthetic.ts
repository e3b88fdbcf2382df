/**
 * Synthetic archives for the scale bench, deterministic for a seed (mulberry32):
 * - article i takes the title (and outlet) of one real article and 2–8 paragraphs drawn from other
 *   real articles, so the real vocabulary, word frequencies and article lengths are kept; dates are
 *   spread evenly over one year (2025), newest last, as a feed-fed archive grows;
 * - unseen words arrive as a growing archive's would: Heaps' law V = K·T^β is fitted on the real
 *   corpus (distinct words at half and all of its tokens), and whenever the synthetic archive's
 *   token count T calls for more words than the real vocabulary holds, fresh pseudo-Arabic words
 *   (unique, 5–10 letters) are inserted into the article being made, each used once or twice.
 */
import type { CorpusRecord } from './corpus';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';

/** Heaps' law fitted on the corpus: distinct whitespace-separated words at half and all tokens. */
export function fitHeaps(real: readonly CorpusRecord[]): {
  k: number;
  beta: number;
  tokens: number;
  vocabulary: number;
} {
  const seen = new Set<string>();
  let tokens = 0;
  let half = { t: 0, v: 0 };
  const total = real.reduce((n, r) => n + r.content.split(/\s+/).length, 0);
  for (const r of real) {
    for (const w of r.content.split(/\s+/)) {
      if (w) seen.add(w);
      tokens++;
      if (!half.t && tokens >= total / 2) half = { t: tokens, v: seen.size };
    }
  }
  const beta = Math.log(seen.size / half.v) / Math.log(tokens / half.t);
  return { k: seen.size / tokens ** beta, beta, tokens, vocabulary: seen.size };
}

/** `n` synthetic records mixed from `real` (see the file comment). */
export function* syntheticRecords(real: readonly CorpusRecord[], n: number, seed = 2026): Generator<CorpusRecord> {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const paragraphs = real.flatMap((r) => r.content.split('\n').filter((p) => p.trim().length > 40));
  const heaps = fitHeaps(real);
  let tokens = 0;
  let fresh = 0;
  const freshWord = (): string => {
    let w = '';
    for (let x = fresh++; ; x = Math.floor(x / LETTERS.length)) {
      w += LETTERS[x % LETTERS.length];
      if (x < LETTERS.length) break;
    }
    while (w.length < 5 + Math.floor(rnd() * 6)) w = LETTERS[Math.floor(rnd() * LETTERS.length)] + w;
    return w;
  };
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < n; i++) {
    const head = pick(real);
    const paras = Array.from({ length: 2 + Math.floor(rnd() * 7) }, () => pick(paragraphs));
    const words = paras.reduce((s, p) => s + p.split(/\s+/).length, 0);
    tokens += words;
    const wanted = Math.max(0, heaps.k * tokens ** heaps.beta - heaps.vocabulary);
    while (fresh < wanted) {
      const w = freshWord();
      for (let uses = 1 + Math.floor(rnd() * 2); uses > 0; uses--) {
        const k = Math.floor(rnd() * paras.length);
        const parts = paras[k]!.split(' ');
        parts.splice(Math.floor(rnd() * parts.length), 0, w);
        paras[k] = parts.join(' ');
      }
    }
    const day = new Date(start + Math.floor((i * 365) / n) * 86_400_000).toISOString().slice(0, 10);
    yield {
      source: head.source,
      url: `https://example.org/synthetic/${seed}/${i}`,
      date_extracted: `${day} 08:00:00`,
      title: head.title,
      author: '',
      content: paras.join('\n'),
    };
  }
}
