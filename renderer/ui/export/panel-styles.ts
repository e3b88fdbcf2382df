/** Styles shared by the sections of the Export & backup dialog. Logical properties only. */
import { css } from 'lit';

export const panelStyles = css`
  :host { display: flex; flex-direction: column; gap: 14px; }
  section { display: flex; flex-direction: column; gap: 8px; align-items: flex-start; }
  h3 { margin: 0; font-size: 1.05rem; }
  p { margin: 0; }
  fieldset { border: 1px solid var(--border); border-radius: 8px; padding-block: 6px 10px; padding-inline: 12px; margin: 0; inline-size: 100%; box-sizing: border-box; }
  legend { padding-inline: 4px; font-weight: 600; }
  label { display: flex; gap: 8px; align-items: baseline; padding-block: 3px; cursor: pointer; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); column-gap: 16px; }
  .run { display: flex; align-items: center; gap: 10px; inline-size: 100%; }
  .bar { flex: 1; block-size: 10px; border-radius: 5px; background: var(--border); overflow: hidden; }
  .bar > div { block-size: 100%; background: var(--accent); transition: inline-size 0.15s linear; }
  .error { color: var(--danger, #b00020); font-weight: 600; }
  .done { color: var(--success, #1b7a3a); }
  .body { padding-block: 16px; padding-inline: 20px; display: flex; flex-direction: column; gap: 10px; }
  .actions { display: flex; gap: 8px; justify-content: flex-end; }
`;
