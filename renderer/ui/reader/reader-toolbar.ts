/**
 * <warraq-reader-toolbar> — the reader's one quiet icon toolbar (Readest, Apple Books): back, previous and
 * next article; then text & theme (a popover holding <warraq-reader-settings> and <warraq-date-settings>),
 * find, bookmark, the notes panel and export.
 *
 * Properties: `prefs` (for the popover), `panelOpen` (the notes panel toggle's state), `concealed` (slid out of
 * sight while reading; set by the reader's ChromeAutoHide — focus inside always shows it, so the keyboard
 * never lands on a hidden control).
 * Events: `warraq-reader-action` (ReaderActionEvent: back, prev, next, find, bookmark, panel, export);
 * `warraq-reader-prefs` bubbles up from the popover's settings.
 * Focus: the popover takes focus on its first control and gives it back to its button when it closes.
 */
import { LitElement, html, css } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ReaderPrefs } from '../../core/model';
import { baseStyles } from '../common/styles';
import { icon, type IconName } from '../common/icons';
import { LanguageController, t } from '../strings/i18n';
import './reader-settings';
import './date-settings';

export type ReaderAction = 'back' | 'prev' | 'next' | 'find' | 'bookmark' | 'panel' | 'export';

export class ReaderActionEvent extends CustomEvent<ReaderAction> {
  constructor(action: ReaderAction) {
    super('warraq-reader-action', { detail: action, bubbles: true, composed: true });
  }
}

@customElement('warraq-reader-toolbar')
export class ReaderToolbar extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex; align-items: center; gap: var(--space-1);
        padding-block: var(--space-1); padding-inline: var(--space-3);
        background: color-mix(in srgb, var(--bg) 92%, transparent); backdrop-filter: blur(6px);
        border-block-end: 1px solid var(--border);
        transition: transform var(--duration) var(--ease), opacity var(--duration) var(--ease);
      }
      :host([concealed]:not(:focus-within)) { opacity: 0; }
      .spacer { flex: 1; }
      .sep { inline-size: 1px; block-size: 20px; background: var(--border); margin-inline: var(--space-1); }
      .type-btn { anchor-name: --type-btn; }
      [popover] {
        position: fixed; position-anchor: --type-btn; inset: auto; margin: 0; margin-block: var(--space-1);
        position-area: block-end span-inline-start; position-try-fallbacks: flip-inline, flip-block;
        padding: var(--space-4); inline-size: max-content; max-inline-size: min(28rem, calc(100vw - 16px));
        background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: var(--radius-lg);
        box-shadow: var(--shadow-2);
      }
      [popover] h2 { font-size: var(--text-sm); margin-block: 0 var(--space-3); color: var(--fg-muted); }
      warraq-date-settings { display: block; margin-block-start: var(--space-3); }
    `,
  ];

  @property({ attribute: false }) prefs!: ReaderPrefs;
  @property({ type: Boolean }) panelOpen = true;
  @property({ type: Boolean, reflect: true }) concealed = false;
  @state() private typeOpen = false;
  @query('.type-btn') private typeButton!: HTMLButtonElement;
  @query('[popover]') private typePanel!: HTMLElement;
  protected readonly i18n = new LanguageController(this);

  private act(action: ReaderAction): void {
    this.dispatchEvent(new ReaderActionEvent(action));
  }

  private button(action: ReaderAction, name: IconName, label: string, extra: { pressed?: boolean; key?: string } = {}) {
    const title = extra.key ? `${label} (${extra.key})` : label;
    return html`<button class="icon-btn" aria-label=${label} title=${title}
      aria-pressed=${ifDefined(extra.pressed === undefined ? undefined : String(extra.pressed))}
      @click=${() => this.act(action)}>${icon(name)}</button>`;
  }

  private onToggle = (e: Event): void => {
    this.typeOpen = (e as ToggleEvent).newState === 'open';
    if (this.typeOpen) {
      // The first control of the settings (its shadow root's first button or select).
      const settings = this.typePanel.querySelector('warraq-reader-settings');
      settings?.shadowRoot?.querySelector<HTMLElement>('button, select')?.focus();
    } else if (this.typePanel.matches(':focus-within')) this.typeButton.focus();
  };

  /** Closes the popover (Escape inside it) and gives focus back to its button. */
  private onPopoverKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    this.typeButton.focus();
    this.typePanel.hidePopover();
  };

  override render() {
    return html`
      ${this.button('back', 'back', t('nav.back'), { key: 'Esc' })}
      ${this.button('prev', 'chevron-back', t('reader.prev'), { key: 'p' })}
      ${this.button('next', 'chevron-forward', t('reader.next'), { key: 'n' })}
      <span class="spacer"></span>
      <button class="icon-btn type-btn" aria-label=${t('reader.typography')} title=${t('reader.typography')}
        aria-haspopup="dialog" aria-expanded=${this.typeOpen ? 'true' : 'false'} popovertarget="typography">${icon('typography')}</button>
      ${this.button('find', 'find', t('reader.find'), { key: 'Ctrl+F' })}
      ${this.button('bookmark', 'bookmark', t('reader.bookmark'))}
      <span class="sep" aria-hidden="true"></span>
      ${this.button('panel', 'panel-end', t('reader.panel'), { pressed: this.panelOpen })}
      ${this.button('export', 'export', t('reader.export'))}
      <div id="typography" popover role="dialog" aria-label=${t('reader.typography')} @toggle=${this.onToggle} @keydown=${this.onPopoverKey}>
        <h2>${t('reader.typography')}</h2>
        <warraq-reader-settings .prefs=${this.prefs}></warraq-reader-settings>
        <warraq-date-settings></warraq-date-settings>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-reader-toolbar': ReaderToolbar;
  }
  interface HTMLElementEventMap {
    'warraq-reader-action': ReaderActionEvent;
  }
}
