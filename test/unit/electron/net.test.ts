/**
 * The desktop fetcher's limits (electron/net.ts) against a real HTTP server on 127.0.0.1: size cap
 * (declared and streamed), time-out (no headers, and a body that never ends), redirect cap and loops,
 * schemes and credentials, no cookies sent, conditional requests; and the bridge's argument guard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { fetchLimited } from '../../../electron/net';
import { validateNetRequest } from '../../../electron/ipc/validate';
import { decodeFetched } from '../../../renderer/core/feeds/charset';
import { encodeLegacy } from '../../e2e/collect-server';

const ARABIC_RSS = (decl: string) =>
  `<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>صحيفة الوطن</title><item><title>افتتاح الجسر الجديد فوق وادي حنيفة</title></item></channel></rss>`;
const CP1256 = encodeLegacy(ARABIC_RSS(''), 'windows-1256');
const ISO = encodeLegacy(ARABIC_RSS(' encoding="ISO-8859-6"'), 'iso-8859-6');

let server: Server;
let base = '';
const sockets = new Set<Socket>();
const seen: Record<string, string | undefined>[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    seen.push({
      path,
      cookie: req.headers.cookie,
      authorization: req.headers.authorization,
      inm: req.headers['if-none-match'],
    });
    if (path === '/ok') {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/rss+xml; charset=windows-1256',
        etag: '"v1"',
        'set-cookie': 'id=1',
        'last-modified': 'Mon, 07 Dec 2026 06:00:00 GMT',
      });
      res.end('<rss/>');
    } else if (path === '/moved/ar.xml') {
      res.writeHead(302, { location: '../feeds/ar.xml' }); // relative, resolved against the hop
      res.end();
    } else if (path === '/feeds/ar.xml') {
      if (req.headers['if-none-match'] === '"ar1"') {
        res.writeHead(304, { etag: '"ar1"' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=windows-1256', etag: '"ar1"' });
      res.end(CP1256);
    } else if (path === '/feeds/iso.xml') {
      res.writeHead(200, { 'content-type': 'text/xml' }); // the charset only in the XML declaration
      res.end(ISO);
    } else if (path === '/gzip-bomb') {
      // 8 MB of spaces in a few kilobytes: the cap applies to what the body becomes, not to the wire.
      const packed = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(packed.length) });
      res.end(packed);
    } else if (path === '/big-declared') {
      res.writeHead(200, { 'content-length': String(2_000_000) });
      res.end(Buffer.alloc(2_000_000, 0x41));
    } else if (path === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      let n = 0;
      const more = () => {
        while (n++ < 40) if (!res.write(chunk)) return res.once('drain', more);
        res.end();
      };
      more();
    } else if (path === '/hang') {
      // Never answers.
    } else if (path === '/trickle') {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.write('<rss>');
    } else if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      if (n === 0) {
        res.writeHead(200);
        res.end('arrived');
        return;
      }
      res.writeHead(302, { location: `/hop/${n - 1}` });
      res.end();
    } else if (path === '/loop') {
      res.writeHead(301, { location: '/loop' });
      res.end();
    } else if (path === '/to-file') {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('fetchLimited', () => {
  it('returns bytes, type and validators, sends no cookie, and gets 304 for a conditional request', async () => {
    const first = await fetchLimited({ url: `${base}/ok`, accept: 'feed' });
    expect(first).toMatchObject({
      ok: true,
      status: 200,
      notModified: false,
      contentType: 'application/rss+xml; charset=windows-1256',
      etag: '"v1"',
    });
    expect(new TextDecoder().decode((first as { bytes: Uint8Array }).bytes)).toBe('<rss/>');
    const again = await fetchLimited({ url: `${base}/ok`, etag: '"v1"' });
    expect(again).toMatchObject({ ok: true, status: 304, notModified: true });
    expect(seen.filter((s) => s.path === '/ok').map((s) => [s.cookie, s.authorization])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  it('hands back the bytes as sent: windows-1256 and ISO-8859-6 decode to the Arabic written', async () => {
    const ar = await fetchLimited({ url: `${base}/moved/ar.xml`, accept: 'feed' });
    expect(ar).toMatchObject({ ok: true, url: `${base}/feeds/ar.xml`, etag: '"ar1"' });
    const bytes = (ar as { bytes: Uint8Array }).bytes;
    expect(Buffer.from(bytes).equals(CP1256)).toBe(true);
    expect(decodeFetched(bytes, (ar as { contentType?: string }).contentType)).toEqual({
      text: ARABIC_RSS(''),
      encoding: 'windows-1256',
    });
    const iso = await fetchLimited({ url: `${base}/feeds/iso.xml`, accept: 'feed' });
    expect(decodeFetched((iso as { bytes: Uint8Array }).bytes, 'text/xml').text).toBe(
      ARABIC_RSS(' encoding="ISO-8859-6"'),
    );
    // The conditional header goes along every redirect hop.
    expect(await fetchLimited({ url: `${base}/moved/ar.xml`, etag: '"ar1"' })).toMatchObject({
      ok: true,
      notModified: true,
      url: `${base}/feeds/ar.xml`,
    });
  });

  it('caps what a compressed body becomes, not its size on the wire', async () => {
    expect(await fetchLimited({ url: `${base}/gzip-bomb` }, { maxBytes: 1_000_000 })).toMatchObject({
      ok: false,
      code: 'too-large',
    });
  });

  it('refuses a body over the size cap, declared or streamed', async () => {
    expect(await fetchLimited({ url: `${base}/big-declared` }, { maxBytes: 1_000_000 })).toMatchObject({
      ok: false,
      code: 'too-large',
    });
    expect(await fetchLimited({ url: `${base}/big-chunked` }, { maxBytes: 1_000_000 })).toMatchObject({
      ok: false,
      code: 'too-large',
    });
    // A request may lower the cap but not raise it.
    expect(
      await fetchLimited({ url: `${base}/big-chunked`, maxBytes: 100_000_000 }, { maxBytes: 1_000_000 }),
    ).toMatchObject({ ok: false, code: 'too-large' });
    expect(await fetchLimited({ url: `${base}/big-chunked`, maxBytes: 1000 })).toMatchObject({
      ok: false,
      code: 'too-large',
    });
  });

  it('times out when no answer comes, and when the body never ends', async () => {
    expect(await fetchLimited({ url: `${base}/hang` }, { timeoutMs: 300 })).toMatchObject({
      ok: false,
      code: 'timeout',
    });
    expect(await fetchLimited({ url: `${base}/trickle`, timeoutMs: 300 })).toMatchObject({
      ok: false,
      code: 'timeout',
    });
  });

  it('follows redirects up to the cap, and names a loop', async () => {
    expect(await fetchLimited({ url: `${base}/hop/3` }, { maxRedirects: 3 })).toMatchObject({
      ok: true,
      url: `${base}/hop/0`,
    });
    expect(await fetchLimited({ url: `${base}/hop/4` }, { maxRedirects: 3 })).toMatchObject({
      ok: false,
      code: 'redirects',
    });
    expect(await fetchLimited({ url: `${base}/loop` })).toMatchObject({ ok: false, code: 'redirects' });
  });

  it('fetches only http and https, also after a redirect, and never with credentials', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.org/x',
      'javascript:alert(1)',
      `http://user:pw@127.0.0.1:1/`,
    ]) {
      expect(await fetchLimited({ url })).toMatchObject({ ok: false, code: 'scheme' });
    }
    expect(await fetchLimited({ url: `${base}/to-file` })).toMatchObject({ ok: false, code: 'scheme' });
    expect(await fetchLimited({ url: `${base}/missing` })).toMatchObject({ ok: false, code: 'http', status: 404 });
    expect(await fetchLimited({ url: 'http://127.0.0.1:1/' })).toMatchObject({ ok: false, code: 'network' });
  });
});

describe('validateNetRequest', () => {
  it('keeps only known fields of an http(s) request and refuses the rest', () => {
    expect(validateNetRequest({ url: 'https://example.org/feed', accept: 'feed', etag: '"x"', extra: 1 })).toEqual({
      url: 'https://example.org/feed',
      accept: 'feed',
      etag: '"x"',
    });
    expect(() => validateNetRequest({ url: 'file:///etc/passwd' })).toThrow(/only http and https/);
    expect(() => validateNetRequest({ url: 'https://u:p@example.org/' })).toThrow(/user name or password/);
    expect(() => validateNetRequest({ url: 'https://example.org/', etag: 'a\r\nCookie: x' })).toThrow(/single-line/);
    expect(() => validateNetRequest({ url: 'https://example.org/', maxBytes: -1 })).toThrow(/positive integer/);
    expect(() => validateNetRequest('https://example.org/')).toThrow(/object/);
  });
});
