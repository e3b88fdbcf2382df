/**
 * <warraq-shortcuts> — the keyboard shortcuts overlay: a modal dialog listing every shortcut, opened with `?`
 * (outside text fields) or from the header menu. Escape or the close button closes it, and focus returns to
 * where it was before. The key names are the same in both languages; the descriptions are translated.
 */
import { LitElement, html, css } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { baseStyles } from '../common/styles';
import { icon, type IconName } from '../common/icons';
import { LanguageController, t } from '../strings/i18n';

/**
 * [keys, description key] per section. A key combination is written with `+`, alternatives with ` / `.
 * The arrow keys are written Up, Down, Left, Right and drawn as arrow icons with their name for screen
 * readers (no text glyph as an icon, issue 18).
 */
const SECTIONS: [string, [string, string][]][] = [
  [
    'keys.section.everywhere',
    [
      ['Ctrl+K / /', 'keys.search'],
      ['?', 'keys.help'],
      ['Ctrl+Z', 'keys.undo'],
      ['Esc', 'keys.escape'],
      ['Up / Down / Home / End', 'keys.menu'],
    ],
  ],
  [
    'keys.section.library',
    [
      ['Up / Down / PageUp / PageDown', 'keys.move'],
      ['Enter', 'keys.open.row'],
      ['Delete', 'keys.delete'],
      ['Left / Right / + / -', 'keys.expand'],
    ],
  ],
  [
    'keys.section.reader',
    [
      ['n / p', 'keys.nextArticle'],
      ['Ctrl+F', 'keys.find'],
      ['F3 / Shift+F3', 'keys.findNext'],
      ['+ / -', 'keys.textSize'],
      ['Shift+Left / Shift+Right', 'keys.select'],
    ],
  ],
];

const ARROWS: Record<string, IconName> = { Up: 'key-up', Down: 'key-down', Left: 'key-left', Right: 'key-right' };

/** One key cap: its name, or for an arrow key its icon and its spoken name. */
function key(k: string) {
  const arrow = ARROWS[k];
  return arrow
    ? html`<kbd class="arrow">${icon(arrow)}<span class="sr-only">${t(`keys.arrow.${k.toLowerCase()}`)}</span></kbd>`
    : html`<kbd>${k}</kbd>`;
}

@customElement('warraq-shortcuts')
export class ShortcutsDialog extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: contents; }
      dialog {
        border: 1px solid var(--border); border-radius: var(--radius-lg); background: var(--bg); color: var(--fg);
        padding: 0; inline-size: min(640px, calc(100vw - 32px)); max-block-size: calc(100vh - 48px);
        box-shadow: var(--shadow-3);
      }
      dialog::backdrop { background: var(--backdrop); }
      header {
        display: flex; align-items: center; justify-content: space-between; gap: var(--space-3);
        padding-block: var(--space-3); padding-inline: var(--space-5); border-block-end: 1px solid var(--border);
      }
      h2 { margin: 0; font-size: var(--text-lg); }
      .body { padding-block: var(--space-2) var(--space-5); padding-inline: var(--space-5); }
      h3 { font-size: var(--text-sm); color: var(--fg-muted); margin-block: var(--space-4) var(--space-2); }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: var(--space-2) var(--space-5); margin: 0; }
      dt { direction: ltr; text-align: end; }
      dd { margin: 0; }
      kbd {
        font-family: var(--font-ui); font-size: var(--text-sm); background: var(--bg-elev);
        border: 1px solid var(--border); border-block-end-width: 2px; border-radius: var(--radius-sm);
        padding-inline: var(--space-1);
      }
      kbd.arrow { display: inline-flex; align-items: center; vertical-align: middle; --icon-size: 1em; }
    `,
  ];

  @query('dialog') private dialog!: HTMLDialogElement;
  protected readonly i18n = new LanguageController(this);
  /** Where focus was before the dialog opened (a shadow root's active element, not just <warraq-app>). */
  private returnTo: HTMLElement | null = null;

  show(): void {
    if (this.dialog.open) return;
    this.returnTo = deepActiveElement();
    this.dialog.showModal();
  }

  private onClose = (): void => {
    this.returnTo?.focus();
    this.returnTo = null;
  };

  private keys(combo: string) {
    return combo
      .split(' / ')
      .map(
        (alt, i) =>
          html`${i ? ' / ' : ''}${(alt === '+' ? [alt] : alt.split('+')).map((k, j) => html`${j ? '+' : ''}${key(k)}`)}`,
      );
  }

  override render() {
    return html`
      <dialog aria-labelledby="keys-title" @close=${this.onClose}>
        <header>
          <h2 id="keys-title">${t('keys.title')}</h2>
          <button class="icon-btn" aria-label=${t('keys.close')} title=${t('keys.close')} @click=${() => this.dialog.close()}>${icon('close')}</button>
        </header>
        <div class="body">
          ${SECTIONS.map(
            ([section, rows]) => html`<h3>${t(section)}</h3>
              <dl>${rows.map(([combo, what]) => html`<dt>${this.keys(combo)}</dt><dd>${t(what)}</dd>`)}</dl>`,
          )}
        </div>
      </dialog>
    `;
  }
}

/** The focused element, looking into open shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement ? el : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-shortcuts': ShortcutsDialog;
  }
}
