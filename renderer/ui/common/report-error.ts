/**
 * Turns any failure into a notice a user can read. Storage failures carry a `problem`
 * (see storage/errors.ts; the UI may not import storage, so it reads the shape).
 */
import type { Notifier } from '../../services/notifier';
import { t } from '../strings/i18n';

export function errorMessage(e: unknown): { key: string; params?: Record<string, string> } {
  const problem = (e as { problem?: string } | null)?.problem;
  const detail = e as { detail?: string; message?: string } | null;
  if (problem && problem !== 'unknown') return { key: `error.storage.${problem}` };
  return { key: 'error.storage.unknown', params: { detail: detail?.detail ?? detail?.message ?? String(e) } };
}

/**
 * The words for a failure's detail: a storage problem a user can act on (the disk is full, …) as its
 * plain sentence, whether it arrives classified (`problem`) or as the raw DOMException text that a
 * worker passed on ("QuotaExceededError: …"); anything else as it is.
 */
export function plainDetail(problem: string | undefined, message: string): string {
  const known = ['quota', 'closed', 'blocked', 'version'];
  if (problem && known.includes(problem)) return t(`error.storage.${problem}`);
  if (/QuotaExceeded|quota exceeded|^quota: /i.test(message)) return t('error.storage.quota');
  const m = /^(closed|blocked|version): /.exec(message);
  return m ? t(`error.storage.${m[1]}`) : message;
}

export function reportError(notifier: Notifier, e: unknown): void {
  console.error(e);
  const { key, params } = errorMessage(e);
  notifier.error(key, params);
}
