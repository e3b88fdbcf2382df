/**
 * CSV archives with a header row, chunk-fed, parsed by papaparse's own chunk parser (quotes, doubled
 * quotes, commas and newlines inside quoted fields). Header names use the same aliases as JSON Lines.
 */
import Papa from 'papaparse/papaparse.min.js';
import { recordToArticle, type RecordResult } from './records';

/** Quote errors recovered from one by one; past this many the file is read as papaparse parses it. */
const MAX_QUOTE_ERRORS = 1000;

/**
 * Bounds on one row still waiting for its end (issue 13): an unclosed quote would otherwise hold the rest
 * of the file in memory. A row over MAX_ROW_CHARS characters, or a quoted field running over
 * MAX_ROW_LINES physical lines, is reported and skipped, and parsing resumes on the next physical line
 * (see docs/decisions/import-limits.md).
 */
export const MAX_ROW_CHARS = 16 * 1024 * 1024;
export const MAX_ROW_LINES = 10_000;
/** Below this, a waiting row is parsed again with every chunk; above, only once the input has doubled. */
const REPARSE_CHARS = 1024 * 1024;

/**
 * Feeds CSV text chunk by chunk. `line` in results is the record's row number counting the header as
 * row 1 (what a spreadsheet shows), not a physical line: quoted fields may span lines.
 */
export class CsvRecordReader {
  private parser?: InstanceType<typeof Papa.Parser>;
  private partial = '';
  private header?: string[];
  private row = 0;
  private newline: '\n' | '\r' | '\r\n' = '\n';
  private quoteErrors = 0;
  /** Chunks not parsed yet: a long waiting row is parsed again only when the input has doubled. */
  private waiting: string[] = [];
  private waitingChars = 0;
  /** After an over-long row without a line end: input is dropped up to the next line end. */
  private skipLine = false;

  constructor(
    private readonly name?: string,
    private readonly delimiter = ',',
    private readonly limits = { chars: MAX_ROW_CHARS, lines: MAX_ROW_LINES },
  ) {}

  /** Records completed by this chunk (the last, possibly cut, row waits for the next chunk). */
  push(chunk: string): RecordResult[] {
    if (this.skipLine) {
      const eol = chunk.search(/\r\n|\r|\n/);
      if (eol < 0) return [];
      this.skipLine = false;
      chunk = chunk.slice(eol).replace(/^(\r\n|\r|\n)/, '');
    }
    this.waiting.push(chunk);
    this.waitingChars += chunk.length;
    // Parsing a waiting row again with every 64 KiB chunk would cost the square of its length.
    const held = this.partial.length + this.waitingChars;
    if (this.partial.length > REPARSE_CHARS && this.waitingChars < this.partial.length && held <= this.limits.chars)
      return [];
    return this.run(this.partial + this.take(), false);
  }

  /** The remaining records at the end of the stream. */
  end(): RecordResult[] {
    return this.run(this.partial + this.take(), true);
  }

  private take(): string {
    const s = this.waiting.join('');
    this.waiting = [];
    this.waitingChars = 0;
    return s;
  }

  /** Why the waiting row is over a bound, or undefined. */
  private overBound(rest: string): string | undefined {
    if (rest.length > this.limits.chars)
      return `it runs over ${Math.round(this.limits.chars / (1024 * 1024))} million characters without ending (a quoted field is probably never closed)`;
    let lines = 0;
    for (let at = rest.indexOf('\n'); at >= 0; at = rest.indexOf('\n', at + 1)) {
      if (++lines > this.limits.lines) return `a quoted field runs over ${this.limits.lines} lines without closing`;
    }
    if (this.newline === '\r') {
      for (let at = rest.indexOf('\r'); at >= 0; at = rest.indexOf('\r', at + 1)) {
        if (++lines > this.limits.lines) return `a quoted field runs over ${this.limits.lines} lines without closing`;
      }
    }
    return undefined;
  }

  private run(input: string, last: boolean): RecordResult[] {
    if (!input) return [];
    if (!this.parser) {
      // papaparse's raw parser needs the line ending: wait for the first complete one.
      const nl = /\r\n|\r(?=[^\n])|\n/.exec(input);
      if (!nl && !last) {
        this.partial = input;
        return [];
      }
      this.newline = (nl?.[0] ?? '\n') as '\n' | '\r' | '\r\n';
      this.parser = new Papa.Parser({ delimiter: this.delimiter, newline: this.newline });
    }
    const out: RecordResult[] = [];
    let text = input;
    for (;;) {
      const res = this.parser.parse(text, 0, !last);
      // A quote error (unclosed, or a quote inside an unquoted field) is never guessed around: the rows
      // before it are taken, its row is reported, and parsing resumes on the next physical line.
      // Mid-stream, an error in the row still waiting for its end (dropped from data) may be a chunk cut.
      const bad = res.errors.find((e) => e.type === 'Quotes' && (last || (e.row ?? 0) < res.data.length));
      if (!bad || this.quoteErrors >= MAX_QUOTE_ERRORS) {
        for (const cells of res.data) out.push(...this.toResult(cells));
        const rest = last ? '' : text.slice(res.meta.cursor);
        const over = rest && this.overBound(rest);
        if (!over) {
          this.partial = rest;
          return out;
        }
        // The waiting row is over a bound: reported and skipped; the rows after it are read again.
        this.row++;
        out.push({
          ok: false,
          code: 'csv-quote',
          line: this.row,
          reason: `Row ${this.row}: ${over}; the row was skipped.`,
        });
        const eol = rest.indexOf(this.newline);
        this.partial = '';
        if (eol < 0) {
          this.skipLine = true;
          return out;
        }
        text = rest.slice(eol + this.newline.length);
        if (!text) return out;
        continue;
      }
      const row = Math.min(bad.row ?? 0, res.data.length);
      for (const cells of res.data.slice(0, row)) out.push(...this.toResult(cells));
      this.row++;
      this.quoteErrors++;
      const more =
        this.quoteErrors >= MAX_QUOTE_ERRORS
          ? ` More than ${MAX_QUOTE_ERRORS} rows have broken quotes; the rest of the file is read as it comes.`
          : '';
      out.push({
        ok: false,
        code: 'csv-quote',
        line: this.row,
        reason: `Row ${this.row}: ${bad.code === 'MissingQuotes' ? 'a quoted field is never closed' : 'a quote is misplaced in a field'}; the row was skipped.${more}`,
      });
      const eol = text.indexOf(this.newline, Math.max(0, bad.index ?? 0));
      if (eol < 0) {
        this.partial = '';
        return out;
      }
      text = text.slice(eol + this.newline.length);
      if (!text) {
        this.partial = '';
        return out;
      }
    }
  }

  private toResult(cells: string[]): RecordResult[] {
    this.row++;
    if (cells.length === 1 && cells[0]!.trim() === '') return [];
    if (!this.header) {
      this.header = cells.map((c) => c.replace(/^\ufeff/, '').trim());
      return [];
    }
    if (cells.length !== this.header.length) {
      const reason = `Row ${this.row} has ${cells.length} cells where the header has ${this.header.length}; the row was skipped.`;
      return [{ ok: false, code: 'csv-cells', line: this.row, reason }];
    }
    const rec: Record<string, unknown> = {};
    this.header.forEach((h, i) => {
      rec[h] = cells[i] ?? '';
    });
    const a = recordToArticle(rec, 'csv', this.name);
    return [
      typeof a === 'string'
        ? { ok: false, line: this.row, reason: `Row ${this.row}: ${a}` }
        : { ok: true, line: this.row, article: a },
    ];
  }
}
