/** Styles of the small correction dialogs (article details, outlet name). Logical properties only. */
import { css } from 'lit';
import { baseStyles } from '../common/styles';

export const dialogStyles = [
  baseStyles,
  css`
  :host { display: contents; }
  dialog { border: 1px solid var(--border); border-radius: 10px; background: var(--bg); color: var(--fg); padding: 0;
    inline-size: min(560px, calc(100vw - 32px)); box-shadow: 0 8px 32px rgb(0 0 0 / 0.25); font-family: var(--font-ui); }
  dialog::backdrop { background: rgb(0 0 0 / 0.35); }
  header { display: flex; align-items: center; justify-content: space-between; padding-block: 10px; padding-inline: 20px;
    border-block-end: 1px solid var(--border); background: var(--bg-elev); }
  h2 { margin: 0; font-size: 1.1rem; }
  form { display: grid; grid-template-columns: max-content 1fr; gap: 10px 12px; padding: 20px; align-items: center; }
  input { border: 1px solid var(--border); border-radius: 6px; padding-block: 6px; padding-inline: 8px; background: var(--bg); }
  .hint { grid-column: 1 / -1; margin: 0; font-size: 0.85rem; }
  .actions { grid-column: 1 / -1; display: flex; gap: 8px; justify-content: flex-end; }
`,
];
