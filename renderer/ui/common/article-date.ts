/**
 * Article dates in the reader's chosen form (Gregorian, Hijri or both; month names by region), for
 * every screen that shows one. The choice lives in settings ('dates'); a change re-renders every
 * component that renders strings (the same path as a language switch).
 */
import { DEFAULT_DATE_PREFS, displayDate, type DatedArticle, type DatePrefs } from '../../core/export/date-display';
import type { SettingsService } from '../../services/settings';
import { language, setLanguage } from '../strings/i18n';

let prefs: DatePrefs = DEFAULT_DATE_PREFS;

/** The current date display choice. */
export function datePrefs(): DatePrefs {
  return prefs;
}

/** Follows the 'dates' setting from now on; returns the function that stops following it. */
export function watchDatePrefs(settings: SettingsService): () => void {
  prefs = settings.get('dates');
  const onChange = (e: Event) => {
    if ((e as CustomEvent<string>).detail !== 'dates') return;
    prefs = settings.get('dates');
    setLanguage(language()); // re-renders every LanguageController host
  };
  settings.addEventListener('change', onChange);
  return () => settings.removeEventListener('change', onChange);
}

/** The article's date as chosen, in the interface language; '' when it has none. */
export function formatPublished(a: DatedArticle): string {
  return displayDate(a, prefs, language());
}
