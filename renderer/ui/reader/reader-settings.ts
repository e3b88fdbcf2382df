/**
 * <warraq-reader-settings> — text size, font, line spacing, column width and theme (in the reader
 * toolbar's "Text and theme" popover).
 * Properties: `prefs`. Events: `warraq-reader-prefs` (ReaderPrefsEvent, detail: the changed fields). Keeps no
 * state of its own.
 */
import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReaderPrefs, Theme } from '../../core/model';
import { baseStyles } from '../common/styles';
import { LanguageController, t, formatNumber } from '../strings/i18n';
import { icon } from '../common/icons';

const THEMES: Theme[] = ['light', 'sepia', 'dark'];
const FONTS = ['naskh', 'sans'] as const;

export class ReaderPrefsEvent extends CustomEvent<Partial<ReaderPrefs>> {
  constructor(patch: Partial<ReaderPrefs>) {
    super('warraq-reader-prefs', { detail: patch, bubbles: true, composed: true });
  }
}
const LEADINGS = [1.5, 1.7, 1.9, 2.2];
const WIDTHS = [50, 60, 70, 85, 100];

@customElement('warraq-reader-settings')
export class ReaderSettings extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: grid; grid-template-columns: max-content 1fr; gap: var(--space-3) var(--space-4); align-items: center; }
    .label { color: var(--fg-muted); font-size: var(--text-sm); }
    .row, [role='radiogroup'] { display: inline-flex; gap: var(--space-1); align-items: center; }
    .size { min-inline-size: 2.5em; text-align: center; }
    [role='radio'] { min-inline-size: 4.5rem; }
    .swatch { inline-size: 0.9em; block-size: 0.9em; border-radius: var(--radius-full); border: 1px solid var(--border-strong); }
    .swatch.light { background: #ffffff; } .swatch.sepia { background: #f6efe1; } .swatch.dark { background: #17181b; }
  `,
  ];
  @property({ attribute: false }) prefs!: ReaderPrefs;
  protected readonly i18n = new LanguageController(this);

  private emit(detail: Partial<ReaderPrefs>): void {
    this.dispatchEvent(new ReaderPrefsEvent(detail));
  }

  override render() {
    const p = this.prefs;
    const font = p.font ?? 'naskh';
    return html`
      <span class="label" id="size-l">${t('reader.fontSize')}</span>
      <div class="row" role="group" aria-labelledby="size-l">
        <button class="icon-btn" aria-label=${t('reader.fontSmaller')} title=${t('reader.fontSmaller')} @click=${() => this.emit({ fontSize: Math.max(12, p.fontSize - 2) })}>${icon('text-smaller')}</button>
        <span class="size" role="status" aria-label=${t('reader.fontSize')}>${formatNumber(p.fontSize)}</span>
        <button class="icon-btn" aria-label=${t('reader.fontBigger')} title=${t('reader.fontBigger')} @click=${() => this.emit({ fontSize: Math.min(40, p.fontSize + 2) })}>${icon('text-bigger')}</button>
      </div>
      <span class="label" id="font-l">${t('reader.font')}</span>
      <div role="radiogroup" aria-labelledby="font-l">
        ${FONTS.map(
          (f) => html`<button role="radio" aria-checked=${f === font ? 'true' : 'false'} class=${f}
            @click=${() => this.emit({ font: f })}>${t(`reader.font.${f}`)}</button>`,
        )}
      </div>
      <label class="label" for="leading">${t('reader.lineHeight')}</label>
      <select id="leading" @change=${(e: Event) => this.emit({ lineHeight: Number((e.target as HTMLSelectElement).value) })}>
        ${LEADINGS.map((l) => html`<option value=${l} ?selected=${l === p.lineHeight}>${formatNumber(l)}</option>`)}
      </select>
      <label class="label" for="width">${t('reader.width')}</label>
      <select id="width" @change=${(e: Event) => this.emit({ columnWidth: Number((e.target as HTMLSelectElement).value) })}>
        ${WIDTHS.map((w) => html`<option value=${w} ?selected=${w === p.columnWidth}>${formatNumber(w)}</option>`)}
      </select>
      <span class="label" id="theme-l">${t('reader.theme')}</span>
      <div role="radiogroup" aria-labelledby="theme-l">
        ${THEMES.map(
          (th) => html`<button role="radio" aria-checked=${th === p.theme ? 'true' : 'false'}
          @click=${() => this.emit({ theme: th })}><span class="swatch ${th}" aria-hidden="true"></span>${t(`reader.theme.${th}`)}</button>`,
        )}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-reader-settings': ReaderSettings;
  }
  interface HTMLElementEventMap {
    'warraq-reader-prefs': ReaderPrefsEvent;
  }
}
