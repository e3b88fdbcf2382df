import { describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const handled: string[] = [];
const privileged: unknown[] = [];
vi.mock('electron', () => ({
  protocol: {
    handle: (scheme: string) => handled.push(scheme),
    registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes),
  },
}));
const { createAppHandler, registerAppScheme, setupProtocol } = await import('../../../electron/protocol');
const { CSP } = await import('../../../electron/policy');

const base = mkdtempSync(join(tmpdir(), 'warraq-proto-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'fonts'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="ar" dir="rtl"><title>ورّاق</title></html>');
writeFileSync(join(root, 'fonts', 'naskh.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
writeFileSync(join(base, 'secret.txt'), 'سر');

const get = (url: string, method = 'GET') => createAppHandler(root)(new Request(url, { method }));

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme and handled as "app"', () => {
    registerAppScheme();
    setupProtocol(root);
    expect(privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(handled).toEqual(['app']);
  });
  it('serves index.html with the CSP header', async () => {
    const res = await get('app://warraq/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('ورّاق');
    expect((await get('app://warraq/fonts/naskh.woff2')).headers.get('content-type')).toBe('font/woff2');
  });
  it.each([
    'app://warraq/%2e%2e/secret.txt',
    'app://warraq/fonts/..%2f..%2fsecret.txt',
    'app://warraq/..%5csecret.txt',
    'app://warraq/%00',
    'app://other-host/index.html',
  ])('refuses %s', async (url) => {
    const res = await get(url);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('سر');
  });
  it('answers 404 for a missing file or a folder, 405 for POST', async () => {
    expect((await get('app://warraq/missing.js')).status).toBe(404);
    expect((await get('app://warraq/fonts')).status).toBe(404);
    expect((await get('app://warraq/index.html', 'POST')).status).toBe(405);
  });
});
