/**
 * The one papaparse API core uses: its low-level chunk parser (what papaparse's own streamers drive).
 * Imported by file path, 'papaparse/papaparse.min.js': @types/papaparse references Node's types
 * (`/// <reference types="node" />`, stream.Duplex), which would leak Node globals into core's no-Node
 * compile; and the unminified papaparse.js calls require('stream'), which esbuild cannot bundle for a
 * browser worker (the package's own "browser" entry is this minified file).
 */
declare module 'papaparse/papaparse.min.js' {
  interface PapaRawParser {
    /**
     * Parses `input`; with `ignoreLastRow` the last (possibly incomplete) row is left out and
     * `meta.cursor` points at its start (baseIndex is added to cursor).
     */
    parse(
      input: string,
      baseIndex: number,
      ignoreLastRow: boolean,
    ): {
      data: string[][];
      errors: Array<{ type: string; code: string; message: string; row?: number; index?: number }>;
      meta: { cursor: number };
    };
  }
  const Papa: {
    Parser: new (config: { delimiter?: string; newline?: '\n' | '\r' | '\r\n'; quoteChar?: string }) => PapaRawParser;
  };
  export default Papa;
}
