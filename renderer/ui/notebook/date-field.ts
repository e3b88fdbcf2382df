/**
 * <warraq-date-field> — a day typed as day/month/year in either digit system (parse-day.ts), with the
 * format in its label, in place of the native date input (which shows mm/dd/yyyy in Arabic too).
 * An invalid entry is marked (aria-invalid) and explained, and changes nothing.
 *
 * Properties: `label` (the format is part of it), `value` (`YYYY-MM-DD` or ''). Events:
 * `warraq-day-change` (DayChangeEvent: the new `YYYY-MM-DD`, or '' when cleared).
 */
import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { baseStyles } from '../common/styles';
import { LanguageController, language, t } from '../strings/i18n';
import { formatDay, parseDay } from './parse-day';

export class DayChangeEvent extends CustomEvent<string> {
  constructor(day: string) {
    super('warraq-day-change', { detail: day, bubbles: true, composed: true });
  }
}

@customElement('warraq-date-field')
export class DateField extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: inline-flex; flex-direction: column; }
    label { display: inline-flex; align-items: center; gap: 6px; }
    input { inline-size: 8.5rem; min-block-size: 32px; box-sizing: border-box; padding-inline: 8px; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); }
    input[aria-invalid='true'] { border-color: var(--danger); }
    .error { color: var(--danger); font-size: 0.8rem; margin: 0; }
  `,
  ];

  @property() label = '';
  @property() value = '';
  @state() private text = '';
  @state() private invalid = false;
  protected readonly i18n = new LanguageController(this);

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('value')) {
      this.text = formatDay(this.value, language() === 'ar');
      this.invalid = false;
    }
  }

  private commit(e: Event): void {
    const typed = (e.target as HTMLInputElement).value;
    const day = parseDay(typed);
    this.text = typed;
    this.invalid = day === undefined;
    if (day !== undefined && day !== (this.value || '')) this.dispatchEvent(new DayChangeEvent(day));
  }

  override render() {
    return html`<label>${this.label}
        <input dir="ltr" inputmode="numeric" aria-invalid=${this.invalid ? 'true' : 'false'} aria-describedby="err"
          placeholder=${t('library.date.format')} .value=${this.text} @change=${this.commit}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.commit(e)} /></label>
      ${this.invalid ? html`<p class="error" id="err" role="alert">${t('library.date.invalid')}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-date-field': DateField;
  }
  interface HTMLElementEventMap {
    'warraq-day-change': DayChangeEvent;
  }
}
