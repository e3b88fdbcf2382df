/**
 * What the user reads when a backup or restore fails: each bad-file case has its own sentence and
 * every one of them says that nothing changed. Reads the error's shape (`code`, `name`) because the
 * UI does not import core's error classes by value.
 */
import { errorMessage } from '../common/report-error';

export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

const BY_CODE: Record<string, string> = {
  empty: 'restore.error.empty',
  'not-backup': 'restore.error.notBackup',
  'newer-version': 'restore.error.newer',
  truncated: 'restore.error.truncated',
  checksum: 'restore.error.damaged',
  'damaged-record': 'restore.error.layout',
  'invalid-record': 'restore.error.invalid',
  'count-mismatch': 'restore.error.missing',
  digest: 'restore.error.digest',
  'bad-header': 'restore.error.badHeader',
  'after-end': 'restore.error.digest',
  compressed: 'restore.error.gzip',
  // issue 13: each problem keeps its own words
  'unknown-table': 'restore.error.unknownTable',
  'too-long': 'restore.error.tooLong',
  'not-json': 'restore.error.notJson',
  'gzip-bomb': 'restore.error.gzipBomb',
  'duplicate-id': 'restore.error.duplicate',
  'missing-text': 'restore.error.missingText',
  'orphan-text': 'restore.error.orphanText',
  'dangling-ref': 'restore.error.dangling',
  'wrong-passphrase': 'restore.error.passphrase',
  'not-decrypted': 'restore.error.encrypted',
};

/** The message for a failed restore or backup; falls back to the storage wording. */
export function failureMessage(e: unknown): Message {
  const err = e as {
    name?: string;
    code?: string;
    where?: { record?: number; version?: number; table?: string; id?: string };
  } | null;
  if (err?.name === 'RestoreCancelled') {
    return { key: (e as { safetyCancelled?: boolean }).safetyCancelled ? 'restore.safetyCancelled' : 'xb.cancelled' };
  }
  if (err?.name === 'GzipDamaged') return { key: 'restore.error.gzip' };
  if (err?.name === 'BackupError' && err.code && BY_CODE[err.code]) {
    const w = err.where;
    return {
      key: BY_CODE[err.code]!,
      params: {
        record: w?.record ?? '?',
        version: w?.version ?? '?',
        table: w?.table ?? '?',
        id: w?.id ? `\u2066${w.id.slice(0, 12)}\u2069` : '?',
      },
    };
  }
  return errorMessage(e);
}
