/** Styles of the reader's editions strip: logical properties only, so Arabic and English share them. */
import { css } from 'lit';
import { baseStyles } from '../common/styles';

export const stripStyles = [
  baseStyles,
  css`
  :host { display: block; }
  .strip { font-family: var(--font-ui); font-size: 0.8rem; }
  .strip { border: 1px solid var(--border); border-radius: 8px; background: var(--bg-elev); padding-block: 8px; padding-inline: 12px;
    margin-block-end: 1.2em; }
  h2 { font-size: 0.95rem; margin: 0; }
  h3 { font-size: 0.85rem; margin-block: 8px 4px; }
  .spacer { flex: 1; }
  .toolbar button { min-block-size: 28px; font-size: 0.8rem; }
  ol, ul { list-style: none; margin: 0; padding: 0; }
  .editions { display: flex; flex-direction: column; gap: 4px; margin-block-start: 6px; }
  .editions li { display: flex; gap: 6px; align-items: stretch; }
  .edition { flex: 1; display: grid; grid-template-columns: 10rem 9rem minmax(0, 1fr); gap: 8px; text-align: start;
    background: var(--bg); min-block-size: 30px; align-items: center; }
  .edition .outlet { font-weight: 700; color: var(--accent); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .edition time { color: var(--fg-muted); }
  .edition .title { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; unicode-bidi: isolate; }
  li.current .edition { border-inline-start: 4px solid var(--accent); }
  .compare { min-block-size: 30px; }
  .more { margin-block-start: 4px; min-block-size: 26px; font-size: 0.8rem; }
  .detail { margin-block: 6px 0; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  .detail .title { font-weight: 600; }
  .related li { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-block: 2px; }
  .related a { color: var(--accent); }
  .related button { min-block-size: 26px; font-size: 0.8rem; }
  @media (max-width: 720px) { .edition { grid-template-columns: 1fr; } }
`,
];
