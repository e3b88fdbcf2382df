/**
 * Classifies the first lines of a news text file: outlet, title, byline/source, dateline, labelled
 * fields ("المصدر: …") and a URL. Conservative by design: a line is an outlet or a byline only when it
 * says so by a keyword or a printed convention, because a wrong outlet misfiles the article.
 */
import type { DateNote } from '../model';
import { foldForDates, mentionsCalendar, nonDateWords, readDates, WEEKDAY } from './dates';

export type LineKind = 'outlet' | 'title' | 'byline' | 'dateline' | 'label' | 'url' | 'plain';

export interface HeaderFields {
  outlet?: string;
  title?: string;
  byline?: string;
  author?: string;
  place?: string;
  published?: string;
  publishedHijri?: string;
  dateNote?: DateNote;
  /** The source agency a credit line or an agency byline names. */
  agency?: string;
  url?: string;
}

/** Sets the date fields from a dateline once (the first dateline wins); false when `s` holds no date. */
export function applyDates(s: string | undefined, f: HeaderFields): boolean {
  const r = readDates(s);
  if (!r || f.published || f.publishedHijri) return !!r;
  if (r.published) f.published = r.published;
  if (r.hijri) f.publishedHijri = r.hijri;
  if (r.note) f.dateNote = r.note;
  return true;
}

const OUTLET_WORDS =
  /(?:^|\s)(?:قناة|قناه|صحيفة|صحيفه|جريدة|جريده|وكالة|وكاله|موقع|شبكة|شبكه|مجلة|مجله|تلفزيون|التلفزيون|إذاعة|اذاعة|راديو|فضائية|الفضائية|نيوز|بوابة|أونلاين|اونلاين|الإخبارية|الاخبارية|الإخباري|الاخباري|كوم|نت|تيفي|ميديا|بوست|تايمز|برس)(?:\s|$)|\b(?:news|tv|online|times|post|daily|press|radio)\b|\.(?:com|net|org|info)\b/i;
const AGENCIES =
  /(?<!\p{L})(?:رويترز|فرانس برس|فرانس بريس|أ ?ف ?ب|أ\.ف\.ب|الأناضول|الاناضول|د ?ب ?أ|أسوشيتد برس|اسوشيتد برس|يونايتد برس|سانا|واس|وام|قنا|كونا|بترا|شينخوا|وكالات|CNN|BBC|AFP|Reuters|AP)(?!\p{L})/u;
const BYLINE_LEAD =
  /(?:^|\/\s*)(?:إعداد|اعداد|تقرير|ترجمة|متابعة|المصدر|نقلا عن|نقلاً عن|مراسل|مراسلة|مراسلنا|خاص|حوار|وكالات)(?:\s|:|$)/;
const AUTHOR_LEAD_WORD = /^(?:بقلم|كتب|كتبت|كتبه|بواسطة)(?:\s|:)/;
const AUTHOR_LEAD = /^(?:بقلم|كتب|كتبت|كتبه|بواسطة)\s*:?\s*/;
const LABEL =
  /^(العنوان|عنوان المقال|عنوان الخبر|المصدر|الصحيفة|الجريدة|الموقع|الوسيلة|القناة|الكاتب|الكاتبة|بقلم|المحرر|التاريخ|تاريخ النشر|نشر بتاريخ|الرابط|رابط المقال|رابط الخبر|المكان|title|source|author|date|url|link)\s*[:：]\s*(\S.*)$/i;
const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;
const HEADLINE_WORDS = /(?:^|\s)(?:في|من|على|إلى|الى|عن|مع|بعد|قبل|حول|ضد|لا|لم|لن)(?:\s|$)|[:"«»؟?!]/;

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** A bare line the writer ended like a sentence of the body (long, with a full stop). */
export function looksLikeBody(s: string): boolean {
  const w = words(s);
  return s.length > 300 || w > 40 || (/[.。]$/.test(s) && w > 15);
}

/** A dateline: a short line with a readable date and at most a place (≤ 3 words) beside it. */
export function isDateline(s: string): boolean {
  return s.length <= 120 && words(s) <= 18 && nonDateWords(s) <= 3 && readDates(s) !== undefined;
}

/** A byline/source line, by a printed convention: trailing "/", a lead word, brackets, or a bare agency. */
export function isByline(s: string): boolean {
  if (s.length > 100 || words(s) > 12) return false;
  if (/\/$/.test(s) && words(s) >= 1) return true;
  // "كتب" is also "books": without a colon only a name-length line counts.
  if (AUTHOR_LEAD_WORD.test(s) && (/^(?:بقلم|بواسطة)|^\S+\s*:/.test(s) ? words(s) <= 7 : words(s) <= 4)) return true;
  // "تقرير: …" and "خاص: …" also open headlines: only a short line is a byline.
  if (BYLINE_LEAD.test(s) && words(s) <= 5) return true;
  // "(أ ف ب)", "(خاص)" — but not a headline that happens to sit in brackets.
  const inner = /^[([]([^()[\]]{2,60})[)\]]$/.exec(s)?.[1]?.trim();
  if (inner) return isAgency(inner) || BYLINE_LEAD.test(inner) || AUTHOR_LEAD_WORD.test(inner);
  return words(s) <= 5 && AGENCIES.test(s) && !HEADLINE_WORDS.test(s.replace(/:/g, ''));
}

/** The first line as an outlet name: short, no headline words, and an outlet keyword (قناة, صحيفة, …). */
export function isOutletByName(s: string): boolean {
  return s.length <= 50 && words(s) <= 6 && !/[.!?؟]$/.test(s) && OUTLET_WORDS.test(s) && !HEADLINE_WORDS.test(s);
}

/** True when `s` names a news agency or the "agencies" desk (رويترز, أ ف ب, سانا, وكالات, …). */
export function isAgency(s: string): boolean {
  return s.split(/\s+/).length <= 4 && AGENCIES.test(s);
}

/** A short first line that could only be a name (no verbs-with-prepositions, no quotes or colon). */
export function couldBeOutlet(s: string): boolean {
  return s.length <= 30 && words(s) <= 3 && !HEADLINE_WORDS.test(s) && !/\d/.test(s);
}

/** Which kind of header line `s` is, outlet aside (that depends on position). */
export function classify(s: string): LineKind {
  if (URL_LINE.test(s)) return 'url';
  if (LABEL.test(s)) return 'label';
  if (isDateline(s)) return 'dateline';
  if (isByline(s)) return 'byline';
  return 'plain';
}

// "دمشق - سانا", "بغداد / متابعة": a place, then the agency or desk.
const PLACE_AGENCY = /^(\p{L}+(?: \p{L}+)?)\s*[-–—/]\s*(?:متابعة|خاص|وكالات|مراسلنا|\S+)$/u;

/** The place in a "place - agency" byline, when the right side is a known agency or desk word. */
export function placeOfByline(byline: string): string | undefined {
  const m = PLACE_AGENCY.exec(byline);
  if (!m) return undefined;
  const right = byline.slice(byline.search(/[-–—/]/) + 1).trim();
  return AGENCIES.test(right) || /^(?:متابعة|خاص|وكالات|مراسلنا)$/.test(right) ? m[1] : undefined;
}

/** Byline as printed, without the trailing "/" or the surrounding brackets. */
export function cleanByline(s: string): string {
  return s
    .replace(/\s*\/\s*$/, '')
    .replace(/^[([]\s*(.*?)\s*[)\]]$/, '$1')
    .trim();
}

/** The author's name when the byline says "بقلم: …" or "كتب …", else undefined. */
export function authorOf(byline: string): string | undefined {
  if (!AUTHOR_LEAD.test(byline)) return undefined;
  const name = byline.replace(AUTHOR_LEAD, '').trim();
  return name && words(name) <= 6 ? name : undefined;
}

/** Place named before the date on a dateline ("دمشق - الأحد 23 آذار 2019" → "دمشق"), else undefined. */
export function placeOf(dateline: string): string | undefined {
  const first = dateline.split(/\s*[-–—،,|:]\s*|\s+في\s+/)[0]?.trim() ?? '';
  if (!first || first === dateline.trim() || /\d/.test(first) || words(first) > 3) return undefined;
  const folded = foldForDates(first);
  if (WEEKDAY.test(folded) || mentionsCalendar(first) || /^(?:نشر|تاريخ|بتاريخ|اخر تحديث|تحديث|منذ|اليوم)/.test(folded))
    return undefined;
  return first;
}

/** Applies a labelled line ("المصدر: الجزيرة") to the fields; returns false for an unknown label. */
export function applyLabel(s: string, f: HeaderFields): boolean {
  const m = LABEL.exec(s);
  if (!m) return false;
  const key = m[1]!.toLowerCase();
  const value = m[2]!.trim();
  if (/^(?:العنوان|عنوان|title)/.test(key)) f.title ??= value;
  else if (/^(?:المصدر|الصحيفة|الجريدة|الموقع|الوسيلة|القناة|source)$/.test(key)) f.outlet ??= value;
  else if (/^(?:الكاتب|الكاتبة|بقلم|المحرر|author)$/.test(key)) {
    f.author ??= value;
    f.byline ??= value;
  } else if (/^(?:التاريخ|تاريخ النشر|نشر بتاريخ|date)$/.test(key)) applyDates(value, f);
  else if (/^(?:الرابط|رابط|url|link)/.test(key)) f.url ??= value;
  else if (key === 'المكان') f.place ??= value;
  return true;
}

// Outlet keywords say nothing about which outlet: two names sharing only "قناة" are not the same.
const GENERIC = new Set([
  'قناه',
  'صحيفه',
  'جريده',
  'وكاله',
  'موقع',
  'شبكه',
  'مجله',
  'تلفزيون',
  'التلفزيون',
  'اذاعه',
  'راديو',
  'فضائيه',
  'الفضائيه',
  'نيوز',
  'بوابه',
  'اونلاين',
  'الاخباريه',
  'الاخباري',
  'كوم',
  'نت',
  'تيفي',
  'ميديا',
  'بوست',
  'تايمز',
  'برس',
  'الانباء',
  'انباء',
]);

/** True when two names share a distinctive word ("قناة عشتار الفضائية" and "عشتار تيفي كوم"). */
export function sharesName(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const bag = (x: string) =>
    foldForDates(x)
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length >= 3 && !GENERIC.has(w));
  const left = new Set(bag(a));
  return bag(b).some((w) => left.has(w));
}

/** A short name: at most four words, no digits, no headline words or sentence punctuation. */
function nameLike(s: string): boolean {
  return (
    s.length >= 2 && s.length <= 40 && words(s) <= 4 && !/\d/.test(s) && !HEADLINE_WORDS.test(s) && !/[.!?؟،,]/.test(s)
  );
}

/**
 * A credit line "site - source" ("عشتار تيفي كوم - الجزيرة"): the left side is the publishing site
 * when it reads as an outlet (an outlet keyword, or a distinctive word of the outlet line above it),
 * the right side the original source. Undefined when the line is not two short names, or when the
 * left side may as well be a place ("دمشق - سانا", handled by placeOfByline).
 */
export function creditOf(byline: string, outletLine?: string): { outlet: string; agency: string } | undefined {
  const m = /^(.+?)\s+[-–—|/]\s+(.+)$/.exec(byline) ?? /^(.+?)\s*[|]\s*(.+)$/.exec(byline);
  if (!m) return undefined;
  const left = m[1]!.trim();
  const right = m[2]!.trim();
  if (!nameLike(left) || !nameLike(right) || /^(?:متابعة|خاص|مراسلنا)$/.test(right)) return undefined;
  return isOutletByName(left) || sharesName(left, outletLine) ? { outlet: left, agency: right } : undefined;
}

/** The agency a byline names on its own ("رويترز", "أ ف ب") or after a place ("دمشق - سانا"). */
export function agencyOfByline(byline: string): string | undefined {
  if (isAgency(byline) && nameLike(byline)) return byline;
  const right = byline
    .split(/\s+[-–—/]\s+|\s*\/\s*/)
    .pop()
    ?.trim();
  return right && right !== byline && isAgency(right) ? right : undefined;
}
