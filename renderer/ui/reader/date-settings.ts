/**
 * <warraq-date-settings> — how dates show everywhere: the calendar (Gregorian, Hijri or both) and the
 * Gregorian month names (Levantine آذار, Egyptian and Gulf مارس, Maghrebi). Reads and writes the
 * 'dates' setting itself; the change re-renders every screen (see common/article-date.ts).
 */
import { LitElement, html, css } from 'lit';
import { customElement } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { CALENDAR_CHOICES, MONTH_REGIONS, type DatePrefs } from '../../core/export/date-display';
import type { Services } from '../../services/services';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { reportError } from '../common/report-error';
import { LanguageController, t } from '../strings/i18n';

@customElement('warraq-date-settings')
export class DateSettings extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: inline-flex; gap: 6px; align-items: center; }
  `,
  ];
  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  protected readonly i18n = new LanguageController(this);

  private async set(patch: Partial<DatePrefs>): Promise<void> {
    try {
      await this.services.settings.set('dates', { ...this.services.settings.get('dates'), ...patch });
    } catch (e) {
      reportError(this.services.notifier, e);
    }
  }

  override render() {
    const p = this.services.settings.get('dates');
    return html`<span role="group" aria-label=${t('dates.settings')}>
      <select aria-label=${t('dates.calendar')} title=${t('dates.calendar')}
        @change=${(e: Event) => void this.set({ calendar: (e.target as HTMLSelectElement).value as DatePrefs['calendar'] })}>
        ${CALENDAR_CHOICES.map((c) => html`<option value=${c} ?selected=${c === p.calendar}>${t(`dates.calendar.${c}`)}</option>`)}
      </select>
      <select aria-label=${t('dates.months')} title=${t('dates.months')}
        @change=${(e: Event) => void this.set({ months: (e.target as HTMLSelectElement).value as DatePrefs['months'] })}>
        ${MONTH_REGIONS.map((m) => html`<option value=${m} ?selected=${m === p.months}>${t(`dates.months.${m}`)}</option>`)}
      </select>
    </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-date-settings': DateSettings;
  }
}
