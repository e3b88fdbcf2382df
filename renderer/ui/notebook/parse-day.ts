/**
 * Typed dates for the notebook's date filter: day/month/year in Latin, Arabic-Indic or Persian digits
 * (25/3/2024, ٢٥/٣/٢٠٢٤, 25-03-2024, 25.3.2024) or ISO (2024-03-25), to `YYYY-MM-DD`; and back, in the
 * interface's digits. Replaces the native date input, which shows mm/dd/yyyy whatever the language.
 */

const DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

function latinDigits(s: string): string {
  return s.replace(DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** `YYYY-MM-DD` for a valid typed date; undefined for an invalid one; '' for an empty field. */
export function parseDay(input: string): string | undefined {
  const s = latinDigits(input.trim()).replace(/[\u200e\u200f\u061c]/g, '');
  if (!s) return '';
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})[-/.\s](\d{1,2})[-/.\s](\d{4})$/.exec(s);
  const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !mo || !d) return undefined;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` as day/month/year, in Arabic-Indic digits when `arabic`. */
export function formatDay(iso: string | undefined, arabic: boolean): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  const s = `${d}/${m}/${y}`;
  return arabic ? s.replace(/\d/g, (c) => String.fromCharCode(0x0660 + Number(c))) : s;
}
