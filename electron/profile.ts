/**
 * Which profile (userData folder: IndexedDB, window state, single-instance lock) this run uses.
 * Only the packaged app opens the user's real profile ("Warraq"). A development run (`npm start`) gets
 * "Warraq-dev" beside it, so a dev build with a newer schema never upgrades the user's archive, and a
 * test run gets the throwaway folder named by WARRAQ_PROFILE_DIR. Must run before anything reads
 * userData — the single-instance lock lives there.
 */
import { app } from 'electron';
import { isAbsolute, join } from 'node:path';

export const PROFILE_ENV = 'WARRAQ_PROFILE_DIR';
export const DEV_PROFILE_NAME = 'Warraq-dev';

/** The userData folder to switch to, or null to keep Electron's default (the packaged app's real profile). */
export function profileDir(
  isPackaged: boolean,
  appDataDir: string,
  env: Record<string, string | undefined>,
): string | null {
  if (isPackaged) return null;
  const requested = env[PROFILE_ENV];
  if (requested && isAbsolute(requested)) return requested;
  return join(appDataDir, DEV_PROFILE_NAME);
}

/** Applies profileDir() to this process. */
export function useSeparateProfile(): void {
  const dir = profileDir(app.isPackaged, app.getPath('appData'), process.env);
  if (dir) app.setPath('userData', dir);
}
