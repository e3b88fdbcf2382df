/** Notebook styles; logical properties only. */
import { css } from 'lit';

export const notebookStyles = css`
  :host { display: block; block-size: 100%; min-block-size: 0; }
  .layout { display: flex; block-size: 100%; min-block-size: 0; }
  .main { flex: 1; overflow-y: auto; min-inline-size: 0; padding-block: 12px 40px; padding-inline: 20px; }
  h1 { font-size: 1.3rem; margin-block: 0 10px; }
  .filters { gap: 10px; margin-block-end: 14px; }
  .filters label { display: flex; align-items: center; gap: 6px; font-size: 0.9em; }
  .search { flex: 1 1 18rem; min-inline-size: 12rem; }
  input { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 6px; padding-block: 4px; padding-inline: 8px; min-block-size: 32px; box-sizing: border-box; }
  .entries { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 10px; max-inline-size: 60rem; }
  .entry { border: 1px solid var(--border); border-inline-start: 6px solid var(--swatch); border-radius: 8px; padding-block: 10px; padding-inline: 14px; background: var(--bg-elev); }
  blockquote { margin: 0; font-family: var(--font-reading); font-size: 1.05rem; line-height: 1.7; unicode-bidi: plaintext; }
  .note { white-space: pre-wrap; margin-block: 8px 0; unicode-bidi: plaintext; }
  .tags { list-style: none; display: flex; flex-wrap: wrap; gap: 4px; padding: 0; margin-block: 6px 0; }
  .tags li { font-size: 0.8em; padding-inline: 8px; border-radius: 10px; background: var(--bg); border: 1px solid var(--border); }
  .source { font-size: 0.85em; margin-block: 8px 0; display: flex; flex-wrap: wrap; column-gap: 18px; row-gap: 4px; align-items: center; }
  .source .title { font-weight: 600; color: var(--fg); }
  .filters select { max-inline-size: 16rem; }
  .open { margin-inline-start: auto; min-block-size: 28px; }
  .more { margin-block-start: 12px; }
  .empty { padding: 30px; text-align: center; }
  warraq-bookmarks-list { flex: 0 0 20rem; overflow-y: auto; border-inline-start: 1px solid var(--border); }
`;
