/**
 * CSV archives with a header row, chunk-fed, parsed by papaparse's own chunk parser (quotes, doubled
 * quotes, commas and newlines inside quoted fields). Header names use the same aliases as JSON Lines.
 */
import Papa from 'papaparse/papaparse.min.js';
import { recordToArticle, type RecordResult } from './records';

/**
 * Feeds CSV text chunk by chunk. `line` in results is the record's row number counting the header as
 * row 1 (what a spreadsheet shows), not a physical line: quoted fields may span lines.
 */
export class CsvRecordReader {
  private parser?: InstanceType<typeof Papa.Parser>;
  private partial = '';
  private header?: string[];
  private row = 0;

  constructor(private readonly name?: string, private readonly delimiter = ',') {}

  /** Records completed by this chunk (the last, possibly cut, row waits for the next chunk). */
  push(chunk: string): RecordResult[] {
    return this.run(this.partial + chunk, false);
  }

  /** The remaining records at the end of the stream. */
  end(): RecordResult[] {
    return this.run(this.partial, true);
  }

  private run(input: string, last: boolean): RecordResult[] {
    if (!input) return [];
    if (!this.parser) {
      // papaparse's raw parser needs the line ending: wait for the first complete one.
      const nl = /\r\n|\r(?=[^\n])|\n/.exec(input);
      if (!nl && !last) { this.partial = input; return []; }
      this.parser = new Papa.Parser({ delimiter: this.delimiter, newline: (nl?.[0] ?? '\n') as '\n' | '\r' | '\r\n' });
    }
    const res = this.parser.parse(input, 0, !last);
    this.partial = last ? '' : input.slice(res.meta.cursor);
    const out: RecordResult[] = [];
    for (const cells of res.data) out.push(...this.toResult(cells));
    return out;
  }

  private toResult(cells: string[]): RecordResult[] {
    this.row++;
    if (cells.length === 1 && cells[0]!.trim() === '') return [];
    if (!this.header) {
      this.header = cells.map((c) => c.replace(/^\ufeff/, '').trim());
      return [];
    }
    const rec: Record<string, unknown> = {};
    this.header.forEach((h, i) => { rec[h] = cells[i] ?? ''; });
    const a = recordToArticle(rec, 'csv', this.name);
    return [typeof a === 'string' ? { ok: false, line: this.row, reason: `Row ${this.row}: ${a}` } : { ok: true, line: this.row, article: a }];
  }
}
