/**
 * App-wide guards applied to every web contents Electron creates (today one window; tomorrow's too):
 * no navigation, no redirects, no new windows, no <webview>, permissions denied by default.
 * Links the page tries to open go to the system browser, and only after validation.
 */
import { app, session, shell, type Session, type WebContents } from 'electron';
import { validateExternalUrl } from './ipc/validate';
import { isPermissionAllowed } from './policy';

/** Opens a validated http(s) URL in the system browser. Returns false (never throws) when refused or failed. */
export async function openExternalSafely(url: unknown): Promise<boolean> {
  let safe: string;
  try {
    safe = validateExternalUrl(url);
  } catch {
    return false;
  }
  try {
    await shell.openExternal(safe);
    return true;
  } catch {
    return false;
  }
}

/** Denies navigation, redirects, pop-ups and webviews for one web contents. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
}

/** Denies every permission request and check except ALLOWED_PERMISSIONS from our own pages. */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, `${requestingOrigin}/`));
}

/** Installs the guards; call once before `ready` (web-contents hook) — the session part runs at ready. */
export function setupSecurity(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  void app.whenReady().then(() => lockDownSession(session.defaultSession));
}
