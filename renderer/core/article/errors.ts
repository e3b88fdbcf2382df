/**
 * The one error type import parsers throw. `reason` is a plain English sentence fit for the import
 * report; `code` lets the UI pick its own (e.g. Arabic) wording.
 */
export type ImportErrorCode =
  | 'empty' // nothing but whitespace
  | 'binary' // bytes that are not text
  | 'unsupported' // a file type Warraq does not read
  | 'malformed' // the structure is broken beyond use (e.g. an .mhtml without parts)
  | 'no-text' // the file parsed, but holds no article text
  | 'too-large' // over the size Warraq imports (core/article/limits.ts)
  | 'too-deep'; // a web page nested too deep to extract (core/article/limits.ts)

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'ImportError';
  }
}

/** True for an ImportError (also across realms/bundles, where `instanceof` can fail). */
export function isImportError(e: unknown): e is ImportError {
  return (
    e instanceof ImportError ||
    (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'ImportError')
  );
}
