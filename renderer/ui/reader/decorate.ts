/**
 * Pure helpers for painting a paragraph: split it into segments where decorations (search hits,
 * highlights) start and end, so overlapping decorations nest cleanly; and pick a paragraph's base
 * direction from its strong characters (an Arabic paragraph that opens with a Latin name stays RTL).
 */
import type { TextRange } from '../../core/model';

export interface Decoration extends TextRange {
  /** 'hit' for search hits, 'hl' for highlights; used as the CSS class. */
  kind: string;
  /** e.g. highlight colour. */
  variant?: string;
  /** e.g. annotation id, set as data-id. */
  id?: string;
  /** Marks the current search hit. */
  current?: boolean;
}

export interface Segment extends TextRange {
  decorations: Decoration[];
}

/** Segments covering [range.start, range.end), each with the decorations active over it. */
export function segment(range: TextRange, decorations: readonly Decoration[]): Segment[] {
  const inside = decorations.filter((d) => d.end > range.start && d.start < range.end && d.end > d.start);
  const cuts = new Set<number>([range.start, range.end]);
  for (const d of inside) {
    cuts.add(Math.max(range.start, d.start));
    cuts.add(Math.min(range.end, d.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    out.push({ start, end, decorations: inside.filter((d) => d.start <= start && d.end >= end) });
  }
  return out;
}

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g;
const LTR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/g;

/** 'rtl' when right-to-left letters are at least as many as left-to-right ones (digits are neutral). */
export function baseDirection(text: string): 'rtl' | 'ltr' {
  const r = text.match(RTL)?.length ?? 0;
  const l = text.match(LTR)?.length ?? 0;
  if (r === 0 && l === 0) return 'rtl';
  return r >= l ? 'rtl' : 'ltr';
}

/**
 * Decorations sorted once, for many `within` queries (one per rendered block): a binary search on
 * starts plus a running maximum of ends, so a block costs O(log n + its decorations), not O(n).
 */
export class DecorationIndex {
  private readonly sorted: Decoration[];
  private readonly maxEnd: number[];

  constructor(decorations: readonly Decoration[]) {
    this.sorted = decorations.filter((d) => d.end > d.start).sort((a, b) => a.start - b.start);
    let m = -Infinity;
    this.maxEnd = this.sorted.map((d) => (m = Math.max(m, d.end)));
  }

  /** The decorations overlapping `range`, in start order. */
  within(range: TextRange): Decoration[] {
    const s = this.sorted;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]!.start < range.end) lo = mid + 1;
      else hi = mid;
    }
    const out: Decoration[] = [];
    for (let i = lo - 1; i >= 0 && this.maxEnd[i]! > range.start; i--) if (s[i]!.end > range.start) out.push(s[i]!);
    return out.reverse();
  }
}
