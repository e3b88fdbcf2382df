/**
 * The main process' fetcher behind the `fetchUrl` bridge method. Node's own fetch (undici), which
 * keeps no cookie jar and sends no credentials; redirects are followed here, one hop at a time, so
 * each hop's scheme is checked and the count capped. The whole exchange (every hop and the body) has
 * one time-out, and the body is read as a stream that stops at the size cap.
 * Never rejects: every failure is a NetResult with a code and a plain message.
 */
import { NET_MAX_BYTES, NET_MAX_REDIRECTS, NET_TIMEOUT_MS, type NetRequest, type NetResult } from './ipc/contract';

export interface NetLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}

const DEFAULTS: NetLimits = { maxBytes: NET_MAX_BYTES, timeoutMs: NET_TIMEOUT_MS, maxRedirects: NET_MAX_REDIRECTS };

const ACCEPT = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5',
  page: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
};

const USER_AGENT = 'Warraq/0.1 (offline news archive; +https://example.org/warraq)';

type FetchFn = typeof fetch;

function fail(code: Extract<NetResult, { ok: false }>['code'], message: string, status?: number): NetResult {
  return { ok: false, code, message, ...(status === undefined ? {} : { status }) };
}

/** True for an http(s) URL without a user name or password. */
export function isFetchableUrl(url: URL): boolean {
  return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
}

/** Fetches `req.url` under the limits (a request may lower them, never raise them). */
export async function fetchLimited(
  req: NetRequest,
  limits: Partial<NetLimits> = {},
  fetchFn: FetchFn = fetch,
): Promise<NetResult> {
  const lim = { ...DEFAULTS, ...limits };
  const maxBytes = Math.min(lim.maxBytes, req.maxBytes ?? Infinity);
  const timeoutMs = Math.min(lim.timeoutMs, req.timeoutMs ?? Infinity);
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, timeoutMs);
  try {
    return await exchange(req, lim.maxRedirects, maxBytes, abort.signal, fetchFn);
  } catch (e) {
    if (timedOut) return fail('timeout', `No complete answer within ${Math.round(timeoutMs / 1000)} s.`);
    return fail('network', `The site could not be reached (${(e as Error)?.message ?? e}).`);
  } finally {
    clearTimeout(timer);
  }
}

async function exchange(
  req: NetRequest,
  maxRedirects: number,
  maxBytes: number,
  signal: AbortSignal,
  fetchFn: FetchFn,
): Promise<NetResult> {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return fail('scheme', 'This is not a web address.');
  }
  const headers: Record<string, string> = { accept: ACCEPT[req.accept ?? 'page'], 'user-agent': USER_AGENT };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  for (let hop = 0; ; hop++) {
    if (!isFetchableUrl(url))
      return fail(
        'scheme',
        `Only http and https addresses without a user name or password are fetched (got ${url.protocol}).`,
      );
    const res = await fetchFn(url.href, { headers, redirect: 'manual', credentials: 'omit', signal });
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      await res.body?.cancel().catch(() => {});
      const location = res.headers.get('location');
      if (!location) return fail('http', `The site answered ${res.status} without saying where to go.`, res.status);
      if (hop >= maxRedirects)
        return fail('redirects', `More than ${maxRedirects} redirects (a redirect loop?).`, res.status);
      url = new URL(location, url);
      continue;
    }
    const meta = {
      url: url.href,
      status: res.status,
      ...optional('contentType', res.headers.get('content-type')),
      ...optional('etag', res.headers.get('etag')),
      ...optional('lastModified', res.headers.get('last-modified')),
    };
    if (res.status === 304) return { ok: true, notModified: true, bytes: new Uint8Array(0), ...meta };
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      return fail('http', `The site answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`, res.status);
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await res.body?.cancel().catch(() => {});
      return fail('too-large', tooLarge(maxBytes));
    }
    const bytes = await readCapped(res, maxBytes);
    if (!bytes) return fail('too-large', tooLarge(maxBytes));
    return { ok: true, notModified: false, bytes, ...meta };
  }
}

function optional<K extends string>(key: K, value: string | null): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

function tooLarge(maxBytes: number): string {
  return `Larger than ${Math.round(maxBytes / 1024 / 1024)} MB; not downloaded.`;
}

/** The body's bytes, or null as soon as it passes `maxBytes` (the rest is never read). */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
