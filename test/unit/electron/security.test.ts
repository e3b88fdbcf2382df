import { describe, expect, it, vi } from 'vitest';

const opened: string[] = [];
vi.mock('electron', () => ({
  shell: {
    openExternal: async (url: string) => {
      opened.push(url);
    },
  },
  app: {},
  session: {},
}));
const { lockDownContents, lockDownSession, openExternalSafely, RateLimit } = await import('../../../electron/security');

type Listener = (event: { preventDefault(): void; isMainFrame?: boolean }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  return {
    on: (name: string, fn: Listener) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => {
      openHandler = fn;
    },
    fire(name: string, isMainFrame = true) {
      const event = {
        prevented: false,
        isMainFrame,
        preventDefault() {
          this.prevented = true;
        },
      };
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
  it('denies every new window and forwards none of them to the system browser (window.open needs no gesture)', async () => {
    const contents = fakeContents();
    lockDownContents(contents as never);
    opened.length = 0;
    for (const url of [
      'https://www.example.org/تقرير',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://u:p@example.org/',
    ]) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(opened).toEqual([]);
  });
});

describe('openExternalSafely (the bridge path)', () => {
  it('opens only safe http(s) links', async () => {
    opened.length = 0;
    expect(await openExternalSafely('https://www.example.org/تقرير', new RateLimit(3, 10_000), 0)).toBe(true);
    expect(await openExternalSafely('ftp://example.org/', new RateLimit(3, 10_000), 0)).toBe(false);
    expect(await openExternalSafely('file:///etc/passwd', new RateLimit(3, 10_000), 0)).toBe(false);
    expect(opened).toEqual(['https://www.example.org/%D8%AA%D9%82%D8%B1%D9%8A%D8%B1']);
  });
  it('is rate-limited: a page cannot flood the desktop with browser tabs', async () => {
    opened.length = 0;
    const limit = new RateLimit(3, 10_000);
    const results: boolean[] = [];
    for (let i = 0; i < 5; i++) results.push(await openExternalSafely(`https://example.org/${i}`, limit, 1_000 + i));
    expect(results).toEqual([true, true, true, false, false]);
    expect(await openExternalSafely('https://example.org/later', limit, 1_000 + 10_000)).toBe(true);
    expect(opened).toHaveLength(4);
  });
});

describe('session permissions', () => {
  it('deny requests and checks by default', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void) | null =
      null;
    let check: ((wc: unknown, p: string, origin: string) => boolean) | null = null;
    lockDownSession({
      on: () => {},
      setPermissionRequestHandler: (fn: never) => {
        request = fn;
      },
      setPermissionCheckHandler: (fn: never) => {
        check = fn;
      },
    } as never);
    const answers: boolean[] = [];
    request!(null, 'media', (ok) => answers.push(ok), { requestingUrl: 'app://warraq/index.html' });
    request!(null, 'geolocation', (ok) => answers.push(ok), { requestingUrl: 'app://warraq/index.html' });
    request!(null, 'clipboard-sanitized-write', (ok) => answers.push(ok), { requestingUrl: 'https://evil.example/' });
    expect(answers).toEqual([false, false, false]);
    expect(check!(null, 'notifications', 'app://warraq')).toBe(false);
    expect(check!(null, 'clipboard-sanitized-write', 'app://warraq')).toBe(true);
  });
});

describe('downloads', () => {
  it('vetoes every download', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    lockDownSession({
      on: (name: string, fn: never) => listeners.set(name, fn),
      setPermissionRequestHandler: () => {},
      setPermissionCheckHandler: () => {},
    } as never);
    let prevented = false;
    listeners.get('will-download')?.({
      preventDefault: () => {
        prevented = true;
      },
    });
    expect(prevented).toBe(true);
  });
});
