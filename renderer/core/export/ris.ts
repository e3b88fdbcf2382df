/**
 * Bibliographic data as RIS (the tagged format every reference manager imports): one `TY  - NEWS`
 * record per article, CRLF line endings as the format's reference asks, `ER  - ` closing each record.
 *
 * The record uses the RIS tags that both Zotero's and citation-js's readers map for a news item:
 * `A1` (author) and `Y1` (full date `YYYY/MM/DD/`). The newer `AU`/`PY`/`DA` triple is read by
 * citation-js as a "reporter" and a bare year for `NEWS`, and any of `DA`, `PY` or `LA` switches it
 * to that reading, so none of them is written (the language stays in CSL-JSON). `KW` carries each
 * article tag and `N1` each note on the whole article.
 */
import type { Annotation, ArticleMeta } from '../model';
import { articleNotesById, articleTags, authorOf } from './common';
import { parseIsoDate, partsOfTime, type DateParts } from './dates';

/** The records for all articles, in input order ('' for none); `annotations` give the `N1` notes. */
export function toRis(articles: readonly ArticleMeta[], annotations: readonly Annotation[] = []): string {
  const notes = articleNotesById(annotations);
  return articles.map((a) => risRecord(a, notes.get(a.id) ?? [])).join('');
}

/** One record; tags with no value are left out; newlines inside values become spaces. */
export function risRecord(a: ArticleMeta, notes: readonly string[] = []): string {
  const lines: [string, string | undefined][] = [
    ['TY', 'NEWS'],
    ['TI', a.title],
    ['T2', a.outlet],
    ['A1', authorOf(a)],
    ['Y1', risDate(parseIsoDate(a.published))],
    ['UR', a.url],
    ['Y2', risDate(partsOfTime(a.importedAt))],
    ['CY', a.place],
    ...articleTags(a).map((t): [string, string] => ['KW', t]),
    ...notes.map((n): [string, string] => ['N1', n]),
    ['ID', a.id],
  ];
  const body = lines
    .filter(([, v]) => v?.trim())
    .map(([tag, v]) => `${tag}  - ${v!.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\r\n`)
    .join('');
  return `${body}ER  - \r\n`;
}

/** RIS dates are YYYY/MM/DD/ with empty parts kept ("2019///" for a year alone). */
export function risDate(p: DateParts | undefined): string | undefined {
  if (!p) return undefined;
  const pad = (n: number | undefined) => (n ? String(n).padStart(2, '0') : '');
  return `${String(p.year).padStart(4, '0')}/${pad(p.month)}/${p.month ? pad(p.day) : ''}/`;
}
