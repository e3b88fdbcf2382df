/**
 * Turns any failure into a notice a user can read. Storage failures carry a `problem`
 * (see storage/errors.ts; the UI may not import storage, so it reads the shape).
 */
import type { Notifier } from '../../services/notifier';

export function errorMessage(e: unknown): { key: string; params?: Record<string, string> } {
  const problem = (e as { problem?: string } | null)?.problem;
  const detail = (e as { detail?: string; message?: string } | null);
  if (problem && problem !== 'unknown') return { key: `error.storage.${problem}` };
  return { key: 'error.storage.unknown', params: { detail: detail?.detail ?? detail?.message ?? String(e) } };
}

export function reportError(notifier: Notifier, e: unknown): void {
  console.error(e);
  const { key, params } = errorMessage(e);
  notifier.error(key, params);
}
