/**
 * Isolates only where they are needed. A field wrapped in FSI…PDI (U+2068/U+2069) keeps a Latin run
 * or a URL inside an Arabic line (and the reverse) from pulling the separators and its neighbours
 * into its own direction; but the marks are invisible characters that plain-text tools keep, so a
 * field whose letters all run the surrounding direction (a pure Arabic title in an Arabic citation,
 * a date, a number) is left bare.
 */
import { FSI, PDI } from './escape';

export type Dir = 'rtl' | 'ltr';

// Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo and the Arabic presentation forms.
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
// Strong left-to-right letters: any letter outside the right-to-left blocks.
const LTR = /(?![\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc])\p{L}/u;

/** True when `value` holds a strong letter running against `surrounding`. */
export function runsAgainst(value: string, surrounding: Dir): boolean {
  return surrounding === 'rtl' ? LTR.test(value) : RTL.test(value);
}

/** `value` in FSI…PDI when some of its letters run against `surrounding`; unchanged otherwise. */
export function isolateIfNeeded(value: string, surrounding: Dir): string {
  return value && runsAgainst(value, surrounding) ? FSI + value + PDI : value;
}

/** The direction of text written in an export language. */
export function dirOfLang(lang: 'ar' | 'en'): Dir {
  return lang === 'ar' ? 'rtl' : 'ltr';
}
