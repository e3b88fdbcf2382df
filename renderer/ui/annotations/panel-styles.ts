/** Styles of the annotations panel; logical properties only. */
import { css } from 'lit';

export const panelStyles = css`
  :host { display: block; flex: 0 0 22rem; inline-size: 22rem; overflow-y: auto; border-inline-start: 1px solid var(--border); background: var(--bg); font-size: 0.95rem; }
  aside { padding-block: 12px 40vh; padding-inline: 14px; }
  h2 { font-size: 1.05rem; margin-block: 0 10px; }
  h3 { font-size: 0.95rem; margin-block: 12px 6px; color: var(--fg-muted); }
  .list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
  .item { border: 1px solid var(--border); border-radius: var(--radius-md); padding-block: 6px 4px; padding-inline: 8px; background: var(--bg-elev); }
  .item.hl { border-inline-start: 4px solid var(--swatch, var(--hl-yellow)); }
  .item.bm { border-inline-start: 4px solid var(--accent); }
  .quote { display: block; inline-size: 100%; text-align: start; background: transparent; border: none; padding: 0; font-family: var(--font-reading); line-height: 1.6; min-block-size: 0; unicode-bidi: plaintext; }
  .quote:hover { text-decoration: underline; }
  .where { font-size: 0.8em; }
  .note { white-space: pre-wrap; margin-block: 6px 0; unicode-bidi: plaintext; }
  .label { margin: 4px 0 0; font-size: 0.85em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .tags { list-style: none; display: flex; flex-wrap: wrap; gap: 4px; padding: 0; margin-block: 6px 0; }
  .tags li { font-size: 0.8em; padding-inline: 8px; border-radius: 10px; background: var(--bg); border: 1px solid var(--border); }
  /* Compact: a card's colours and actions appear while it is hovered or holds focus (and always on touch screens). */
  .actions { display: flex; align-items: center; gap: 2px; margin-block-start: 2px; flex-wrap: wrap; opacity: 0; transition: opacity var(--duration) var(--ease); }
  .item:hover .actions, .item:focus-within .actions { opacity: 1; }
  @media (hover: none) { .actions { opacity: 1; } }
  .actions button { min-block-size: 28px; padding-inline: 6px; }
  .actions button.icon-btn { inline-size: 28px; padding: 0; }
  .actions button.swatch { inline-size: 26px; min-inline-size: 26px; padding: 0; }
  .swatch span { display: block; inline-size: 16px; block-size: 16px; margin: auto; border-radius: 50%; border: 1px solid var(--border); }
  .swatch[aria-pressed='true'] { background: var(--bg); outline: 2px solid var(--accent); }
  .spacer { flex: 1; }
  .article-notes { margin-block-end: 12px; display: flex; flex-direction: column; gap: 6px; }
  .tagfield { display: flex; flex-direction: column; gap: 2px; font-size: 0.85em; color: var(--fg-muted); }
  .tagfield input { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 6px; padding: 4px 6px; }
  blockquote { margin: 0; font-family: var(--font-reading); border-inline-start: 3px solid var(--border); padding-inline-start: 8px; }
  .empty { font-size: 0.9em; }
  /* Below ~1000px the text column needs the room: the panel narrows to 16rem. */
  @media (max-width: 1000px) { :host { flex-basis: 16rem; inline-size: 16rem; } }
`;
