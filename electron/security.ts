/**
 * App-wide guards applied to every web contents Electron creates (today one window; tomorrow's too):
 * no navigation, no redirects, no new windows, no <webview>, no downloads, permissions denied by default.
 * `window.open` is denied outright and never forwarded: the only way to the system browser is the bridge's
 * openExternal, which the preload sends only during a user gesture and which is rate-limited here.
 */
import { app, session, shell, type Session, type WebContents } from 'electron';
import { validateExternalUrl } from './ipc/validate';
import { isPermissionAllowed } from './policy';

/** At most `max` events per `perMs` (a sliding window); `take(now)` is false when over the limit. */
export class RateLimit {
  private readonly times: number[] = [];
  constructor(
    private readonly max: number,
    private readonly perMs: number,
  ) {}
  take(now: number): boolean {
    while (this.times.length > 0 && now - this.times[0]! >= this.perMs) this.times.shift();
    if (this.times.length >= this.max) return false;
    this.times.push(now);
    return true;
  }
}

/** Links opened in the system browser: 3 per 10 s is plenty for clicks and stops a page from flooding the desktop. */
export const EXTERNAL_OPENS = new RateLimit(3, 10_000);

/** Opens a validated http(s) URL in the system browser. Returns false (never throws) when refused, over the rate limit or failed. */
export async function openExternalSafely(
  url: unknown,
  limit: RateLimit = EXTERNAL_OPENS,
  now = Date.now(),
): Promise<boolean> {
  let safe: string;
  try {
    safe = validateExternalUrl(url);
  } catch {
    return false;
  }
  if (!limit.take(now)) return false;
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
  // No forwarding: window.open needs no user gesture in Electron, so a page could open the browser at will.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Denies every permission request and check except ALLOWED_PERMISSIONS from our own pages; vetoes downloads. */
export function lockDownSession(ses: Session): void {
  // Exports go through the save dialog; nothing is ever downloaded (a blob link or a redirect included).
  ses.on('will-download', (event) => event.preventDefault());
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, `${requestingOrigin}/`),
  );
}

/** Installs the guards; call once before `ready` (web-contents hook) — the session part runs at ready. */
export function setupSecurity(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  void app.whenReady().then(() => lockDownSession(session.defaultSession));
}
