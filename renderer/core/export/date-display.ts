/**
 * An article's date as the reader chose to see it: Gregorian, Hijri or both, with Gregorian month
 * names for their region. Levantine and Iraqi papers print آذار, Egyptian and Gulf ones مارس, and
 * Moroccan ones مارس beside ماي, يوليوز, غشت … — the same months, named as the reader knows them.
 * A Hijri date is the printed one when the article has it, else the Umm al-Qura date of the
 * Gregorian one.
 */
import { gregorianToHijri, type HijriParts } from '../article/hijri';
import type { DateNote } from '../model';
import type { ExportLang } from './common';
import { AR_MONTHS, arabicDigits, EN_MONTHS, parseIsoDate, type DateParts } from './dates';

export type CalendarChoice = 'gregorian' | 'hijri' | 'both';
export type MonthRegion = 'levantine' | 'egyptian' | 'maghrebi';

export interface DatePrefs {
  calendar: CalendarChoice;
  months: MonthRegion;
}

export const DEFAULT_DATE_PREFS: DatePrefs = { calendar: 'gregorian', months: 'levantine' };
export const CALENDAR_CHOICES: readonly CalendarChoice[] = ['gregorian', 'hijri', 'both'];
export const MONTH_REGIONS: readonly MonthRegion[] = ['levantine', 'egyptian', 'maghrebi'];

export const MONTHS: Record<MonthRegion, readonly string[]> = {
  levantine: AR_MONTHS,
  egyptian: [
    'يناير',
    'فبراير',
    'مارس',
    'أبريل',
    'مايو',
    'يونيو',
    'يوليو',
    'أغسطس',
    'سبتمبر',
    'أكتوبر',
    'نوفمبر',
    'ديسمبر',
  ],
  maghrebi: ['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر'],
};
const HIJRI_AR = [
  'محرم',
  'صفر',
  'ربيع الأول',
  'ربيع الآخر',
  'جمادى الأولى',
  'جمادى الآخرة',
  'رجب',
  'شعبان',
  'رمضان',
  'شوال',
  'ذو القعدة',
  'ذو الحجة',
];
const HIJRI_EN = [
  'Muharram',
  'Safar',
  'Rabiʿ al-Awwal',
  'Rabiʿ al-Thani',
  'Jumada al-Ula',
  'Jumada al-Akhirah',
  'Rajab',
  'Shaʿban',
  'Ramadan',
  'Shawwal',
  'Dhu al-Qaʿdah',
  'Dhu al-Hijjah',
];

/** What an article carries about its date. */
export interface DatedArticle {
  published?: string;
  publishedHijri?: string;
  dateNote?: DateNote;
}

/** "٣٠ نيسان ٢٠١٩" / "30 April 2019" with the region's month names; '' for undefined. */
export function formatGregorian(p: DateParts | undefined, lang: ExportLang, region: MonthRegion = 'levantine'): string {
  if (!p) return '';
  const names = lang === 'ar' ? MONTHS[region] : EN_MONTHS;
  const out = [p.day, p.month ? names[p.month - 1] : undefined, p.year].filter((x) => x !== undefined).join(' ');
  return lang === 'ar' ? arabicDigits(out) : out;
}

/** "٢٥ شعبان ١٤٤٠ هـ" / "25 Shaʿban 1440 AH"; '' for undefined. */
export function formatHijri(p: HijriParts | undefined, lang: ExportLang): string {
  if (!p) return '';
  const names = lang === 'ar' ? HIJRI_AR : HIJRI_EN;
  const out = [p.day, names[p.month - 1], p.year].filter((x) => x !== undefined).join(' ');
  return lang === 'ar' ? `${arabicDigits(out)} هـ` : `${out} AH`;
}

/** Hijri parts of a stored `YYYY-MM-DD` / `YYYY-MM` Hijri string. */
export function parseHijriIso(s: string | undefined): HijriParts | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s ?? '');
  if (!m) return undefined;
  return { year: Number(m[1]), month: Number(m[2]), ...(m[3] ? { day: Number(m[3]) } : {}) };
}

/** The article's Hijri date: as printed, else the Umm al-Qura date of its full Gregorian date. */
export function hijriOf(a: DatedArticle): HijriParts | undefined {
  return parseHijriIso(a.publishedHijri) ?? gregorianToHijri(a.published);
}

/**
 * The date in the chosen form: one calendar, or both as "Hijri — Gregorian" (the order outlets print
 * them in). Falls back to the calendar there is when the chosen one is missing; '' for no date.
 */
export function displayDate(a: DatedArticle, prefs: DatePrefs, lang: ExportLang): string {
  const g = formatGregorian(parseIsoDate(a.published), lang, prefs.months);
  const h = formatHijri(prefs.calendar === 'gregorian' && g ? undefined : hijriOf(a), lang);
  if (prefs.calendar === 'gregorian') return g || h;
  if (prefs.calendar === 'hijri') return h || g;
  return g && h ? `${h} — ${g}` : g || h;
}
