/**
 * Word-level comparison of two editions' texts, for the reader's comparison view.
 *
 * Words are compared after the search folding (renderer/core/arabic/normalize.ts: hamza forms, ى/ي,
 * ة/ه, Farsi ی/ک, tashkeel, tatweel, both digit systems), and a number's thousands separators are
 * ignored, so `١٬٣٠٠`, `1,300` and `1300` are one word and a respelling is not a change. With
 * `spelling: true`, words that fold alike but are written differently are reported as `spelling` parts.
 * Numbers that replace one another inside one changed passage are called out as figure changes
 * (1,300 → 1,200). Offsets are into the original (stored) texts, so the view shows them as printed.
 */
import { tokenize, isNumberToken, numberWithoutSeparators, type WordToken } from '../arabic/tokenize';
import { foldText } from '../arabic/normalize';
import type { TextRange } from '../model';
import { alignTokens } from './diff-align';

export type DiffPartKind = 'same' | 'removed' | 'added' | 'spelling';

export interface DiffPart {
  kind: DiffPartKind;
  /** The text shown: from `b` for same/added/spelling, from `a` for removed. */
  text: string;
  /** Offsets of `text` in `a` (removed) or `b` (the others). */
  start: number;
  end: number;
  /** Spelling parts: how `a` wrote the word. */
  was?: string;
  /** A number that another number replaced (removed) or that replaced one (added). */
  figure?: boolean;
}

export interface FigureChange {
  /** As printed in `a` and `b`. */
  from: string;
  to: string;
  a: TextRange;
  b: TextRange;
}

export interface EditionDiff {
  /** The comparison in `b`'s reading order: `b`'s text with `a`'s removed passages in place. */
  parts: DiffPart[];
  figures: FigureChange[];
  /** Word counts. */
  same: number;
  added: number;
  removed: number;
  spelling: number;
  /** False when a passage was too different to align word by word and is shown replaced wholesale. */
  complete: boolean;
}

export interface DiffOptions {
  /** Also report words that fold alike but are spelled differently (unfolded comparison). */
  spelling?: boolean;
}

/** A changed passage longer than this on either side is not searched for replaced figures. */
const FIGURE_HUNK_WORDS = 40;

/** Compares `a` (the earlier or chosen edition) with `b`; never throws. */
export function diffTexts(a: string, b: string, options: DiffOptions = {}): EditionDiff {
  const ta = tokenize(a);
  const tb = tokenize(b);
  const ids = new Map<string, number>();
  const idOf = (t: WordToken): number => {
    const key = numberWithoutSeparators(t.text) ?? t.text;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  const ia = Int32Array.from(ta, idOf);
  const ib = Int32Array.from(tb, idOf);
  const { pairs, complete } = alignTokens(ia, ib);
  const out = new Builder(a, b, ta, tb, options.spelling === true);
  let i = 0;
  let j = 0;
  for (let k = 0; k < pairs.length; k += 2) {
    out.hunk(i, pairs[k]!, j, pairs[k + 1]!);
    out.match(pairs[k]!, pairs[k + 1]!);
    i = pairs[k]! + 1;
    j = pairs[k + 1]! + 1;
  }
  out.hunk(i, ta.length, j, tb.length);
  out.sameUpTo(b.length);
  return { ...out.result(), complete };
}

class Builder {
  private readonly parts: DiffPart[] = [];
  private readonly figures: FigureChange[] = [];
  private pos = 0; // how far `b` has been emitted
  private counts = { same: 0, added: 0, removed: 0, spelling: 0 };

  constructor(
    private readonly a: string,
    private readonly b: string,
    private readonly ta: WordToken[],
    private readonly tb: WordToken[],
    private readonly spelling: boolean,
  ) {}

  result(): Omit<EditionDiff, 'complete'> {
    return { parts: this.parts, figures: this.figures, ...this.counts };
  }

  /** `b`'s text up to `end` as unchanged (spaces, punctuation, matched words). */
  sameUpTo(end: number): void {
    if (end > this.pos) this.push('same', this.b, this.pos, end);
    this.pos = Math.max(this.pos, end);
  }

  match(i: number, j: number): void {
    const x = this.ta[i]!;
    const y = this.tb[j]!;
    this.counts.same++;
    const was = this.a.slice(x.start, x.end);
    if (this.spelling && foldText(was, { strict: true }) !== foldText(this.b.slice(y.start, y.end), { strict: true })) {
      this.sameUpTo(y.start);
      this.counts.spelling++;
      this.parts.push({ kind: 'spelling', text: this.b.slice(y.start, y.end), start: y.start, end: y.end, was });
      this.pos = y.end;
    } else this.sameUpTo(y.end);
  }

  /** Words a[i0, i1) removed and b[j0, j1) added between two matches. */
  hunk(i0: number, i1: number, j0: number, j1: number): void {
    if (i0 >= i1 && j0 >= j1) return;
    const figA: number[] = [];
    const figB: number[] = [];
    if (i1 - i0 <= FIGURE_HUNK_WORDS && j1 - j0 <= FIGURE_HUNK_WORDS) {
      for (let i = i0; i < i1; i++) if (isNumberToken(this.ta[i]!.text)) figA.push(i);
      for (let j = j0; j < j1; j++) if (isNumberToken(this.tb[j]!.text)) figB.push(j);
      const n = Math.min(figA.length, figB.length);
      figA.length = n;
      figB.length = n;
      for (let k = 0; k < n; k++) {
        const x = this.ta[figA[k]!]!;
        const y = this.tb[figB[k]!]!;
        this.figures.push({
          from: this.a.slice(x.start, x.end),
          to: this.b.slice(y.start, y.end),
          a: { start: x.start, end: x.end },
          b: { start: y.start, end: y.end },
        });
      }
    }
    // Removed words stand where the added ones begin (or before the next matched word).
    const at = j0 < j1 ? this.tb[j0]!.start : j1 < this.tb.length ? this.tb[j1]!.start : this.b.length;
    this.sameUpTo(at);
    if (i0 < i1) {
      this.counts.removed += i1 - i0;
      this.run('removed', this.a, this.ta, i0, i1, new Set(figA), this.paragraphBreak(i0, at));
    }
    if (j0 < j1) {
      this.counts.added += j1 - j0;
      this.run('added', this.b, this.tb, j0, j1, new Set(figB));
      this.pos = this.tb[j1 - 1]!.end;
    }
  }

  /**
   * Where a removed passage should start in `a`: at the line break before it when it opens a paragraph
   * of `a` but would stand inside a line of `b` (a dropped paragraph stays a paragraph), else at its word.
   */
  private paragraphBreak(i0: number, at: number): number | undefined {
    const start = this.ta[i0]!.start;
    const gapA = this.a.slice(i0 > 0 ? this.ta[i0 - 1]!.end : 0, start);
    const nl = gapA.indexOf('\n');
    const before = this.b.slice(Math.max(0, at - 2), at);
    return nl >= 0 && at > 0 && !before.includes('\n') ? start - (gapA.length - nl) : undefined;
  }

  /** Tokens [s, e) of one side as one passage (from `begin` if given), split around figure tokens. */
  private run(
    kind: 'removed' | 'added',
    text: string,
    tokens: WordToken[],
    s: number,
    e: number,
    figures: Set<number>,
    begin?: number,
  ): void {
    let from = begin ?? tokens[s]!.start;
    for (let k = s; k < e; k++) {
      if (!figures.has(k)) continue;
      const t = tokens[k]!;
      if (t.start > from) this.push(kind, text, from, t.start);
      this.parts.push({ kind, text: text.slice(t.start, t.end), start: t.start, end: t.end, figure: true });
      from = t.end;
    }
    const end = tokens[e - 1]!.end;
    if (end > from) this.push(kind, text, from, end);
  }

  private push(kind: DiffPartKind, text: string, start: number, end: number): void {
    const last = this.parts[this.parts.length - 1];
    if (last && last.kind === kind && !last.figure && kind !== 'spelling' && last.end === start) {
      last.text += text.slice(start, end);
      last.end = end;
      return;
    }
    this.parts.push({ kind, text: text.slice(start, end), start, end });
  }
}
