/**
 * Storage side of backup and restore. Reads the backed-up tables in primary-key order, a chunk at a
 * time (so a 30,000-article library is never one array), and writes restored rows so that a cancel or
 * a crash leaves the library as it was:
 *
 * - Stage (`addMissing`): each chunk is one transaction that adds only rows whose key is missing and,
 *   in the same transaction, a journal row (in `settings`, key `restore-journal:<run>:<n>`) listing the
 *   keys it added. At any moment the database is "the old library + journalled additions".
 * - Roll back (`rollback`): deletes every journalled key, then the journal — the old library again.
 *   A crash mid-restore leaves journal rows behind; `rollback` at the next start undoes them.
 * - Commit (`commit`): one transaction that drops the journal and, in replace mode, deletes every row
 *   the backup does not hold and overwrites rows whose value differs — all or nothing. In merge mode
 *   it makes the library's own articles agree with the editions and metadata corrections the backup
 *   added to them (issue 12: a merge restore merges editions); in replace mode it drops the derived
 *   story rows (features, links, stories) of the articles that are gone.
 *
 * The search index tables (searchSegments, searchMeta), the story detector's stories, storyLinks
 * and storyFeatures, and the reader's heads of very long articles are derived and never backed up:
 * they are rebuilt after a restore (a head when the article is first opened).
 */
import type { Table } from 'dexie';
import type { ArticleMeta, ArticleText, Edition, MetaEdit, MetaField } from '../core/model';
import { deleteReaderRows, putReaderRows, readerTables } from './reader-rows';
import { editionOf } from '../core/stories/editions';
import { withEdition } from './articles-repo';
import type { WarraqDb } from './db';
import { guard } from './errors';
import { withField } from './stories-repo';

import { BACKUP_TABLES, type BackupRecord, type BackupTable } from '../core/backup/format';
import { recordsToMerge } from '../core/backup/merge';

/** The tables a backup holds (core's list), written in that order: articles before what points at them. */
export { BACKUP_TABLES, type BackupTable };

/** Settings rows under this prefix are restore bookkeeping, never backed up or restored. */
export const JOURNAL_PREFIX = 'restore-journal:';

/** Rows per chunk: 500 articles' texts are ~2 MB in the corpus, small enough to hold twice. */
export const DEFAULT_CHUNK = 500;

type Row = Record<string, unknown>;
type Key = string;

interface JournalRow {
  key: string;
  value: { run: string; table: BackupTable; keys: Key[] };
}

export interface ReplacePlan {
  /** Every key the backup holds, per table: rows outside these are deleted on commit. */
  keep: Record<BackupTable, Set<Key>>;
  /** Rows whose key existed with a different value: written on commit. */
  overwrite: Record<BackupTable, Row[]>;
}

export class BackupRepo {
  constructor(private readonly db: WarraqDb) {}

  private table(name: BackupTable): Table<Row, Key> {
    return this.db.table(name) as Table<Row, Key>;
  }

  /** The primary-key field of a table ('id', 'articleId' or 'key'). */
  keyPath(name: BackupTable): string {
    return this.table(name).schema.primKey.keyPath as string;
  }

  /** Row counts per table (journal rows left out of settings); throws StorageError. */
  async counts(): Promise<Record<BackupTable, number>> {
    return guard(async () => {
      const out = {} as Record<BackupTable, number>;
      for (const t of BACKUP_TABLES) out[t] = await this.table(t).count();
      out.settings -= await this.db.settings.where('key').startsWith(JOURNAL_PREFIX).count();
      return out;
    });
  }

  /**
   * Yields the table's rows in primary-key order, `size` at a time, each chunk its own read. Rows
   * written during the walk may or may not be included. Throws StorageError.
   */
  async *chunks(name: BackupTable, size = DEFAULT_CHUNK): AsyncGenerator<Row[]> {
    const table = this.table(name);
    let last: Key | undefined;
    for (;;) {
      const rows = await guard(() =>
        (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(size).toArray(),
      );
      if (!rows.length) return;
      last = rows[rows.length - 1]![this.keyPath(name)] as Key;
      const kept = name === 'settings' ? rows.filter((r) => !String(r.key).startsWith(JOURNAL_PREFIX)) : rows;
      if (kept.length) yield kept;
      if (rows.length < size) return;
    }
  }

  /**
   * Stages one chunk: adds the rows whose key is missing and journals their keys, in one transaction.
   * Returns the rows whose key already existed (the caller compares them for replace mode).
   * Throws StorageError and writes nothing on failure.
   */
  async addMissing(
    run: string,
    seq: number,
    name: BackupTable,
    rows: Row[],
  ): Promise<{ added: number; existing: Row[] }> {
    const table = this.table(name);
    const kp = this.keyPath(name);
    // A restored text over HEAD_MIN_CHARS gets its reader head in the same transaction, so the reader
    // opens it at once after a restore too (heads are derived: never in a backup, dropped on rollback).
    return guard(() =>
      this.db.transaction('rw', [table, this.db.settings, ...readerTables(this.db)], async () => {
        const keys = rows.map((r) => r[kp] as Key);
        const found = await table.bulkGet(keys);
        const existing = found.filter((r): r is Row => !!r);
        // Core's merge rule (the library's row wins; a key repeated in the batch is added once).
        const stored = new Set(keys.filter((_, i) => found[i]));
        const fresh = recordsToMerge(
          rows.map((data) => ({ table: name, data }) as unknown as BackupRecord),
          { [name]: stored },
        ).map((r) => r.data as unknown as Row);
        if (!fresh.length) return { added: 0, existing };
        await table.bulkAdd(fresh);
        if (name === 'texts') await putReaderRows(this.db, fresh as unknown as ArticleText[]);
        const journal: JournalRow = {
          key: `${JOURNAL_PREFIX}${run}:${String(seq).padStart(8, '0')}`,
          value: { run, table: name, keys: fresh.map((r) => r[kp] as Key) },
        };
        await this.db.settings.put(journal);
        return { added: fresh.length, existing };
      }),
    );
  }

  /** Whether journal rows from an unfinished restore are present. */
  /** Which of `ids` the library holds as articles (restore's consistency check, issue 13). */
  async articlesPresent(ids: readonly string[]): Promise<Set<string>> {
    const rows = await guard(() => this.db.articles.bulkGet([...ids]));
    return new Set(rows.flatMap((r) => (r ? [r.id] : [])));
  }

  async hasJournal(): Promise<boolean> {
    return guard(async () => (await this.db.settings.where('key').startsWith(JOURNAL_PREFIX).count()) > 0);
  }

  /**
   * Undoes every staged chunk (of `run`, or of any run when omitted): deletes the journalled keys and
   * the journal, one transaction per journal row so a huge restore never needs one giant delete.
   * Returns how many rows were removed. Throws StorageError (the rest stays journalled for a retry).
   */
  async rollback(run?: string): Promise<number> {
    const prefix = run === undefined ? JOURNAL_PREFIX : `${JOURNAL_PREFIX}${run}:`;
    const journalKeys = await guard(() => this.db.settings.where('key').startsWith(prefix).primaryKeys());
    let removed = 0;
    const tables = [this.db.settings, ...readerTables(this.db), ...BACKUP_TABLES.map((t) => this.table(t))];
    // Newest first, so a table's rows go before the articles they point at.
    for (const jk of journalKeys.reverse()) {
      removed += await guard(() =>
        this.db.transaction('rw', tables, async () => {
          const j = (await this.db.settings.get(jk)) as JournalRow | undefined;
          if (!j) return 0;
          await this.table(j.value.table).bulkDelete(j.value.keys);
          if (j.value.table === 'texts') await deleteReaderRows(this.db, j.value.keys as string[]);
          await this.db.settings.delete(jk);
          return j.value.keys.length;
        }),
      );
    }
    return removed;
  }

  /**
   * Makes a staged restore final in one transaction: removes the run's journal and, with a replace
   * plan, deletes rows the backup does not hold and writes the rows that differ. All or nothing;
   * throws StorageError (the staged rows stay journalled, so `rollback` still works).
   */
  async commit(
    run: string,
    replace?: ReplacePlan,
  ): Promise<{ deleted: number; overwritten: number; updated: string[] }> {
    const db = this.db;
    const derived = [db.stories, db.storyLinks, db.storyFeatures, ...readerTables(db)];
    const tables = [db.settings, ...BACKUP_TABLES.map((t) => this.table(t)), ...derived];
    return guard(() =>
      db.transaction('rw', tables, async () => {
        let deleted = 0;
        let overwritten = 0;
        let updated: string[] = [];
        if (replace) {
          for (const t of BACKUP_TABLES) {
            const keys = (await this.table(t).toCollection().primaryKeys()) as Key[];
            const gone = keys.filter(
              (k) => !replace.keep[t].has(k) && !(t === 'settings' && k.startsWith(JOURNAL_PREFIX)),
            );
            await this.table(t).bulkDelete(gone);
            await this.table(t).bulkPut(replace.overwrite[t]);
            deleted += gone.length;
            overwritten += replace.overwrite[t].length;
            if (t === 'articles') await this.dropDerived(gone);
          }
        } else {
          updated = await this.mergeIntoOwn(run);
        }
        await this.healEditions();
        await db.settings.where('key').startsWith(`${JOURNAL_PREFIX}${run}:`).delete();
        return { deleted, overwritten, updated };
      }),
    );
  }

  /** The keys a run's journal lists, per table (inside a transaction over settings). */
  private async journalled(run: string): Promise<Map<BackupTable, Key[]>> {
    const out = new Map<BackupTable, Key[]>();
    const rows = (await this.db.settings
      .where('key')
      .startsWith(`${JOURNAL_PREFIX}${run}:`)
      .toArray()) as unknown as JournalRow[];
    for (const j of rows) out.set(j.value.table, [...(out.get(j.value.table) ?? []), ...j.value.keys]);
    return out;
  }

  /**
   * Merge: editions and corrections the backup added to articles the library already held are
   * counted into those articles' metas (edition count, outlets, earliest date; a correction applies
   * when it is the latest of its field). Returns the ids of the metas changed.
   */
  private async mergeIntoOwn(run: string): Promise<string[]> {
    const db = this.db;
    const added = await this.journalled(run);
    const fresh = new Set(added.get('articles') ?? []);
    const own = <R extends { articleId: string }>(rows: (R | undefined)[]): Map<string, R[]> => {
      const by = new Map<string, R[]>();
      for (const r of rows) if (r && !fresh.has(r.articleId)) by.set(r.articleId, [...(by.get(r.articleId) ?? []), r]);
      return by;
    };
    const editions = own(await db.editions.bulkGet(added.get('editions') ?? []));
    const edits = own(await db.metaEdits.bulkGet(added.get('metaEdits') ?? []));
    const ids = [...new Set([...editions.keys(), ...edits.keys()])];
    const metas = await db.articles.bulkGet(ids);
    const changed: ArticleMeta[] = [];
    ids.forEach((id, i) => {
      let meta = metas[i];
      if (!meta) return;
      for (const e of (editions.get(id) ?? []).sort((a: Edition, b: Edition) => a.importedAt - b.importedAt))
        meta = withEdition(meta, e);
      changed.push(meta);
    });
    for (const meta of changed) {
      const mine = edits.get(meta.id);
      let next = meta;
      if (mine) {
        const all = await db.metaEdits.where('articleId').equals(meta.id).toArray();
        const latest = new Map<MetaField, MetaEdit>();
        for (const e of all.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
          latest.set(e.field, e);
        for (const e of mine) if (latest.get(e.field)?.id === e.id) next = withField(next, e.field, e.value);
      }
      await db.articles.put(next);
    }
    return changed.map((m) => m.id);
  }

  /**
   * Every article keeps at least its first edition (the v4 invariant). Articles written without one
   * (restored from a backup made before editions were backed up, or stored by hand) get it from their
   * own meta, as the v4 upgrade does — inside the commit transaction.
   */
  private async healEditions(): Promise<void> {
    const db = this.db;
    const edited = new Set((await db.editions.orderBy('articleId').uniqueKeys()) as string[]);
    const bare = ((await db.articles.toCollection().primaryKeys()) as string[]).filter((id) => !edited.has(id));
    if (!bare.length) return;
    const metas = (await db.articles.bulkGet(bare)).filter((m): m is ArticleMeta => !!m);
    await db.editions.bulkPut(metas.map((m) => editionOf(m)));
  }

  /** Replace: the story detector's rows of articles that are gone (inside the commit transaction). */
  private async dropDerived(gone: Key[]): Promise<void> {
    if (!gone.length) return;
    const db = this.db;
    const set = new Set(gone);
    await deleteReaderRows(db, gone);
    await db.storyFeatures.bulkDelete(gone);
    const links = await db.storyLinks.where('a').anyOf(gone).or('b').anyOf(gone).primaryKeys();
    await db.storyLinks.bulkDelete(links);
    const stories = await db.stories.filter((s) => s.articleIds.some((id) => set.has(id))).primaryKeys();
    await db.stories.bulkDelete(stories);
  }

  /** Deep equality of two stored rows (IndexedDB values: plain data, arrays, no functions). */
  static sameRow(a: unknown, b: unknown): boolean {
    return deepEqual(a, b);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object).filter((k) => (a as Row)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Row)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Row)[k], (b as Row)[k]));
}
