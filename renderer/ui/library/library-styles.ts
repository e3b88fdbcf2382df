/** Styles of the library list (articles and story rows). Logical properties only. */
import { css } from 'lit';

export const libraryStyles = css`
  :host { display: flex; flex-direction: column; block-size: 100%; min-block-size: 0; }
  header { padding-block: 12px; padding-inline: 20px; border-block-end: 1px solid var(--border); }
  h1 { font-size: 1.3rem; margin: 0; margin-inline-end: auto; }
  .grid { flex: 1; display: flex; flex-direction: column; min-block-size: 0; }
  .grid:focus-visible { outline: 3px solid var(--focus); outline-offset: -3px; }
  lit-virtualizer { flex: 1; min-block-size: 0; }
  .row {
    display: grid; grid-template-columns: minmax(0, 1fr) 12rem 10rem 7rem 3rem; align-items: center;
    gap: 12px; padding-inline: 20px; block-size: 52px; box-sizing: border-box; inline-size: 100%;
    border-block-end: 1px solid var(--border);
  }
  .row[aria-selected='true'] { background: var(--bg-elev); border-inline-start: 4px solid var(--accent); padding-inline-start: 16px; }
  .head { font-weight: 700; color: var(--fg-muted); block-size: 40px; }
  .title { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .title a { color: inherit; text-decoration: none; font-weight: 600; }
  .title a:hover { text-decoration: underline; }
  .cell { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--fg-muted); }
  .del { min-block-size: 28px; padding-inline: 6px; }
  .empty { padding: 40px; text-align: center; color: var(--fg-muted); }
  /* Story rows: an expander before the title, an outlet-count badge before the outlet names. */
  .story .title { display: flex; align-items: center; gap: 8px; }
  .expander { min-block-size: 26px; min-inline-size: 26px; padding: 0; font-size: 0.8rem; line-height: 1; flex: none; }
  .expander[aria-expanded='true'] { background: var(--accent); color: var(--accent-fg); }
  .badge { display: inline-block; min-inline-size: 1.6em; text-align: center; border-radius: 999px; padding-inline: 6px;
    background: var(--accent); color: var(--accent-fg); font-weight: 700; font-size: 0.8rem; margin-inline-end: 6px; }
  .badge.one { background: var(--border); color: var(--fg); }
  .edition { block-size: 40px; font-size: 0.9rem; background: color-mix(in srgb, var(--bg-elev) 50%, transparent); }
  .edition .title { padding-inline-start: 34px; }
  .edition .title a { font-weight: 400; }
  .edition.last { border-block-end-color: var(--fg-muted); }
`;
