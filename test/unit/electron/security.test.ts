import { describe, expect, it, vi } from 'vitest';

const opened: string[] = [];
vi.mock('electron', () => ({
  shell: { openExternal: async (url: string) => { opened.push(url); } },
  app: {}, session: {},
}));
const { lockDownContents, lockDownSession, openExternalSafely } = await import('../../../electron/security');

type Listener = (event: { preventDefault(): void; isMainFrame?: boolean }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  return {
    on: (name: string, fn: Listener) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => { openHandler = fn; },
    fire(name: string, isMainFrame = true) {
      const event = { prevented: false, isMainFrame, preventDefault() { this.prevented = true; } };
      listeners.get(name)?.(event);
      return event.prevented;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

describe('web contents lock-down', () => {
  it('prevents navigation, redirects, sub-frame navigation and webviews', () => {
    const contents = fakeContents();
    lockDownContents(contents as never);
    expect(contents.fire('will-navigate')).toBe(true);
    expect(contents.fire('will-redirect')).toBe(true);
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(contents.fire('will-frame-navigate', false)).toBe(true);
  });
  it('denies every new window and hands only safe http(s) links to the system browser', async () => {
    const contents = fakeContents();
    lockDownContents(contents as never);
    opened.length = 0;
    for (const url of ['https://www.example.org/تقرير', 'file:///etc/passwd', 'javascript:alert(1)', 'https://u:p@example.org/']) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    await new Promise((r) => setTimeout(r, 0));
    expect(opened).toEqual(['https://www.example.org/%D8%AA%D9%82%D8%B1%D9%8A%D8%B1']);
    expect(await openExternalSafely('ftp://example.org/')).toBe(false);
  });
});

describe('session permissions', () => {
  it('deny requests and checks by default', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void) | null = null;
    let check: ((wc: unknown, p: string, origin: string) => boolean) | null = null;
    lockDownSession({ setPermissionRequestHandler: (fn: never) => { request = fn; }, setPermissionCheckHandler: (fn: never) => { check = fn; } } as never);
    const answers: boolean[] = [];
    request!(null, 'media', (ok) => answers.push(ok), { requestingUrl: 'app://warraq/index.html' });
    request!(null, 'geolocation', (ok) => answers.push(ok), { requestingUrl: 'app://warraq/index.html' });
    request!(null, 'clipboard-sanitized-write', (ok) => answers.push(ok), { requestingUrl: 'https://evil.example/' });
    expect(answers).toEqual([false, false, false]);
    expect(check!(null, 'notifications', 'app://warraq')).toBe(false);
    expect(check!(null, 'clipboard-sanitized-write', 'app://warraq')).toBe(true);
  });
});
