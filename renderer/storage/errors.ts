/**
 * Storage failures as the user should read them. Dexie/IndexedDB errors carry a `name`
 * (QuotaExceededError, DatabaseClosedError, …); we map the ones a user can act on.
 */
export type StorageProblem = 'quota' | 'closed' | 'blocked' | 'version' | 'unknown';

export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
    this.name = 'StorageError';
  }
}

/** Classifies any thrown value; never throws. */
export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const err = e as { name?: string; message?: string; inner?: { name?: string } } | undefined;
  const names = [err?.name, err?.inner?.name].filter(Boolean).join(' ');
  const detail = err?.message ?? String(e);
  if (/Quota/i.test(names) || /quota/i.test(detail)) return new StorageError('quota', detail);
  if (/DatabaseClosed|InvalidState/i.test(names)) return new StorageError('closed', detail);
  if (/Blocked/i.test(names)) return new StorageError('blocked', detail);
  if (/Version/i.test(names)) return new StorageError('version', detail);
  return new StorageError('unknown', detail);
}

/** Runs `fn`, rethrowing any failure as a StorageError. */
export async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toStorageError(e);
  }
}
