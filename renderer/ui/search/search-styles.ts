/** Search view styles: logical properties only (RTL and LTR share them). */
import { css } from 'lit';
import { baseStyles } from '../common/styles';

export const searchStyles = [
  baseStyles,
  css`
  :host { display: flex; flex-direction: column; block-size: 100%; min-block-size: 0; }
  header { padding-block: 12px; padding-inline: 20px; border-block-end: 1px solid var(--border); display: grid; gap: 8px; }
  h1 { font-size: 1.3rem; margin: 0; margin-inline-end: auto; }
  .summary { color: var(--fg-muted); }
  .warning { color: var(--danger, #a33); margin: 0; }
  .chip { display: inline-flex; align-items: center; gap: 4px; padding-inline: 8px; border: 1px solid var(--accent); border-radius: 12px; }
  .chip button { min-block-size: 22px; padding-inline: 6px; border: none; }
  .help { font-size: 0.9rem; }
  .help dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin-block: 6px; }
  .help dt { margin: 0; }
  .help dd { margin: 0; color: var(--fg-muted); }
  .help code { font-family: inherit; background: var(--bg-elev); border: 1px solid var(--border); border-radius: 4px; padding-inline: 4px; unicode-bidi: isolate; }
  label.toggle { display: inline-flex; gap: 4px; align-items: center; }
  ol { list-style: none; margin: 0; padding: 0; overflow-y: auto; flex: 1; min-block-size: 0; outline: none; }
  ol:focus-visible { outline: 3px solid var(--focus); outline-offset: -3px; }
  ol > li { padding-block: 10px; padding-inline: 20px; border-block-end: 1px solid var(--border); cursor: pointer; }
  ol > li[aria-selected='true'] { background: var(--bg-elev); border-inline-start: 4px solid var(--accent); padding-inline-start: 16px; }
  .title { font-weight: 700; font-size: 1.05rem; color: var(--accent); unicode-bidi: isolate; }
  .meta { font-size: 0.85rem; color: var(--fg-muted); display: flex; gap: 12px; }
  .snippet { margin-block: 4px 0; font-family: var(--font-reading); line-height: 1.8; unicode-bidi: isolate; }
  mark.hit { background: var(--hit); color: inherit; border-radius: 2px; }
  .empty { padding: 40px; text-align: center; color: var(--fg-muted); }
  .more { margin: 12px auto; display: block; }
`,
];
