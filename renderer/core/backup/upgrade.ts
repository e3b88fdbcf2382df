/**
 * Reading an older backup as if it were written today, record by record (like Dexie's upgrades).
 *
 * Version 1 files (schema 3, and schema 4-5 builds before issue 12's backup) carry no editions: each
 * article gets its first edition from its own meta, as the v4 database upgrade does, and the meta's
 * edition count and outlet list are reset to that one edition (the other copies were never in the
 * file, so the meta must not claim them).
 */
import { editionOf } from '../stories/editions';
import type { BackupRecord } from './format';

/** The records a version-`version` file's record stands for today (usually just itself). */
export function upgradeRecord(version: number, record: BackupRecord): BackupRecord[] {
  if (version >= 2 || record.table !== 'articles') return [record];
  const meta = { ...record.data, editions: 1, outlets: record.data.outlet ? [record.data.outlet] : [] };
  delete meta.earliest;
  return [
    { table: 'articles', data: meta },
    { table: 'editions', data: editionOf(meta) },
  ];
}
