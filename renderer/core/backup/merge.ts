/**
 * Merge restore: keep everything already in the library, add only what is missing, never
 * duplicate. Rows are matched by their table key: articles and texts by the content-hash id (the
 * same article imported in two libraries has one id), annotations and bookmarks by their id,
 * reading state by article, settings by key. On a conflict the library's row wins.
 */
import { BACKUP_TABLES, recordKey, type BackupRecord, type BackupTable } from './format';

export type TableKeys = Record<BackupTable, string[]>;

export interface MergePlan {
  /** Keys to add, per table, in incoming order, each once. */
  add: TableKeys;
  /** How many incoming rows were already in the library (or repeated in the file), per table. */
  kept: Record<BackupTable, number>;
}

export type ExistingKeys = Partial<Record<BackupTable, ReadonlySet<string>>>;

/**
 * What merge mode adds, given the keys coming in and those already stored. Pure and total:
 * tables missing from `existing` count as empty.
 */
export function mergePlan(incoming: Partial<Record<BackupTable, Iterable<string>>>, existing: ExistingKeys): MergePlan {
  const add = {} as TableKeys;
  const kept = {} as Record<BackupTable, number>;
  for (const table of BACKUP_TABLES) {
    const have = existing[table] ?? new Set<string>();
    const taken = new Set<string>();
    add[table] = [];
    kept[table] = 0;
    for (const key of incoming[table] ?? []) {
      if (have.has(key) || taken.has(key)) kept[table]++;
      else {
        taken.add(key);
        add[table].push(key);
      }
    }
  }
  return { add, kept };
}

/**
 * The records of one batch that merge mode should write: those whose key is neither stored nor
 * already taken earlier in this restore. `taken` is updated, so pass the same sets for every batch
 * of a streamed restore (a file listing a row twice still adds it once).
 */
export function recordsToMerge(
  batch: readonly BackupRecord[],
  existing: ExistingKeys,
  taken: Partial<Record<BackupTable, Set<string>>> = {},
): BackupRecord[] {
  const out: BackupRecord[] = [];
  for (const r of batch) {
    const key = recordKey(r);
    const seen = (taken[r.table] ??= new Set<string>());
    if (existing[r.table]?.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}
