/**
 * Applies a verified backup to the library so that a cancel or crash leaves it as it was (see
 * storage/backup-repo.ts for the journal): every chunk is staged in its own transaction (only rows
 * whose key is missing are added, and journalled), then one commit transaction makes it final.
 *
 * - merge: commit only drops the journal. Existing rows always win, so nothing already in the library
 *   changes and nothing is duplicated (articles are keyed by content hash, the rest by their ids).
 * - replace: while staging, rows whose key exists with a different value are kept aside (in memory:
 *   in practice a few metas, notes and settings; texts with the same hash id are nearly always equal)
 *   and the commit transaction deletes every row the backup lacks and writes those rows.
 *
 * A cancel (AbortSignal) or a failure before the commit rolls the staged chunks back.
 */
import { BACKUP_TABLES, BackupRepo, type BackupTable, type ReplacePlan } from '../storage/backup-repo';

export type RestoreMode = 'merge' | 'replace';

/** A chunk of rows for one table, as read back from a verified backup. */
export interface RecordChunk {
  table: BackupTable;
  rows: Record<string, unknown>[];
}

export interface ApplyResult {
  /** Rows added per table. */
  added: Record<BackupTable, number>;
  /** Rows that were already there (merge: kept as they were; replace: overwritten when different). */
  existing: Record<BackupTable, number>;
  deleted: number;
  overwritten: number;
  /** Ids of the articles the backup holds. */
  articleIds: string[];
  /** Merge: the library's own articles whose metas took in the backup's editions or corrections. */
  updated: string[];
}

export class RestoreCancelled extends Error {
  constructor() {
    super('restore cancelled');
    this.name = 'RestoreCancelled';
  }
}

const zero = (): Record<BackupTable, number> =>
  Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as Record<BackupTable, number>;

/**
 * Stages then commits `chunks`. `onRecords(n)` reports rows handled so far. Rejects with
 * RestoreCancelled when `signal` aborts, or with the storage error; in both cases after rolling back.
 */
export async function applyBackup(
  repo: BackupRepo,
  chunks: AsyncIterable<RecordChunk>,
  mode: RestoreMode,
  options: { signal?: AbortSignal; onRecords?: (n: number) => void; run?: string } = {},
): Promise<ApplyResult> {
  const run = options.run ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const result: ApplyResult = {
    added: zero(),
    existing: zero(),
    deleted: 0,
    overwritten: 0,
    articleIds: [],
    updated: [],
  };
  const plan: ReplacePlan | undefined =
    mode === 'replace'
      ? {
          keep: Object.fromEntries(BACKUP_TABLES.map((t) => [t, new Set<string>()])) as ReplacePlan['keep'],
          overwrite: Object.fromEntries(BACKUP_TABLES.map((t) => [t, []])) as unknown as ReplacePlan['overwrite'],
        }
      : undefined;
  let seq = 0;
  let handled = 0;
  try {
    for await (const chunk of chunks) {
      if (options.signal?.aborted) throw new RestoreCancelled();
      await stage(repo, run, seq++, chunk, result, plan);
      handled += chunk.rows.length;
      options.onRecords?.(handled);
    }
    if (options.signal?.aborted) throw new RestoreCancelled();
    const done = await repo.commit(run, plan);
    result.deleted = done.deleted;
    result.overwritten = done.overwritten;
    result.updated = done.updated;
    return result;
  } catch (e) {
    await repo.rollback(run).catch((err) => console.error('restore rollback failed; it is retried at next start', err));
    throw e;
  }
}

async function stage(
  repo: BackupRepo,
  run: string,
  seq: number,
  chunk: RecordChunk,
  result: ApplyResult,
  plan?: ReplacePlan,
): Promise<void> {
  const kp = repo.keyPath(chunk.table);
  const { added, existing } = await repo.addMissing(run, seq, chunk.table, chunk.rows);
  result.added[chunk.table] += added;
  result.existing[chunk.table] += existing.length;
  if (chunk.table === 'articles') for (const r of chunk.rows) result.articleIds.push(String(r[kp]));
  if (!plan) return;
  const incoming = new Map(chunk.rows.map((r) => [String(r[kp]), r]));
  for (const k of incoming.keys()) plan.keep[chunk.table].add(k);
  for (const old of existing) {
    const fresh = incoming.get(String(old[kp]));
    if (fresh && !BackupRepo.sameRow(old, fresh)) plan.overwrite[chunk.table].push(fresh);
  }
}
