/**
 * The network door in a plain browser tab: `fetch`, which works only where the site allows cross-origin
 * reads (CORS). When it does not, the browser gives JavaScript one opaque TypeError for a refusal, a
 * redirect loop and an unreachable host alike; two cheap probes tell them apart so the message is
 * plain: a `no-cors` request that succeeds means the site answered but refuses to be read ("use the
 * desktop app"); a `manual` redirect means the redirects never ended. Same limits as the desktop door.
 */
import type { NetRequest, NetResult } from '../../electron/ipc/contract';

/** The desktop door's limits (electron/ipc/contract.ts NET_*; platform may import the contract only as types, a test keeps them equal). */
export const NET_MAX_BYTES = 10 * 1024 * 1024;
export const NET_TIMEOUT_MS = 15_000;

type Failure = Extract<NetResult, { ok: false }>;
const fail = (code: Failure['code'], message: string, status?: number): NetResult => ({
  ok: false,
  code,
  message,
  ...(status === undefined ? {} : { status }),
});

const ACCEPT = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5',
  page: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
};

export async function browserFetch(req: NetRequest): Promise<NetResult> {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return fail('scheme', 'This is not a web address.');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    return fail(
      'scheme',
      `Only http and https addresses without a user name or password are fetched (got ${url.protocol}).`,
    );
  }
  if (!navigator.onLine) return fail('offline', 'You are offline.');
  const maxBytes = Math.min(NET_MAX_BYTES, req.maxBytes ?? Infinity);
  const timeoutMs = Math.min(NET_TIMEOUT_MS, req.timeoutMs ?? Infinity);
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, timeoutMs);
  const headers: Record<string, string> = { accept: ACCEPT[req.accept ?? 'page'] };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  const init: RequestInit = {
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    redirect: 'follow',
    signal: abort.signal,
  };
  try {
    let res: Response;
    try {
      res = await fetch(url.href, { ...init, headers });
    } catch (e) {
      if (timedOut || !(req.etag || req.lastModified)) throw e;
      // A site may allow reads but not the conditional headers (a preflight refusal): ask plainly.
      res = await fetch(url.href, { ...init, headers: { accept: headers.accept! } });
    }
    const meta = {
      url: res.url || url.href,
      status: res.status,
      ...opt('contentType', res.headers.get('content-type')),
      ...opt('etag', res.headers.get('etag')),
      ...opt('lastModified', res.headers.get('last-modified')),
    };
    if (res.status === 304) return { ok: true, notModified: true, bytes: new Uint8Array(0), ...meta };
    if (!res.ok)
      return fail('http', `The site answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`, res.status);
    if (Number(res.headers.get('content-length') ?? NaN) > maxBytes) return tooLarge(maxBytes);
    const bytes = await readCapped(res, maxBytes);
    return bytes ? { ok: true, notModified: false, bytes, ...meta } : tooLarge(maxBytes);
  } catch (e) {
    if (timedOut) return fail('timeout', `No complete answer within ${Math.round(timeoutMs / 1000)} s.`);
    if (!navigator.onLine) return fail('offline', 'You are offline.');
    return explain(url.href, e);
  } finally {
    clearTimeout(timer);
  }
}

function opt<K extends string>(key: K, value: string | null): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

function tooLarge(maxBytes: number): NetResult {
  return fail('too-large', `Larger than ${Math.round(maxBytes / 1024 / 1024)} MB; not downloaded.`);
}

/** Tells a CORS refusal, a redirect loop and an unreachable site apart after fetch's TypeError. */
async function explain(href: string, e: unknown): Promise<NetResult> {
  const probe = async (init: RequestInit): Promise<Response | null> => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 5000);
    try {
      return await fetch(href, {
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        signal: abort.signal,
        ...init,
      });
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  };
  if (await probe({ mode: 'no-cors', redirect: 'follow' })) {
    return fail(
      'cors',
      'This site does not let a browser tab read it (no cross-origin permission). Use the desktop app to collect from it.',
    );
  }
  const manual = await probe({ mode: 'cors', redirect: 'manual' });
  if (manual?.type === 'opaqueredirect') return fail('redirects', 'The redirects never end (a redirect loop).');
  return fail('network', `The site could not be reached (${(e as Error)?.message ?? e}).`);
}

/** The body's bytes, or null as soon as it passes `maxBytes`. */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
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
