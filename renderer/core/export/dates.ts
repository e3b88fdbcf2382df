/**
 * Dates for citations: "١٢ أيار ٢٠١٩" and "12 May 2019". Month names are the Levantine ones
 * (أيار, حزيران …) used by the Syrian, Lebanese and Iraqi press Warraq mostly archives.
 */
import type { ExportLang } from './common';

/** Levantine month names, the default region (date-display.ts offers the others). */
export const AR_MONTHS = [
  'كانون الثاني',
  'شباط',
  'آذار',
  'نيسان',
  'أيار',
  'حزيران',
  'تموز',
  'آب',
  'أيلول',
  'تشرين الأول',
  'تشرين الثاني',
  'كانون الأول',
];
export const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

/**
 * Year, month and day of an ISO date ('2019-05-12', '2019-05', '2019', or a full timestamp, read as
 * written, without time-zone shifts); undefined for anything else.
 */
export function parseIsoDate(iso: string | undefined): DateParts | undefined {
  const m = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(iso ?? '');
  if (!m) return undefined;
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return { year: Number(m[1]) };
  if (day !== undefined && (day < 1 || day > 31)) return { year: Number(m[1]), month };
  return { year: Number(m[1]), month, day };
}

/** UTC date parts of a time in ms since epoch; undefined for a missing or non-finite time. */
export function partsOfTime(ms: number | undefined): DateParts | undefined {
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return undefined;
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Western digits → Arabic-Indic digits (٠–٩). */
export function arabicDigits(s: string | number): string {
  return String(s).replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}

/** "١٢ أيار ٢٠١٩" / "12 May 2019" (fewer parts when the date has fewer); '' for undefined. */
export function formatDate(parts: DateParts | undefined, lang: ExportLang): string {
  if (!parts) return '';
  const months = lang === 'ar' ? AR_MONTHS : EN_MONTHS;
  const out = [parts.day, parts.month ? months[parts.month - 1] : undefined, parts.year]
    .filter((x) => x !== undefined)
    .map(String)
    .join(' ');
  return lang === 'ar' ? arabicDigits(out) : out;
}

/** 'YYYY-MM-DD' (or shorter) for the parts; '' for undefined. */
export function isoOfParts(parts: DateParts | undefined): string {
  if (!parts) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return [
    String(parts.year).padStart(4, '0'),
    parts.month && pad(parts.month),
    parts.month && parts.day && pad(parts.day),
  ]
    .filter(Boolean)
    .join('-');
}

/** ISO 8601 UTC of a time in ms; the epoch for a missing or impossible time rather than a throw. */
export function isoTime(ms: number): string {
  // 8.64e15 ms is the largest time a Date can hold; beyond it toISOString throws.
  return new Date(Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? ms : 0).toISOString();
}
