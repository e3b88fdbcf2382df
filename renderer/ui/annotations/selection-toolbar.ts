/**
 * <warraq-selection-toolbar> — the small toolbar shown over a text selection in the reader:
 * highlight in five colours, highlight with a note, bookmark the paragraph, copy with citation.
 *
 * Properties: `anchorRect` ({top, left, bottom, right} of the selection, viewport px).
 * Events (events.ts): `warraq-annotate` AnnotateEvent; `warraq-annotate-dismiss` on Escape.
 * Keyboard: Tab reaches it from the text; ←/→ move between its buttons; Escape closes it.
 * The buttons keep the text selection: mousedown does not move focus away from the text.
 */
import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../core/model';
import { baseStyles } from '../common/styles';
import { LanguageController, t } from '../strings/i18n';
import { icon } from '../common/icons';
import { AnnotateEvent, AnnotateDismissEvent } from './events';

export type AnnotateAction =
  { kind: 'highlight'; color: HighlightColor } | { kind: 'note' } | { kind: 'bookmark' } | { kind: 'copy' };

export interface ToolbarRect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Height of the bar plus a gap, px: it sits this far above the selection (below when no room). */
const LIFT = 52;

@customElement('warraq-selection-toolbar')
export class SelectionToolbar extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { position: fixed; z-index: 5; }
    .bar { display: flex; gap: 4px; padding: 4px; background: var(--bg-elev); border: 1px solid var(--border); border-radius: 8px; box-shadow: 0 4px 14px rgb(0 0 0 / 0.2); }
    button { min-block-size: 32px; min-inline-size: 32px; padding-inline: 8px; }
    .swatch { inline-size: 32px; padding: 0; }
    .swatch span { display: block; inline-size: 18px; block-size: 18px; margin: auto; border-radius: 50%; border: 1px solid var(--border); }
    .sep { inline-size: 1px; background: var(--border); margin-inline: 2px; }
  `,
  ];

  @property({ attribute: false }) anchorRect?: ToolbarRect;
  protected readonly i18n = new LanguageController(this);

  private fire(action: AnnotateAction): void {
    this.dispatchEvent(new AnnotateEvent(action));
  }

  private onKey(e: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll('button')];
    const i = buttons.indexOf(this.shadowRoot?.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.dispatchEvent(new AnnotateDismissEvent());
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      e.stopPropagation();
      const rtl = getComputedStyle(this).direction === 'rtl';
      const step = (e.key === 'ArrowRight') !== rtl ? 1 : -1;
      buttons[(i + step + buttons.length) % buttons.length]?.focus();
    }
  }

  protected override updated(): void {
    const r = this.anchorRect;
    if (!r) return;
    // Viewport coordinates from getBoundingClientRect are physical, so top/left are set physically.
    const above = r.top - LIFT >= 8;
    const width = this.offsetWidth || 300;
    const centre = (r.left + r.right) / 2;
    // A selection made by keyboard or script may be scrolled out of sight: keep the bar on screen.
    const top = above ? r.top - LIFT : r.bottom + 8;
    this.style.top = `${Math.max(8, Math.min(window.innerHeight - LIFT, top))}px`;
    this.style.left = `${Math.max(8, Math.min(window.innerWidth - width - 8, centre - width / 2))}px`;
  }

  override render() {
    return html`<div class="bar" role="toolbar" aria-label=${t('notes.toolbar')} @keydown=${this.onKey}
        @mousedown=${(e: Event) => e.preventDefault()}>
      ${HIGHLIGHT_COLORS.map((c) => {
        const label = t('notes.highlight', { color: t(`notes.color.${c}`) });
        return html`<button class="swatch" aria-label=${label} title=${label} @click=${() => this.fire({ kind: 'highlight', color: c })}>
          <span style="background: var(--hl-${c})"></span></button>`;
      })}
      <span class="sep" aria-hidden="true"></span>
      <button class="icon-btn" aria-label=${t('notes.addNote')} title=${t('notes.addNote')} @click=${() => this.fire({ kind: 'note' })}>${icon('note')}</button>
      <button class="icon-btn" aria-label=${t('notes.bookmark')} title=${t('notes.bookmark')} @click=${() => this.fire({ kind: 'bookmark' })}>${icon('bookmark')}</button>
      <button class="icon-btn" aria-label=${t('notes.copyCite')} title=${t('notes.copyCite')} @click=${() => this.fire({ kind: 'copy' })}>${icon('quote')}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-selection-toolbar': SelectionToolbar;
  }
}
