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
