/** Styles of the library list (articles and story rows). Logical properties only. */
import { css } from 'lit';
import { iconMask } from '../common/icons';

export const libraryStyles = css`
  :host { display: flex; flex-direction: column; block-size: 100%; min-block-size: 0; }
  .top { position: relative; }
  header { padding-block: 12px; padding-inline: 20px; border-block-end: 1px solid var(--border); }
  h1 { font-size: 1.3rem; margin: 0; margin-inline-end: auto; }
  .grid { flex: 1; display: flex; flex-direction: column; min-block-size: 0; }
  /* The focus ring is drawn on the active row (below), not around the whole list. */
  .grid:focus, .grid:focus-visible { outline: none; }
  lit-virtualizer { flex: 1; min-block-size: 0; }
  .row {
    display: grid; grid-template-columns: 2rem minmax(0, 1fr) 11rem 9rem 6rem 2.5rem; align-items: center;
    gap: 10px; padding-inline: 12px 8px; block-size: 58px; box-sizing: border-box; inline-size: 100%;
    border-block-end: 1px solid var(--border); border-inline-start: 3px solid transparent;
    /* The heights (58 px, editions 40 px) are also library-view.ts's rowHeight: the list places rows
       by them without measuring. Change both together. */
    /* Each row is its own layout and paint root (its size is fixed): a row added while scrolling does
       not lay out or repaint the others (issue 18's scroll bench). */
    contain: strict;
  }
  .row:hover { background: color-mix(in srgb, var(--bg-elev) 70%, transparent); }
  .row.selected { background: color-mix(in srgb, var(--accent) 12%, var(--bg)); }
  .row.active { border-inline-start-color: var(--accent); }
  /* The active row carries the keyboard focus ring while the list has focus. */
  .grid:focus .row.active { outline: 3px solid var(--focus); outline-offset: -3px; }
  .head { font-weight: 700; color: var(--fg-muted); block-size: 40px; }
  .check { display: flex; justify-content: center; }
  .check input { inline-size: 16px; block-size: 16px; margin: 0; cursor: pointer; accent-color: var(--accent); }
  /* Explicit line heights: with the fonts' own (normal) ones a story row's title line and lead fill its
     58 px, and the active row's focus ring (3 px, inside the row) covered the lead's last pixels. */
  .title { min-inline-size: 0; display: flex; flex-direction: column; gap: 1px; line-height: 1.5; }
  .title .lead { line-height: 1.45; }
  /* A story's title cell: the expander beside the title, the lead under both. */
  .story .title { display: grid; grid-template-columns: auto minmax(0, 1fr); column-gap: 8px; row-gap: 1px; align-items: center; }
  .story .title .lead { grid-column: 1 / -1; }
  /* dir=auto on the clipping element itself: the ellipsis lands at the end of the title's own direction;
     the alignment follows the interface, so titles in both scripts line up at the column's start. */
  .t, .lead { display: block; min-inline-size: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
    text-align: right; unicode-bidi: isolate; }
  :host-context(html[dir='ltr']) .t, :host-context(html[dir='ltr']) .lead { text-align: left; }
  .t { color: inherit; text-decoration: none; font-weight: 600; }
  .t:hover { text-decoration: underline; }
  .lead { color: var(--fg-muted); font-size: 0.85rem; }
  .lead:empty { display: none; }
  .cell { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--fg-muted); }
  .act { display: flex; justify-content: center; }
  .row-action { display: inline-flex; align-items: center; justify-content: center; min-block-size: 30px; min-inline-size: 30px;
    padding: 0; border-color: transparent; background: transparent; color: var(--fg-muted); opacity: 0; }
  .row:hover .row-action, .row.active .row-action, .row-action:focus-visible { opacity: 1; }
  .row-action:hover { color: var(--danger); border-color: transparent; background: color-mix(in srgb, var(--danger) 12%, transparent); }
  .empty { padding: 40px; text-align: center; color: var(--fg-muted); }
  .empty button { margin-block-start: 12px; }
  /* Hangs below the toolbar over the list: showing or hiding it must not resize the list (a relayout of
     every row on screen). */
  .held {
    position: absolute; z-index: 2; inset-block-start: 100%; margin-block-start: 6px; inset-inline: 0; margin-inline: auto;
    inline-size: fit-content;
    display: flex; align-items: center; gap: 12px; padding-block: 6px; padding-inline: 16px 6px;
    background: var(--bg-elev); border: 1px solid var(--border); border-radius: var(--radius-full); box-shadow: var(--shadow-2);
  }
  .expander { display: inline-flex; align-items: center; justify-content: center; min-block-size: 24px; min-inline-size: 24px; padding: 0; flex: none; }
  .expander[aria-expanded='true'] { background: var(--accent); color: var(--accent-fg); }
  /* The rows' icons (Lucide, as icons.ts draws them elsewhere) are masks painted in the text colour:
     no element per icon in a row that is made at every scroll step. Chevrons point forward, so
     the closed one is mirrored in right-to-left text. */
  .expander::before, .row-action::before {
    content: ''; flex: none; inline-size: 1.25em; block-size: 1.25em; background-color: currentColor;
    mask: var(--row-icon) center / contain no-repeat; -webkit-mask: var(--row-icon) center / contain no-repeat;
  }
  .row-action { --row-icon: ${iconMask('delete')}; }
  .expander { --row-icon: ${iconMask('chevron-forward')}; }
  .expander[aria-expanded='true'] { --row-icon: ${iconMask('chevron-down')}; }
  .expander[aria-expanded='false']:dir(rtl)::before { transform: scaleX(-1); }
  .badge { display: inline-block; min-inline-size: 1.6em; text-align: center; border-radius: 999px; padding-inline: 6px;
    background: var(--accent); color: var(--accent-fg); font-weight: 700; font-size: 0.8rem; margin-inline-end: 6px; }
  .badge.one { background: var(--border); color: var(--fg); }
  .edition { block-size: 40px; font-size: 0.9rem; background: color-mix(in srgb, var(--bg-elev) 50%, transparent); }
  .edition .title { padding-inline-start: 32px; }
  .edition .t { font-weight: 400; }
  .edition.last { border-block-end-color: var(--fg-muted); }
`;
