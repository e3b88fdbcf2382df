/** Feed status as words in the interface language: errors by code, times of day and date. */
import type { FeedsService } from '../../services/collect/feeds';
import { language, t } from '../strings/i18n';

export type Feed = FeedsService['feeds'][number];
type FeedErr = NonNullable<Feed['lastError']>;

/** "Not found (404)", "Timed out…": the error's reason; the English detail follows in English. */
export function errorReason(e: FeedErr): string {
  if (e.code === 'http')
    return e.status === 404 ? t('feeds.error.http404') : t('feeds.error.http', { status: String(e.status ?? '') });
  return t(`feeds.error.${e.code}`);
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A moment as "7 December 2026, 09:30" in the interface language. */
export function when(ms: number): string {
  const lang = language();
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-EG' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(lang, f);
  }
  return f.format(new Date(ms));
}
