/**
 * Arabic and Latin date expressions → ISO `YYYY-MM-DD`. Knows Levantine/Iraqi month names
 * (كانون الثاني … كانون الأول), Gregorian transliterations with Egyptian, Gulf and Maghrebi spellings
 * (يناير … ديسمبر, إبريل/أبريل/أفريل, مايو/ماي, يوليو/يوليوز/جويلية …), combined forms (آب/أغسطس,
 * تموز (يوليو)), Arabic-Indic and Persian digits, weekday names, and numeric forms (2019-03-23,
 * 23/3/2019). Anything it cannot read with confidence gives undefined: no date beats a wrong one.
 * Hijri dates (hijri.ts) are read beside them by readDates.
 */
import type { DateNote } from '../model';
import { daysBetween, findHijri, HIJRI_MONTH_TOKENS, hijriIso, hijriToGregorian } from './hijri';

const MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['كانون الثاني', 'كانون ثاني', 'يناير', 'ينايير', 'جانفي', 'يناير']],
  [2, ['شباط', 'فبراير', 'فيفري', 'فبرائر']],
  [3, ['اذار', 'مارس']],
  [4, ['نيسان', 'ابريل', 'افريل', 'ابريل']],
  [5, ['ايار', 'مايو', 'ماي', 'مايس']],
  [6, ['حزيران', 'يونيو', 'يونيه', 'جوان']],
  [7, ['تموز', 'يوليو', 'يوليه', 'يوليوز', 'جويليه', 'جويلية']],
  [8, ['اب', 'اغسطس', 'اغشت', 'غشت', 'اوت']],
  [9, ['ايلول', 'سبتمبر', 'شتنبر']],
  [10, ['تشرين الاول', 'تشرين اول', 'اكتوبر', 'كتوبر']],
  [11, ['تشرين الثاني', 'تشرين ثاني', 'نوفمبر', 'نونبر']],
  [12, ['كانون الاول', 'كانون اول', 'ديسمبر', 'دجنبر']],
];

const LATIN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const MONTH_BY_NAME = new Map<string, number>();
for (const [m, names] of MONTHS) for (const n of names) MONTH_BY_NAME.set(n, m);
LATIN_MONTHS.forEach((n, i) => MONTH_BY_NAME.set(n, i + 1));

// Longest first so "كانون الثاني" wins over a shorter overlapping name; Latin names allow any suffix
// ("March", "Sept.").
const MONTH_ALT = [...MONTH_BY_NAME.keys()]
  .filter((n) => !/^[a-z]/.test(n))
  .sort((a, b) => b.length - a.length)
  .join('|');
const MONTH = `(${MONTH_ALT}|(?:${LATIN_MONTHS.join('|')})[a-z]*\\.?)`;
// A second month name after "/", "-" or in parentheses: "آب/أغسطس", "تموز (يوليو)".
const ALT_MONTH = `(?:\\s*(?:[/\\-–]|\\()\\s*${MONTH}\\s*\\)?)?`;
const YEAR = '(\\d{4})';
// The month must stand as its own word: "اب" would otherwise match inside "الاب", "كتاب".
const B = '(?<![\\u0621-\\u064aa-z])';
const E = '(?![\\u0621-\\u064aa-z])';

const DAY_MONTH_YEAR = new RegExp(
  `${B}(\\d{1,2})\\s*(?:من\\s+)?(?:شهر\\s+)?${MONTH}${E}${ALT_MONTH}\\s*[,،]?\\s*(?:عام|سنه|لعام)?\\s*${YEAR}(?!\\d)`,
);
const MONTH_DAY_YEAR = new RegExp(`${B}${MONTH}${E}${ALT_MONTH}\\s+(\\d{1,2})\\s*[,،]?\\s*${YEAR}(?!\\d)`);
const ISO_LIKE = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const DMY_NUMERIC = /(?<![\d/.-])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/;
const MONTH_WORD = new RegExp(`${B}${MONTH}${E}`);

/**
 * Folds what varies in how a date is typed: hamza/madda alefs to ا, ى to ي, ة to ه, Arabic-Indic and
 * Persian digits to 0–9, tashkeel and tatweel dropped, Latin lower-cased. Not length-preserving.
 */
export function foldForDates(s: string): string {
  return s
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toLowerCase();
}

function monthOf(name: string | undefined): number | undefined {
  if (!name) return undefined;
  const n = name.replace(/\.$/, '');
  return MONTH_BY_NAME.get(n) ?? MONTH_BY_NAME.get(n.slice(0, 3));
}

/** `YYYY-MM-DD` for a real calendar day in 1900–2100, else undefined. */
export function isoDate(y: number, m: number, d: number): string | undefined {
  if (!(y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1)) return undefined;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
    m - 1
  ]!;
  if (d > days) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Both names of a combined form must agree ("آب/أغسطس"); a clash makes the date unsure. */
function agreedMonth(a: string | undefined, b: string | undefined): number | undefined {
  const m1 = monthOf(a);
  const m2 = monthOf(b);
  if (m1 === undefined) return undefined;
  return m2 === undefined || m2 === m1 ? m1 : undefined;
}

/**
 * Finds the first date expression in `s` (a dateline, a meta value, a record field) and returns it as
 * `YYYY-MM-DD`. A leading ISO timestamp ("2019-03-23T10:00:00+03:00", "2015-07-21 02:51:32") gives its
 * own calendar date, as the publisher wrote it. Returns undefined when no date is found or it is not a
 * real day (e.g. a Hijri year like 1440, a clash such as "تموز/أغسطس", 31 شباط).
 */
export function parseDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  return gregorianOf(withoutHijri(foldForDates(s)));
}

/** Folded text with its Hijri date blanked out, so "1440/08/25هـ" is not tried as a Gregorian date. */
function withoutHijri(t: string): string {
  const h = findHijri(t);
  return h ? t.slice(0, h.index) + ' '.repeat(h.length) + t.slice(h.index + h.length) : t;
}

function gregorianOf(t: string): string | undefined {
  let m = DAY_MONTH_YEAR.exec(t);
  if (m) {
    const month = agreedMonth(m[2], m[3]);
    if (month !== undefined) return isoDate(Number(m[4]), month, Number(m[1]));
  }
  m = MONTH_DAY_YEAR.exec(t);
  if (m) {
    const month = agreedMonth(m[1], m[2]);
    if (month !== undefined) return isoDate(Number(m[4]), month, Number(m[3]));
  }
  m = ISO_LIKE.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DMY_NUMERIC.exec(t);
  if (m) return dayFirst(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/** What a dateline says about the date, in both calendars. */
export interface DateReading {
  /** Gregorian `YYYY-MM-DD`: as printed, or converted from the Hijri date when only that was printed. */
  published?: string;
  /** The printed Hijri date, `YYYY-MM-DD` or `YYYY-MM`. */
  hijri?: string;
  note?: DateNote;
}

/**
 * Both calendars of a dateline. Gregorian alone → as printed. Hijri alone → converted with the Umm
 * al-Qura calendar and noted 'from-hijri' (a Hijri month without a day gives no Gregorian date).
 * Both → both kept; more than a day apart → noted 'calendars-disagree' (a day is the usual gap
 * between a sighted month and Umm al-Qura). Undefined when there is no date.
 */
export function readDates(s: string | undefined): DateReading | undefined {
  if (!s) return undefined;
  const t = foldForDates(s);
  const h = findHijri(t)?.parts;
  const g = gregorianOf(withoutHijri(t));
  if (!h) return g ? { published: g } : undefined;
  const hijri = hijriIso(h);
  const converted = hijriToGregorian(h);
  if (!g) return converted ? { published: converted, hijri, note: 'from-hijri' } : { hijri };
  return converted && Math.abs(daysBetween(g, converted)) > 1
    ? { published: g, hijri, note: 'calendars-disagree' }
    : { published: g, hijri };
}

/** Arabic writing puts the day first (23/3/2019); "3/23/2019" can only be month-first, so accept it too. */
function dayFirst(a: number, b: number, y: number): string | undefined {
  if (b > 12 && a <= 12) return isoDate(y, a, b);
  return isoDate(y, b, a);
}

/** True when the string names a month (any form above) or a weekday: a hint that a line is a dateline. */
export function mentionsCalendar(s: string): boolean {
  const t = foldForDates(s);
  return WEEKDAY.test(t) || MONTH_WORD.test(t) || findHijri(t) !== undefined;
}

// "أحد" alone means "one": a weekday needs its article or "يوم".
export const WEEKDAY =
  /(?<![\u0621-\u064a])(?:ال|يوم\s+(?:ال)?)(احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)(?![\u0621-\u064a])/;

// Words a dateline carries besides the date itself ("نشر في", "آخر تحديث", "بتوقيت", "الموافق").
const DATELINE_WORDS = new Set([
  'في',
  'نشر',
  'بتاريخ',
  'تاريخ',
  'النشر',
  'اخر',
  'تحديث',
  'التحديث',
  'بتوقيت',
  'الموافق',
  'عام',
  'سنه',
  'من',
  'شهر',
  'يوم',
  'م',
  'ه',
  'هـ',
  'ص',
  'صباحا',
  'مساء',
  'مساءا',
  'الساعه',
  'ساعه',
  'am',
  'pm',
  'gmt',
  'utc',
  'هجري',
  'هجريه',
  'للهجره',
  'ميلادي',
  'ميلاديه',
  'لعام',
  'الميلادي',
  'الهجري',
]);
const MONTH_TOKENS = new Set([...MONTH_BY_NAME.keys(), ...HIJRI_MONTH_TOKENS].flatMap((n) => n.split(' ')));

/**
 * How many words of `s` are neither date parts (numbers, month and weekday names) nor dateline words:
 * what is left for a place. A headline that merely contains a date leaves many more.
 */
export function nonDateWords(s: string): number {
  let n = 0;
  for (const w of foldForDates(s).split(/[^\p{L}\p{N}]+/u)) {
    if (!w || /^\d+$/.test(w) || MONTH_TOKENS.has(w) || DATELINE_WORDS.has(w) || WEEKDAY.test(w)) continue;
    if (/^[a-z]/.test(w) && MONTH_BY_NAME.has(w.slice(0, 3))) continue;
    n++;
  }
  return n;
}
