/**
 * The reader's DOM selection → offsets in the article's stored text. Paragraphs are
 * `<p data-start=OFFSET>` whose text content is exactly `text.slice(start, end)` (marks included, Lit's
 * comment markers add no text), so an offset is the paragraph's start plus the length of the text
 * between the paragraph's start and the boundary.
 */
import type { TextRange } from '../../core/model';

type BoundaryRange = Pick<AbstractRange, 'startContainer' | 'startOffset' | 'endContainer' | 'endOffset' | 'collapsed'>;

/**
 * The selection inside `root` as a live Range, or undefined when nothing (or nothing inside `root`)
 * is selected. Chromium gives shadow-tree ranges through `shadowRoot.getSelection()`; newer engines
 * through `Selection.getComposedRanges`.
 */
export function selectedRange(root: ShadowRoot): Range | undefined {
  const own = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
  const sel = own ?? document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return undefined;
  let r: BoundaryRange = sel.getRangeAt(0);
  const composed = (sel as Selection & { getComposedRanges?: (o: { shadowRoots: ShadowRoot[] }) => StaticRange[] })
    .getComposedRanges;
  if (!own && composed) r = composed.call(sel, { shadowRoots: [root] })[0] ?? r;
  if (r.collapsed || !root.contains(r.startContainer) || !root.contains(r.endContainer)) return undefined;
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live;
}

/**
 * Maps `range` to `[start, end)` in the stored text, using the paragraphs under `body`. A boundary
 * outside any paragraph (in the title, between paragraphs) snaps inward to the nearest paragraph
 * edge. Returns undefined when the range covers no paragraph text.
 */
export function rangeToOffsets(body: Element, range: BoundaryRange): TextRange | undefined {
  const paras = [...body.querySelectorAll<HTMLElement>('p[data-start]')];
  const start = boundary(paras, range.startContainer, range.startOffset, 'start');
  const end = boundary(paras, range.endContainer, range.endOffset, 'end');
  if (start === undefined || end === undefined || end <= start) return undefined;
  return { start, end };
}

function boundary(paras: HTMLElement[], node: Node, offset: number, side: 'start' | 'end'): number | undefined {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const p = el?.closest<HTMLElement>('p[data-start]');
  if (p && paras.includes(p)) {
    const r = document.createRange();
    r.setStart(p, 0);
    r.setEnd(node, offset);
    return Number(p.dataset.start) + r.toString().length;
  }
  const point = document.createRange();
  point.setStart(node, offset);
  // comparePoint: -1 when (p, 0) is before the point, 1 when after.
  if (side === 'start') {
    const next = paras.find((q) => point.comparePoint(q, 0) >= 0);
    return next ? Number(next.dataset.start) : undefined;
  }
  const prev = [...paras].reverse().find((q) => point.comparePoint(q, q.childNodes.length) <= 0);
  return prev ? Number(prev.dataset.start) + (prev.textContent?.length ?? 0) : undefined;
}
