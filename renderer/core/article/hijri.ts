/**
 * Hijri dates in datelines: "25 شعبان 1440 هـ", "١٤٤٠/٠٨/٢٥هـ", "الجمعة 25 شعبان 1440 هـ الموافق 30 نيسان 2019".
 * Conversion uses the Umm al-Qura calendar of @internationalized/date (the Saudi civil calendar, the
 * one Gulf and most Arab outlets print); a printed Hijri day can differ by a day from it where the
 * month began by local sighting, which is why a one-day gap between the two printed calendars is
 * accepted as agreement.
 */
import { CalendarDate, GregorianCalendar, IslamicUmalquraCalendar, toCalendar } from '@internationalized/date';

const UMALQURA = new IslamicUmalquraCalendar();
const GREGORIAN = new GregorianCalendar();

/** Month names after foldForDates (أ→ا, ى→ي, ة→ه), with their common variants. */
const HIJRI_MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['محرم', 'المحرم']],
  [2, ['صفر']],
  [3, ['ربيع الاول', 'ربيع اول', 'ربيع الاول']],
  [4, ['ربيع الثاني', 'ربيع ثاني', 'ربيع الاخر', 'ربيع اخر']],
  [5, ['جمادي الاولي', 'جمادي الاول', 'جمادي اولي', 'جماد الاول']],
  [6, ['جمادي الثانيه', 'جمادي الاخره', 'جمادي الثاني', 'جمادي الاخر', 'جماد الثاني', 'جماد الاخر']],
  [7, ['رجب']],
  [8, ['شعبان']],
  [9, ['رمضان']],
  [10, ['شوال']],
  [11, ['ذو القعده', 'ذي القعده', 'ذو القعد', 'ذي القعد']],
  [12, ['ذو الحجه', 'ذي الحجه']],
];

const HIJRI_BY_NAME = new Map<string, number>();
for (const [m, names] of HIJRI_MONTHS) for (const n of names) HIJRI_BY_NAME.set(n, m);
const NAMES = [...HIJRI_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');

// Not inside a longer word on either side.
const B = '(?<![\\u0621-\\u064aa-z])';
const E = '(?![\\u0621-\\u064aa-z])';
// The era suffix: هـ, ه, هجري(ه), للهجره.
const ERA = '(?:\\s*(?:هـ|ه|هجريه|هجري|للهجره)(?![\\u0621-\\u064a]))';
const HIJRI_YEAR = '(1[34]\\d\\d)(?!\\d)';

/** "25 شعبان 1440 هـ", "غرة رمضان 1444" (the 1st), "25 من شعبان لعام 1440": day, month name, year (era suffix optional). */
const NAMED = new RegExp(
  `${B}(\\d{1,2}|غره|مستهل)\\s*(?:من\\s+)?(?:شهر\\s+)?(${NAMES})${E}\\s*[,،]?\\s*(?:عام|سنه|لعام)?\\s*${HIJRI_YEAR}${ERA}?`,
);
/** "شعبان 1440 هـ": a month and year without a day. */
const MONTH_YEAR = new RegExp(`${B}(?:شهر\\s+)?(${NAMES})${E}\\s*[,،]?\\s*(?:عام|سنه|لعام)?\\s*${HIJRI_YEAR}${ERA}?`);
/** "1440/08/25 هـ" or "25/08/1440هـ": numbers need the era suffix to be read as Hijri. */
const NUMERIC_YMD = new RegExp(
  `(?<![\\d/.-])${HIJRI_YEAR.replace('(?!\\d)', '')}[-/.](\\d{1,2})[-/.](\\d{1,2})(?![\\d/.-])${ERA}`,
);
const NUMERIC_DMY = new RegExp(`(?<![\\d/.-])(\\d{1,2})[-/.](\\d{1,2})[-/.]${HIJRI_YEAR}${ERA}`);

export interface HijriParts {
  year: number;
  month: number;
  day?: number;
}

/** `YYYY-MM-DD` (or `YYYY-MM`) of Hijri parts. */
export function hijriIso(p: HijriParts): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return p.day ? `${p.year}-${pad(p.month)}-${pad(p.day)}` : `${p.year}-${pad(p.month)}`;
}

/** True for a real Umm al-Qura day (or month when `day` is absent) in 1300–1500 AH. */
export function validHijri(p: HijriParts): boolean {
  if (!(p.year >= 1300 && p.year <= 1500 && p.month >= 1 && p.month <= 12)) return false;
  if (p.day === undefined) return true;
  return p.day >= 1 && p.day <= UMALQURA.getDaysInMonth(new CalendarDate(UMALQURA, p.year, p.month, 1));
}

/**
 * The first Hijri date in already folded text (see foldForDates), or undefined. A bare "25 رجب
 * 1440" counts (the month name says Hijri); numbers count only with an era suffix (هـ).
 */
export function findHijri(folded: string): HijriMatch | undefined {
  let m = NAMED.exec(folded);
  if (m)
    return checked(m, {
      year: Number(m[3]),
      month: HIJRI_BY_NAME.get(m[2]!)!,
      day: /^\d/.test(m[1]!) ? Number(m[1]) : 1,
    });
  m = NUMERIC_YMD.exec(folded);
  if (m) return checked(m, { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  m = NUMERIC_DMY.exec(folded);
  if (m) return checked(m, { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) });
  m = MONTH_YEAR.exec(folded);
  if (m) return checked(m, { year: Number(m[2]), month: HIJRI_BY_NAME.get(m[1]!)! });
  return undefined;
}

/** A Hijri date found in folded text and where it stands there. */
export interface HijriMatch {
  parts?: HijriParts;
  index: number;
  length: number;
}

/** The match with its parts, or without parts when the date is not a real one (the span still is Hijri). */
function checked(m: RegExpExecArray, p: HijriParts): HijriMatch {
  return { parts: validHijri(p) ? p : undefined, index: m.index, length: m[0].length };
}

/** The Gregorian `YYYY-MM-DD` of a full Umm al-Qura date; undefined for a month alone or an invalid day. */
export function hijriToGregorian(p: HijriParts): string | undefined {
  if (p.day === undefined || !validHijri(p)) return undefined;
  return toCalendar(new CalendarDate(UMALQURA, p.year, p.month, p.day), GREGORIAN).toString();
}

/** The Umm al-Qura parts of a Gregorian `YYYY-MM-DD`; undefined for anything else. */
export function gregorianToHijri(iso: string | undefined): HijriParts | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return undefined;
  const d = toCalendar(new CalendarDate(Number(m[1]), Number(m[2]), Number(m[3])), UMALQURA);
  return { year: d.year, month: d.month, day: d.day };
}

/** Whole days from Gregorian `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Words of the Hijri month names, for counting what in a line is not a date. */
export const HIJRI_MONTH_TOKENS: ReadonlySet<string> = new Set([...HIJRI_BY_NAME.keys()].flatMap((n) => n.split(' ')));

/**
 * The Gregorian `YYYY-MM-DD` of the first (or, with `end`, the last) day of a Hijri year, month or
 * day, for date filters typed in Hijri (`date:1440-08`); undefined for an invalid Hijri date.
 */
export function hijriBound(
  year: number,
  month: number | undefined,
  day: number | undefined,
  end: boolean,
): string | undefined {
  const m = month ?? (end ? 12 : 1);
  if (!validHijri({ year, month: m })) return undefined;
  const d = day ?? (end ? UMALQURA.getDaysInMonth(new CalendarDate(UMALQURA, year, m, 1)) : 1);
  return hijriToGregorian({ year, month: m, day: d });
}
