/** The backup file format: stream-written, fully verified before a restore touches anything. */
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BACKUP_TABLES,
  BackupError,
  emptyCounts,
  recordKey,
  shapeProblem,
  type BackupTable,
  type BackupRecord,
  type BackupRows,
  type BackupHeader,
  type BackupTrailer,
  type BackupSummary,
  type BackupCounts,
  type BackupErrorCode,
} from './format';
export { BackupWriter, writeBackup, concat, type BackupWriterOptions } from './writer';
export { BackupReader, verifyBackup, readBackup, isGzip, type BackupReaderOptions } from './reader';
export { mergePlan, recordsToMerge, type MergePlan, type TableKeys, type ExistingKeys } from './merge';
export { Sha256, sha256Hex } from './sha256';
export { crc32, crcHex } from './crc32';
export { utf8Encode, utf8Decode } from './utf8';
