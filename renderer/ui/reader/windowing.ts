/**
 * Pure helpers for the reader's windowed rendering (issue 13): an article of any size is painted as
 * display blocks (a paragraph, or a piece of at most BLOCK_CHARS of a longer one, cut at a space), and
 * only a window of blocks around what is on screen is in the DOM; the rest is two spacers whose heights
 * are estimated from the blocks' lengths (prefix sums, scaled so the scroll height stays within what a
 * browser can lay out). Short articles are one window holding every block, exactly as before.
 */
import type { TextRange } from '../../core/model';

/** Longest display block, in UTF-16 code units; longer paragraphs are cut at a space near this. */
export const BLOCK_CHARS = 2000;
/** Up to these sizes the whole article is rendered at once. */
export const WHOLE_CHARS = 150_000;
export const WHOLE_BLOCKS = 400;
/** Window budget around the anchor block: before / after it. */
const BACK = { chars: 24_000, blocks: 80 };
const FORWARD = { chars: 48_000, blocks: 160 };
/** Tallest estimated scroll height, in CSS px (Chromium lays out up to about 16.7M px reliably). */
export const MAX_SCROLL_PX = 8_000_000;

export interface Blocks {
  count: number;
  start: Uint32Array;
  end: Uint32Array;
  /** Paragraph index (0-based) of each block. */
  para: Uint32Array;
  /** True for the first block of its paragraph. */
  first: Uint8Array;
  /** Total characters of all blocks. */
  chars: number;
}

export interface Window {
  from: number;
  to: number;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;

/** Display blocks of `paragraphs` in `text`, iteratively (no recursion, no per-character strings). */
export function buildBlocks(text: string, paragraphs: readonly TextRange[]): Blocks {
  const steps = blockSteps(text, paragraphs, Infinity);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `buildBlocks` in slices: pauses (yields) after about `step` paragraphs or blocks, so a caller can give
 * the page back between slices (a million paragraphs is otherwise one long task); returns the blocks.
 */
export function* blockSteps(
  text: string,
  paragraphs: readonly TextRange[],
  step: number,
): Generator<void, Blocks, void> {
  let n = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    n += Math.max(1, Math.ceil((p.end - p.start) / (BLOCK_CHARS / 2)));
    if ((i + 1) % step === 0) yield;
  }
  const start = new Uint32Array(n);
  const end = new Uint32Array(n);
  const para = new Uint32Array(n);
  const first = new Uint8Array(n);
  let count = 0;
  let chars = 0;
  let work = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    let pos = p.start;
    do {
      let cut = Math.min(p.end, pos + BLOCK_CHARS);
      if (cut < p.end) {
        let s = cut;
        while (s > pos + BLOCK_CHARS / 2 && !isSpace(text.charCodeAt(s - 1))) s--;
        if (s > pos + BLOCK_CHARS / 2) cut = s;
        else if ((text.charCodeAt(cut - 1) & 0xfc00) === 0xd800) cut--; // keep a surrogate pair whole
      }
      start[count] = pos;
      end[count] = cut;
      para[count] = i;
      first[count] = pos === p.start ? 1 : 0;
      chars += cut - pos;
      count++;
      pos = cut;
      if (++work >= step) {
        work = 0;
        yield;
      }
    } while (pos < p.end);
  }
  return { count, start, end, para, first, chars };
}

/** Whether the whole article is rendered at once (no windowing). */
export function isWhole(b: Blocks): boolean {
  return b.count <= WHOLE_BLOCKS && b.chars <= WHOLE_CHARS;
}

/** Estimated heights: prefix sums (length count + 1) in px, already scaled to MAX_SCROLL_PX. */
export function estimateHeights(b: Blocks, fontPx: number, leading: number, widthCh: number): Float64Array {
  const steps = heightSteps(b, fontPx, leading, widthCh, Infinity);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** `estimateHeights` in slices: pauses (yields) after about `step` blocks; returns the prefix sums. */
export function* heightSteps(
  b: Blocks,
  fontPx: number,
  leading: number,
  widthCh: number,
  step: number,
): Generator<void, Float64Array, void> {
  const line = fontPx * leading;
  const perLine = Math.max(10, widthCh * 1.15);
  const gap = fontPx * 0.9;
  const prefix = new Float64Array(b.count + 1);
  for (let i = 0; i < b.count; i++) {
    const lines = Math.max(1, Math.ceil((b.end[i]! - b.start[i]!) / perLine));
    const nextFirst = i + 1 >= b.count || b.first[i + 1] === 1;
    prefix[i + 1] = prefix[i]! + lines * line + (nextFirst ? gap : 0);
    if ((i + 1) % step === 0) yield;
  }
  const total = prefix[b.count]!;
  if (total > MAX_SCROLL_PX) {
    const k = MAX_SCROLL_PX / total;
    for (let i = 0; i <= b.count; i++) {
      prefix[i]! *= k;
      if ((i + 1) % step === 0) yield;
    }
  }
  return prefix;
}

/** The block whose estimated extent holds `y` (px from the body's start). */
export function blockAtHeight(prefix: Float64Array, y: number): number {
  const count = prefix.length - 1;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (prefix[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, Math.min(count - 1, lo));
}

/** The block holding text offset `offset` (the last block starting at or before it). */
export function blockAtOffset(b: Blocks, offset: number): number {
  let lo = 0;
  let hi = b.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (b.start[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** The first block of paragraph `index` (0-based). */
export function blockOfParagraph(b: Blocks, index: number): number {
  let lo = 0;
  let hi = b.count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b.para[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The window of blocks to render around `anchor`; every block when the article is small. */
export function windowAround(b: Blocks, anchor: number): Window {
  if (isWhole(b)) return { from: 0, to: b.count };
  const a = Math.max(0, Math.min(b.count - 1, anchor));
  let from = a;
  let chars = 0;
  while (from > 0 && chars < BACK.chars && a - from < BACK.blocks) {
    from--;
    chars += b.end[from]! - b.start[from]!;
  }
  let to = a;
  chars = 0;
  while (to < b.count && chars < FORWARD.chars && to - a < FORWARD.blocks) {
    chars += b.end[to]! - b.start[to]!;
    to++;
  }
  return { from, to: Math.max(to, a + 1) };
}
