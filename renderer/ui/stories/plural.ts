/**
 * Plural-aware strings: Arabic has six plural forms (zero, one, two, few 3–10, many 11–99, other), so a
 * counted phrase is a family of keys `<base>.<category>`; a missing category falls back to `<base>.other`.
 */
import { language, t } from '../strings/i18n';

const rules = new Map<string, Intl.PluralRules>();

export function tCount(base: string, count: number, params: Record<string, string | number> = {}): string {
  const lang = language();
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  const key = `${base}.${r.select(count)}`;
  const s = t(key, { count, ...params });
  return s === key ? t(`${base}.other`, { count, ...params }) : s;
}
