/**
 * The security policy of the window, as plain data and pure functions (no Electron import, so Node
 * tests assert it directly): web preferences, the Content-Security-Policy header and which permission
 * requests are granted. window.ts, protocol.ts and security.ts apply it.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { isAppUrl } from './ipc/validate';

/**
 * Same policy as scripts/static-server.mjs and, without frame-ancestors (ignored in a <meta>), as the <meta>
 * in renderer/index.html (a unit test keeps the three equal). No 'unsafe-eval', no remote origins; workers
 * and fetches only from the app itself (no blob: workers, no blob:/data: fetches: nothing uses them).
 */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data: blob:; " +
  "worker-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Web preferences of the one window: isolated, sandboxed, no Node, web security on, no <webview>. */
export function webPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

export interface Bounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/** Minimum window size: the library list and the reader column both stay usable at 720×480. */
export const MIN_WIDTH = 720;
export const MIN_HEIGHT = 480;

/** Options for the one BrowserWindow; shown only once the first paint is ready (no white flash). */
export function windowOptions(preloadPath: string, bounds: Bounds): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'ورّاق — Warraq',
    backgroundColor: '#fbfaf7',
    autoHideMenuBar: false,
    webPreferences: webPreferences(preloadPath),
  };
}

/**
 * Permissions granted, and only to our own app:// pages: copying, and persistent storage (without it
 * `navigator.storage.persist()` resolves false and the archive may be evicted under disk pressure).
 * Everything else (camera, microphone, geolocation, notifications, HID, serial, clipboard-read, …) is
 * denied: an offline reader needs none.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write', 'persistent-storage'];

/** True when `permission` requested by a page at `requestingUrl` may be granted. */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && isAppUrl(requestingUrl);
}

/** Response headers for every app:// file: the CSP plus no MIME sniffing and no caching of stale builds. */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'cross-origin-opener-policy': 'same-origin',
  };
}
