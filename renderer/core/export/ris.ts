/**
 * Bibliographic data as RIS (the tagged format every reference manager imports): one `TY  - NEWS`
 * record per article, CRLF line endings as the format's reference asks, `ER  - ` closing each record.
 */
import type { ArticleMeta } from '../model';
import { authorOf, detectLanguage } from './common';
import { parseIsoDate, partsOfTime, type DateParts } from './dates';

/** The records for all articles, in input order ('' for none). */
export function toRis(articles: readonly ArticleMeta[]): string {
  return articles.map(risRecord).join('');
}

/** One record; tags with no value are left out; newlines inside values become spaces. */
export function risRecord(a: ArticleMeta): string {
  const lines: [string, string | undefined][] = [
    ['TY', 'NEWS'],
    ['TI', a.title],
    ['T2', a.outlet],
    ['AU', authorOf(a)],
    ['PY', parseIsoDate(a.published)?.year.toString()],
    ['DA', risDate(parseIsoDate(a.published))],
    ['UR', a.url],
    ['Y2', risDate(partsOfTime(a.importedAt))],
    ['CY', a.place],
    ['LA', detectLanguage(a.title)],
    ['ID', a.id],
  ];
  const body = lines
    .filter(([, v]) => v?.trim())
    .map(([tag, v]) => `${tag}  - ${v!.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\r\n`)
    .join('');
  return `${body}ER  - \r\n`;
}

/** RIS dates are YYYY/MM/DD/ with empty parts kept ("2019//" for a year alone). */
function risDate(p: DateParts | undefined): string | undefined {
  if (!p) return undefined;
  const pad = (n: number | undefined) => (n ? String(n).padStart(2, '0') : '');
  return `${String(p.year).padStart(4, '0')}/${pad(p.month)}/${p.month ? pad(p.day) : ''}/`;
}
