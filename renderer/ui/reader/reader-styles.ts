/** Reader styles: logical properties only, so the same rules serve Arabic and English layouts. */
import { css } from 'lit';
import { baseStyles } from '../common/styles';

export const readerStyles = [
  baseStyles,
  css`
  :host { display: flex; flex-direction: column; block-size: 100%; min-block-size: 0; position: relative; }
  /* The toolbar keeps its place when it fades out while reading, so hiding it moves nothing. */
  warraq-reader-toolbar { position: relative; z-index: 3; }
  warraq-find-bar { position: absolute; inset-block-start: 48px; inset-inline-end: var(--space-4); z-index: 3; }
  .content.no-panel warraq-annotations-panel, .content.no-panel .panel-place { display: none; }
  /* Holds the annotations panel's width (panel-styles.ts) until the panel is shown. */
  .panel-place { flex: 0 0 22rem; inline-size: 22rem; border-inline-start: 1px solid var(--border); }
  @media (max-width: 1000px) { .panel-place { flex-basis: 16rem; inline-size: 16rem; } }
  .spacer { flex: 1; }
  .content { display: flex; flex: 1; min-block-size: 0; }
  article {
    flex: 1; overflow-y: auto; min-block-size: 0; outline: none;
    padding-block: 24px 40vh; padding-inline: 24px;
    font-family: var(--reader-font, var(--font-reading));
    font-size: var(--reader-size, 20px);
    line-height: var(--reader-leading, 1.9);
  }
  article > * { max-inline-size: var(--reader-width, 70ch); margin-inline: auto; }
  .head { border-block-end: 1px solid var(--border); margin-block-end: 1.2em; padding-block-end: 0.6em; }
  .outlet { font-family: var(--font-ui); font-size: 0.8em; color: var(--accent); margin: 0; font-weight: 700; }
  h1 { font-size: 1.5em; line-height: 1.5; margin-block: 0.3em; unicode-bidi: isolate; }
  .meta { font-family: var(--font-ui); font-size: 0.7em; color: var(--fg-muted); display: flex; gap: 1em; flex-wrap: wrap; align-items: center; margin: 0; }
  .meta .link { font-size: 1em; }
  .date-note { font-family: var(--font-ui); font-size: 0.65em; color: var(--fg-muted); margin: 0.3em 0 0; }
  .date-note.warn { color: var(--danger, #b3261e); }
  .body p { margin-block: 0 0.9em; unicode-bidi: isolate; text-align: start; }
  .body p.cut { margin-block-end: 0; }
  article:has(.windowed) { overflow-anchor: none; }
  mark { color: inherit; background: transparent; border-radius: 2px; }
  mark.hit { background: var(--hit); }
  mark.hit.current { outline: 2px solid var(--accent); }
  mark.hl-yellow { background: var(--hl-yellow); }
  mark.hl-green { background: var(--hl-green); }
  mark.hl-blue { background: var(--hl-blue); }
  mark.hl-pink { background: var(--hl-pink); }
  mark.hl-purple { background: var(--hl-purple); }
  mark.hl + mark.hl { margin-inline-start: 0; }
  .missing { padding: 40px; text-align: center; }
`,
];
