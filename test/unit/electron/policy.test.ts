import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_COMMANDS as RENDERER_COMMANDS } from '../../../renderer/platform/platform';
import { APP_COMMANDS, APP_ENTRY_URL } from '../../../electron/ipc/contract';
import { CSP, isPermissionAllowed, responseHeaders, webPreferences, windowOptions } from '../../../electron/policy';
// @ts-expect-error — plain .mjs script without type declarations
import { CSP as SERVER_CSP, WEB_CSP } from '../../../scripts/static-server.mjs';

describe('window security settings', () => {
  const prefs = webPreferences('/app/dist/electron/preload.cjs');
  it('isolates, sandboxes and keeps Node out of the page', () => {
    expect(prefs).toMatchObject({
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
    });
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
  });
  it('builds the window with exactly those preferences, hidden until painted', () => {
    const options = windowOptions('/p.cjs', { x: 10, y: 20, width: 1280, height: 800 });
    expect(options.webPreferences).toEqual(webPreferences('/p.cjs'));
    expect(options).toMatchObject({ x: 10, y: 20, width: 1280, height: 800, show: false });
  });
  it('loads the renderer from app://, never http or file', () => {
    expect(APP_ENTRY_URL).toBe('app://warraq/index.html');
  });
});

describe('Content-Security-Policy', () => {
  it('is the same policy the static server sends', () => {
    expect(CSP).toBe(SERVER_CSP);
  });
  it('allows only our own origin for scripts, with no eval and no inline script', () => {
    const directives = new Map(
      CSP.split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CSP).not.toMatch(/unsafe-eval|https?:|\*/);
  });
  it("the <meta> in renderer/index.html is the browser build's policy (less frame-ancestors, which a <meta> cannot carry)", () => {
    const html = readFileSync(join(import.meta.dirname, '..', '..', '..', 'renderer', 'index.html'), 'utf8');
    // The formatter may break the tag over lines: any white space between the attributes.
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(WEB_CSP.replace("; frame-ancestors 'none'", ''));
    // The browser build fetches feeds from the page (http:, https:); nothing else differs. In Electron the app://
    // header (CSP) applies as well, and a page obeys both policies, so the desktop app never connects out.
    expect(WEB_CSP).toBe(CSP.replace("connect-src 'self';", "connect-src 'self' http: https:;"));
  });
  it('allows workers and fetches from the app only: no blob: workers, no blob:/data: fetches', () => {
    const directives = new Map(
      CSP.split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
  it('is sent with every app:// response', () => {
    expect(responseHeaders('text/html')).toMatchObject({
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
    });
  });
});

describe('permissions', () => {
  it('denies camera, microphone, geolocation, notifications and the rest', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'hid',
      'serial',
      'usb',
      'openExternal',
      'fullscreen',
    ]) {
      expect(isPermissionAllowed(p, 'app://warraq/index.html')).toBe(false);
    }
  });
  it('grants clipboard writing only to our own pages', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://warraq/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.org/')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined)).toBe(false);
  });
  it('grants persistent storage to our own pages, so navigator.storage.persist() can resolve true', () => {
    expect(isPermissionAllowed('persistent-storage', 'app://warraq/index.html')).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'https://example.org/')).toBe(false);
  });
});

describe('menu commands', () => {
  it("electron/ipc/contract.ts lists exactly the renderer's APP_COMMANDS", () => {
    expect([...APP_COMMANDS]).toEqual([...RENDERER_COMMANDS]);
  });
});
