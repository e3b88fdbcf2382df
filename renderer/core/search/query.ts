/**
 * The query language, parsed into a plan the engine runs on lunr:
 *   words            all required, ranked (stop words only rank)
 *   "exact phrase"   consecutive words (folded unless strict)
 *   prefix*          any word starting with the prefix
 *   -word  -"a b"    exclude
 *   a OR b           either (binds the neighbouring items; OR between phrases too)
 *   title:word  title:"a b"   only in titles
 *   source:okaz      outlet filter (several source: items are alternatives)
 *   date:2015-07-01..2015-08-15   date:2015-07   date:2015
 *   date:1440-08   date:1440-08-01..1440-09-29   (a year from 1300 to 1500 is Hijri, Umm al-Qura)
 *   after:2015-07-01 (on or after)   before:2015-08-01 (strictly before)
 */

import { hijriBound } from '../article/hijri';

export type TermKind = 'word' | 'prefix' | 'phrase';

export interface QueryTerm {
  kind: TermKind;
  /** As typed (without quotes, `*`, `-` or field). */
  text: string;
  /** Only in this field; both fields when absent. */
  field?: 'title';
}

export interface ParsedQuery {
  /** Every group is required; the terms inside a group are alternatives (OR). */
  groups: QueryTerm[][];
  excluded: QueryTerm[];
  sources: string[];
  /** Inclusive yyyymmdd bounds, 0 = open. */
  dateFrom: number;
  dateTo: number;
  warnings: string[];
}

interface Item {
  term?: QueryTerm;
  negate: boolean;
  or: boolean;
}

const RAW = /(-?)(?:(\p{L}+):)?(?:"([^"]*)"?|(\S+))/gu;

/** Parses a query string; never throws — problems become `warnings` (e.g. an unclosed quote). */
export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { groups: [], excluded: [], sources: [], dateFrom: 0, dateTo: 0, warnings: [] };
  if ((input.match(/"/g)?.length ?? 0) % 2 === 1) q.warnings.push('unclosed-quote');
  const items: Item[] = [];
  for (const m of input.matchAll(RAW)) {
    const [, minus, field, quoted, bare] = m;
    const negate = minus === '-';
    if (quoted === undefined && bare === 'OR' && !field && !negate) {
      items.push({ negate: false, or: true });
      continue;
    }
    const term = field ? applyField(q, field.toLowerCase(), quoted ?? bare ?? '') : makeTerm(quoted, bare);
    if (term === 'filter') continue;
    if (term) items.push({ term, negate, or: false });
  }
  groupItems(items, q);
  return q;
}

function makeTerm(quoted: string | undefined, bare: string | undefined): QueryTerm | null {
  if (quoted !== undefined) return quoted.trim() ? { kind: 'phrase', text: quoted.trim() } : null;
  const text = bare ?? '';
  if (text.endsWith('*') && text.length > 1) return { kind: 'prefix', text: text.replace(/\*+$/, '') };
  return text.replace(/\*+/g, '') ? { kind: 'word', text: text.replace(/\*+/g, '') } : null;
}

function applyField(q: ParsedQuery, field: string, value: string): QueryTerm | 'filter' | null {
  switch (field) {
    case 'title': {
      const t = makeTerm(value.includes(' ') ? value : undefined, value.includes(' ') ? undefined : value);
      return t ? { ...t, field: 'title' } : null;
    }
    case 'source':
      if (value) q.sources.push(value.toLowerCase());
      return 'filter';
    case 'date': {
      const [from, to] = value.split('..');
      const a = dayBound(from ?? '', false);
      const b = dayBound(to ?? from ?? '', true);
      if (from && a === null) q.warnings.push(`bad-date:${value}`);
      q.dateFrom = a ?? q.dateFrom;
      q.dateTo = b ?? q.dateTo;
      return 'filter';
    }
    case 'after':
    case 'before': {
      const d = dayBound(value, false);
      if (d === null) q.warnings.push(`bad-date:${value}`);
      else if (field === 'after') q.dateFrom = d;
      else q.dateTo = previousDay(d);
      return 'filter';
    }
    default:
      // Not a field we know (e.g. a URL-ish "http:"): search the whole thing as words.
      return makeTerm(undefined, `${field}:${value}`);
  }
}

/** yyyymmdd of `2015`, `2015-07` or `2015-07-01`: the first day, or the last when `end`. */
function dayBound(s: string, end: boolean): number | null {
  const digits = s.trim().replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (c) => String(c.charCodeAt(0) & 0xf));
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(digits);
  if (!m) return null;
  const y = Number(m[1]);
  // A Hijri year (1300–1500 AH, i.e. 1882–2077): its first or last day, converted with Umm al-Qura.
  if (y >= 1300 && y <= 1500) {
    const iso = hijriBound(y, m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined, end);
    return iso ? Number(iso.replace(/-/g, '')) : null;
  }
  const mo = m[2] ? Number(m[2]) : end ? 12 : 1;
  const d = m[3] ? Number(m[3]) : end ? 31 : 1;
  return y * 10000 + mo * 100 + d;
}

function previousDay(key: number): number {
  const y = Math.floor(key / 10000);
  const m = Math.floor(key / 100) % 100;
  const d = key % 100;
  const t = new Date(Date.UTC(y, m - 1, d) - 86_400_000);
  return t.getUTCFullYear() * 10000 + (t.getUTCMonth() + 1) * 100 + t.getUTCDate();
}

function groupItems(items: Item[], q: ParsedQuery): void {
  let pendingOr = false;
  for (const it of items) {
    if (it.or) {
      pendingOr = q.groups.length > 0;
      continue;
    }
    const term = it.term!;
    if (it.negate) q.excluded.push(term);
    else if (pendingOr) q.groups[q.groups.length - 1]!.push(term);
    else q.groups.push([term]);
    pendingOr = false;
  }
}
