/** Styles shared by components: buttons, focus rings, visually-hidden text. Logical properties only. */
import { css } from 'lit';

export const baseStyles = css`
  :host { font-family: var(--font-ui); color: var(--fg); }
  button, select, input, textarea {
    font: inherit;
    color: inherit;
  }
  button, select {
    background: var(--bg-elev);
    border: 1px solid var(--border);
    border-radius: 6px;
    padding-block: 4px;
    padding-inline: 10px;
    cursor: pointer;
    min-block-size: 32px;
  }
  button:hover { border-color: var(--accent); }
  button[aria-pressed='true'] { background: var(--accent); color: var(--accent-fg); }
  button.primary { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
  :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  .sr-only {
    position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap;
  }
  .toolbar { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
  .muted { color: var(--fg-muted); }
  bdi, .isolate { unicode-bidi: isolate; }
`;
