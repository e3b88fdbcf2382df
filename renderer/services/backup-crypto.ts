/**
 * Encrypted backups (issue 13): the backup file is an age file (age-encryption.org/v1) with one scrypt
 * recipient, so Debian's `age -d` opens it as well as Warraq. The cryptography is the `age-encryption`
 * package (the reference TypeScript implementation by the format's author), never our own: see
 * docs/decisions/encrypted-backups.md.
 *
 * Streaming: `encryptStream` and `decryptStream` are age's STREAM construction as TransformStreams
 * over 64 KiB chunks, so memory stays constant however large the library.
 * Passphrase: scrypt at age's default work factor (2^18) runs once per file; the file key it unwraps is
 * kept (`FileKey`) so verifying and then restoring the same file derive it only once.
 */
import type * as Age from 'age-encryption';
import { BackupError } from '../core/backup/format';

/**
 * age and its post-quantum and curve dependencies are ~150 KB that only an encrypted backup or restore
 * needs: loaded on first use (a chunk of its own), so start-up does not compile and run them (issue 17).
 */
const age = (): Promise<typeof Age> => import('age-encryption');

/** age's default scrypt work factor (log2 N), what `age -p` writes. */
export const SCRYPT_LOG_N = 18;
const MAGIC = 'age-encryption.org/v1\n';
/** An age header with one scrypt stanza is ~200 bytes; a longer one is not ours to read. */
const MAX_HEADER = 16 * 1024;

/** True when `head` (the file's first bytes) starts an age file. */
export function isAge(head: Uint8Array): boolean {
  if (head.length < MAGIC.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (head[i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

/** Whether a backup file is encrypted (an age file). */
export async function isEncrypted(file: Blob): Promise<boolean> {
  return isAge(new Uint8Array(await file.slice(0, MAGIC.length).arrayBuffer()));
}

/** `plain` encrypted to `passphrase` as an age file, streamed in 64 KiB chunks. */
export async function encryptStream(
  plain: ReadableStream<Uint8Array>,
  passphrase: string,
  logN = SCRYPT_LOG_N,
): Promise<ReadableStream<Uint8Array>> {
  const { Encrypter } = await age();
  const e = new Encrypter();
  e.setScryptWorkFactor(logN);
  e.setPassphrase(passphrase);
  return e.encrypt(plain);
}

/** The unwrapped key of one age file: derived once from the passphrase, reused for every read. */
export type FileKey = Uint8Array;

/**
 * Derives the file key of an age file from `passphrase`. Rejects with BackupError 'wrong-passphrase'
 * when the passphrase does not open it, 'not-backup' when the header is not an age scrypt header.
 */
export async function fileKeyOf(file: Blob, passphrase: string): Promise<FileKey> {
  const head = new Uint8Array(await file.slice(0, MAX_HEADER).arrayBuffer());
  const end = headerEnd(head);
  if (end < 0) throw new BackupError('not-backup', 'This encrypted file has no readable age header.');
  const { Decrypter } = await age();
  const d = new Decrypter();
  d.addPassphrase(passphrase);
  try {
    return await d.decryptHeader(head.subarray(0, end));
  } catch (e) {
    const msg = (e as Error)?.message ?? '';
    if (/no identity matched|incorrect|invalid header HMAC/i.test(msg)) {
      throw new BackupError('wrong-passphrase', 'The passphrase is wrong, or the file was not encrypted with it.');
    }
    throw new BackupError('not-backup', `This encrypted file cannot be opened with a passphrase (${msg}).`);
  }
}

/** The plaintext of an age file whose key is known, as a stream (a tampered chunk makes it error). */
export async function decryptStream(
  file: ReadableStream<Uint8Array>,
  key: FileKey,
): Promise<ReadableStream<Uint8Array>> {
  const known: Age.Identity = { unwrapFileKey: async () => key };
  const { Decrypter } = await age();
  const d = new Decrypter();
  d.addIdentity(known);
  return d.decrypt(file);
}

/** Index just past the header's MAC line ("--- …\n"), or -1. */
function headerEnd(head: Uint8Array): number {
  for (let i = 0; i + 4 < head.length; i++) {
    if (
      head[i] === 0x0a &&
      head[i + 1] === 0x2d &&
      head[i + 2] === 0x2d &&
      head[i + 3] === 0x2d &&
      head[i + 4] === 0x20
    ) {
      const nl = head.indexOf(0x0a, i + 5);
      return nl < 0 ? -1 : nl + 1;
    }
  }
  return -1;
}

/**
 * A rough strength of a passphrase, for the backup dialog (not a policy): bits estimated from its
 * length and the kinds of characters it uses, with repeats counted once.
 */
export function passphraseStrength(p: string): { bits: number; level: 'weak' | 'fair' | 'strong' | 'very-strong' } {
  const chars = [...p];
  let pool = 0;
  if (/[a-z]/.test(p)) pool += 26;
  if (/[A-Z]/.test(p)) pool += 26;
  if (/[0-9\u0660-\u0669]/.test(p)) pool += 10;
  if (/[\u0600-\u065f\u066e-\u06ff]/.test(p)) pool += 36;
  if (/[^a-zA-Z0-9\u0600-\u06ff\s]/.test(p)) pool += 33;
  if (/\s/.test(p)) pool += 1;
  // A character repeated right after itself adds little ("aaaa").
  const effective = chars.filter((c, i) => c !== chars[i - 1]).length;
  const bits = Math.round(effective * Math.log2(Math.max(pool, 1)));
  const level = bits < 40 ? 'weak' : bits < 60 ? 'fair' : bits < 80 ? 'strong' : 'very-strong';
  return { bits, level };
}
