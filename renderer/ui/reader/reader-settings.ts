/**
 * <warraq-reader-settings> — text size, line spacing, column width and theme.
 * Properties: `prefs`. Events: `reader-prefs` (detail: the changed fields). Keeps no state of its own.
 */
import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReaderPrefs, Theme } from '../../core/model';
import { baseStyles } from '../common/styles';
import { LanguageController, t, formatNumber } from '../strings/i18n';
import { icon } from '../common/icons';

const THEMES: Theme[] = ['light', 'sepia', 'dark'];
const LEADINGS = [1.5, 1.7, 1.9, 2.2];
const WIDTHS = [50, 60, 70, 85, 100];

@customElement('warraq-reader-settings')
export class ReaderSettings extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    [role='radiogroup'] { display: inline-flex; gap: 4px; }
    .size { min-inline-size: 2.5em; text-align: center; }
  `,
  ];
  @property({ attribute: false }) prefs!: ReaderPrefs;
  protected readonly i18n = new LanguageController(this);

  private emit(detail: Partial<ReaderPrefs>): void {
    this.dispatchEvent(new CustomEvent('reader-prefs', { detail, bubbles: true, composed: true }));
  }

  override render() {
    const p = this.prefs;
    return html`
      <button class="icon-btn" aria-label=${t('reader.fontSmaller')} title=${t('reader.fontSmaller')} @click=${() => this.emit({ fontSize: Math.max(12, p.fontSize - 2) })}>${icon('text-smaller')}</button>
      <span class="size" role="status" aria-label=${t('reader.fontSize')}>${formatNumber(p.fontSize)}</span>
      <button class="icon-btn" aria-label=${t('reader.fontBigger')} title=${t('reader.fontBigger')} @click=${() => this.emit({ fontSize: Math.min(40, p.fontSize + 2) })}>${icon('text-bigger')}</button>
      <select aria-label=${t('reader.lineHeight')} title=${t('reader.lineHeight')} @change=${(e: Event) => this.emit({ lineHeight: Number((e.target as HTMLSelectElement).value) })}>
        ${LEADINGS.map((l) => html`<option value=${l} ?selected=${l === p.lineHeight}>${formatNumber(l)}</option>`)}
      </select>
      <select aria-label=${t('reader.width')} title=${t('reader.width')} @change=${(e: Event) => this.emit({ columnWidth: Number((e.target as HTMLSelectElement).value) })}>
        ${WIDTHS.map((w) => html`<option value=${w} ?selected=${w === p.columnWidth}>${formatNumber(w)}</option>`)}
      </select>
      <div role="radiogroup" aria-label=${t('reader.theme')}>
        ${THEMES.map(
          (th) => html`<button role="radio" aria-checked=${th === p.theme ? 'true' : 'false'}
          @click=${() => this.emit({ theme: th })}>${t(`reader.theme.${th}`)}</button>`,
        )}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-reader-settings': ReaderSettings;
  }
}
