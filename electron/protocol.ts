/**
 * Serves the built renderer (dist/renderer) from `app://warraq/…` instead of file://, so the page has a
 * real origin (IndexedDB, workers, CSP 'self') and cannot read arbitrary files. Every response carries
 * the CSP header; paths that would leave dist/renderer get 404.
 */
import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { APP_HOST, APP_SCHEME } from './ipc/contract';
import { resolveInsideRoot } from './ipc/validate';
import { responseHeaders } from './policy';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Must run before `app` is ready: app:// behaves like https (standard, secure, fetch, storage). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function notFound(status = 404): Response {
  return new Response('not found', { status, headers: { 'content-type': 'text/plain' } });
}

/**
 * The request handler: GET/HEAD of a file under `root` → 200 with CSP; other hosts, methods and
 * traversal attempts → 403/404/405. Never throws.
 */
export function createAppHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound(400);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound(403);
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405);
    const file = resolveInsideRoot(root, url.pathname);
    if (!file) return notFound(403);
    try {
      if (!(await stat(file)).isFile()) return notFound();
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return new Response(body, {
        status: 200,
        headers: responseHeaders(TYPES[extname(file)] ?? 'application/octet-stream'),
      });
    } catch {
      return notFound();
    }
  };
}

/** After ready: answers app:// requests from `rendererRoot` (dist/renderer, inside app.asar when packaged). */
export function setupProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppHandler(rendererRoot));
}
