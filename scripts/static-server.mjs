// A tiny static server for dist/renderer, used by `npm run web`, the end-to-end tests and the bench.
// It sets the Electron protocol handler's Content-Security-Policy, except that connect-src also allows
// http: and https:, because in a browser tab the feeds and saved links are fetched by the page itself
// (where a site allows cross-origin reads); the desktop app fetches in its main process instead.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'renderer');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data: blob:; worker-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const WEB_CSP = CSP.replace("connect-src 'self';", "connect-src 'self' http: https:;");

export function startServer({ port = 0, host = '127.0.0.1' } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
      if (rel.startsWith('..')) throw Object.assign(new Error('forbidden'), { code: 'EACCES' });
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = join(root, rel);
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      // Revalidated on every load, so a rebuilt file is never served stale, yet cacheable: Chromium then
      // keeps V8's compiled code for app.js across reloads, as Electron does for app:// (codeCache).
      const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': WEB_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
        etag,
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.writeHead(200, headers);
      res.end(await readFile(file));
    } catch (e) {
      res.writeHead(e?.code === 'EACCES' ? 403 : 404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ url: `http://${host}:${p}/`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
