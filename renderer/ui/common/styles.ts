/**
 * Styles shared by every component: controls, the focus ring, icons, visually-hidden text. They read the design
 * tokens of renderer/styles/tokens.css (custom properties pierce shadow roots) and use logical properties only.
 *
 * Classes: `.icon-btn` a square button holding only an icon (it still needs aria-label and title);
 * `.quiet` a borderless button; `.primary`, `.danger` filled buttons; `.toolbar` a row of controls;
 * `.sr-only` text for assistive technology only; `.muted` secondary text.
 */
import { css } from 'lit';
import { iconStyles } from './icons';

export const baseStyles = [
  iconStyles,
  css`
    :host { font-family: var(--font-ui); color: var(--fg); }
    button, select, input, textarea {
      font: inherit;
      color: inherit;
    }
    button, select {
      background: var(--bg-elev);
      border: 1px solid var(--border);
      border-radius: var(--radius-md);
      padding-block: var(--space-1);
      padding-inline: 10px;
      cursor: pointer;
      min-block-size: var(--control-size);
    }
    button { display: inline-flex; align-items: center; justify-content: center; gap: var(--space-2); }
    button:hover { border-color: var(--accent); }
    button:disabled { cursor: default; opacity: 0.6; }
    button[aria-pressed='true'] { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
    button.primary { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
    button.danger { background: var(--danger); color: var(--danger-fg); border-color: var(--danger); }
    button.quiet, button.icon-btn { background: transparent; border-color: transparent; }
    button.quiet:hover, button.icon-btn:hover { background: var(--bg-hover); border-color: transparent; }
    button.icon-btn { padding: 0; inline-size: var(--control-size); color: var(--fg-muted); }
    button.icon-btn:hover, button.icon-btn[aria-expanded='true'] { color: var(--fg); }
    button.icon-btn[aria-pressed='true'] { background: var(--bg-selected); color: var(--fg); }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .sr-only {
      position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden;
      clip: rect(0 0 0 0); white-space: nowrap;
    }
    .toolbar { display: flex; align-items: center; gap: var(--space-2); flex-wrap: wrap; }
    .muted { color: var(--fg-muted); }
    bdi, .isolate { unicode-bidi: isolate; }
  `,
];
