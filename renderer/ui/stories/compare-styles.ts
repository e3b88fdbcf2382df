/** Styles of the comparison dialog: logical properties only, so Arabic and English share them. */
import { css } from 'lit';
import { baseStyles } from '../common/styles';

export const compareStyles = [
  baseStyles,
  css`
  :host { display: contents; }
  dialog { border: 1px solid var(--border); border-radius: 10px; background: var(--bg); color: var(--fg); padding: 0;
    inline-size: min(900px, calc(100vw - 32px)); max-block-size: calc(100vh - 48px); box-shadow: 0 8px 32px rgb(0 0 0 / 0.25); }
  dialog::backdrop { background: rgb(0 0 0 / 0.35); }
  header { display: flex; align-items: center; justify-content: space-between; gap: 12px; padding-block: 10px; padding-inline: 20px;
    border-block-end: 1px solid var(--border); background: var(--bg-elev); position: sticky; inset-block-start: 0; z-index: 1; }
  h2 { margin: 0; font-size: 1.15rem; }
  h3 { font-size: 1rem; margin-block: 0.4em; }
  .controls, .legend, .summary, .figures { padding-inline: 20px; }
  .controls { padding-block: 10px 0; }
  .toggle { display: inline-flex; align-items: center; gap: 6px; }
  .legend { font-size: 0.85rem; margin-block: 8px 0; display: flex; gap: 12px; }
  .summary { margin-block: 8px 0; }
  .figures ul { margin: 0; padding-inline-start: 1.4em; }
  .figures li { unicode-bidi: isolate; }
  .diff { padding-block: 4px 24px; padding-inline: 20px; font-family: var(--font-reading); font-size: 1.1rem; line-height: 1.9; }
  .headline { font-size: 1.3rem; line-height: 1.6; }
  .body { white-space: pre-wrap; }
  del { background: rgba(220, 38, 38, 0.16); color: inherit; text-decoration: line-through; text-decoration-color: var(--danger); }
  ins { background: rgba(22, 163, 74, 0.2); color: inherit; text-decoration: none; border-block-end: 2px solid rgb(22 163 74); }
  .figure { font-weight: 700; outline: 2px solid var(--focus); outline-offset: 1px; border-radius: 2px; }
  .spelling { border-block-end: 2px dotted var(--accent); }
`,
];
