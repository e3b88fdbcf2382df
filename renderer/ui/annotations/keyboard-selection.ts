/**
 * Keyboard selection in the reader. Chromium extends an existing text selection with Shift+arrows in
 * read-only text, but cannot start one from a caret (unless caret browsing, F7, is on). So when the
 * article has focus and no range is selected, Shift+arrow selects one character — after the caret, or
 * at the start of the first paragraph on screen — and every later press is the browser's own.
 */
const KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

type SelectionRoot = ShadowRoot & { getSelection?: () => Selection | null };

/** Starts a one-character selection for a Shift+arrow press; returns true when it did (then prevent the default). */
export function startKeyboardSelection(root: SelectionRoot, e: KeyboardEvent): boolean {
  if (!e.shiftKey || e.ctrlKey || e.metaKey || e.altKey || !KEYS.has(e.key)) return false;
  const article = root.querySelector('article');
  if (!article || root.activeElement !== article) return false;
  const sel = root.getSelection?.() ?? document.getSelection();
  if (!sel || sel.type === 'Range') return false;
  const at = caretText(root, sel, article);
  if (!at) return false;
  const { node, offset } = at;
  const p = node.parentElement?.closest('p');
  const rtl = p ? getComputedStyle(p).direction === 'rtl' : true;
  // Left reads forward in a right-to-left paragraph.
  const forward = (
    { ArrowDown: true, End: true, ArrowUp: false, Home: false, ArrowLeft: rtl, ArrowRight: !rtl } as Record<
      string,
      boolean
    >
  )[e.key]!;
  const len = node.data.length;
  if (len === 0) return false;
  const start = forward ? Math.min(offset, len - 1) : Math.max(0, offset - 1);
  document.getSelection()?.setBaseAndExtent(node, forward ? start : start + 1, node, forward ? start + 1 : start);
  return true;
}

/** The caret's text node and offset, or the first text of the first paragraph in view. */
function caretText(root: ShadowRoot, sel: Selection, article: HTMLElement): { node: Text; offset: number } | undefined {
  if (sel.type === 'Caret' && sel.anchorNode?.nodeType === Node.TEXT_NODE && root.contains(sel.anchorNode)) {
    return { node: sel.anchorNode as Text, offset: sel.anchorOffset };
  }
  const top = article.getBoundingClientRect().top;
  const p = [...root.querySelectorAll<HTMLElement>('p[data-start]')].find(
    (q) => q.getBoundingClientRect().bottom > top + 4,
  );
  const node = p ? document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() : null;
  return node ? { node: node as Text, offset: 0 } : undefined;
}
