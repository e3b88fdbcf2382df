/**
 * Pure argument guards for every bridge call. Each `validateX` returns the checked (and normalised)
 * value or throws an `InvalidArgument` whose message names the argument and what was wrong.
 * No Electron here, so Node unit tests cover every branch.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import {
  APP_COMMANDS,
  APP_HOST,
  APP_SCHEME,
  EXTERNAL_URL_MAX,
  MENU_LANGUAGES,
  NET_URL_MAX,
  READ_CHUNK_MAX,
  SAVE_MAX_BYTES,
  type AppCommand,
  type MenuLanguage,
  type NetRequest,
  type PickFilesOptions,
  type SaveArgs,
} from './contract';

export class InvalidArgument extends Error {
  override name = 'InvalidArgument';
}

function fail(message: string): never {
  throw new InvalidArgument(message);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns the URL as a string if it is http(s), has no user:password and is at most EXTERNAL_URL_MAX long; throws otherwise. */
export function validateExternalUrl(value: unknown): string {
  if (typeof value !== 'string') fail('openExternal: url must be a string');
  if (value.length === 0 || value.length > EXTERNAL_URL_MAX)
    fail(`openExternal: url must be 1–${EXTERNAL_URL_MAX} characters`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail('openExternal: url is not a valid absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    fail(`openExternal: only http and https links open outside (got ${url.protocol})`);
  if (url.username || url.password) fail('openExternal: links with a user name or password are refused');
  if (!url.hostname) fail('openExternal: url has no host');
  return url.toString();
}

// ".txt", ".jsonl.gz" or "text/html": short, no spaces, no path characters.
const ACCEPT_ITEM = /^(\.[A-Za-z0-9]{1,10}(\.[A-Za-z0-9]{1,10})?|[a-z]+\/[A-Za-z0-9.+-]{1,60})$/;

/** Returns `{multiple, accept}` with at most 50 well-formed accept items; throws otherwise. */
export function validatePickFilesOptions(value: unknown): PickFilesOptions {
  if (!isRecord(value)) fail('pickFiles: options must be an object');
  if (typeof value.multiple !== 'boolean') fail('pickFiles: options.multiple must be a boolean');
  if (value.accept === undefined) return { multiple: value.multiple };
  const accept = value.accept;
  if (!Array.isArray(accept) || accept.length > 50)
    fail('pickFiles: options.accept must be an array of at most 50 items');
  for (const item of accept) {
    if (typeof item !== 'string' || !ACCEPT_ITEM.test(item)) fail(`pickFiles: bad accept item ${JSON.stringify(item)}`);
  }
  return { multiple: value.multiple, accept: [...(accept as string[])] };
}

/** Extensions (without the dot) for the native dialog's filter; MIME items are dropped. */
export function dialogExtensions(accept: readonly string[] | undefined): string[] {
  return (accept ?? []).filter((a) => a.startsWith('.')).map((a) => a.slice(1).toLowerCase());
}

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** Returns the token if well-formed (16–64 url-safe characters); throws otherwise. */
export function validateToken(value: unknown): string {
  if (typeof value !== 'string' || !TOKEN.test(value)) fail('readFile: token is not a file token this app handed out');
  return value;
}

/** Returns `{offset, length}` when both are safe integers, offset ≥ 0 and 1 ≤ length ≤ READ_CHUNK_MAX; throws otherwise. */
export function validateReadRange(offset: unknown, length: unknown): { offset: number; length: number } {
  if (!Number.isSafeInteger(offset) || (offset as number) < 0) fail('readFile: offset must be a non-negative integer');
  if (!Number.isSafeInteger(length) || (length as number) < 1 || (length as number) > READ_CHUNK_MAX) {
    fail(`readFile: length must be an integer from 1 to ${READ_CHUNK_MAX}`);
  }
  return { offset: offset as number, length: length as number };
}

// Control characters and the characters Windows forbids in file names.
// eslint-disable-next-line no-control-regex
const BAD_NAME_CHARS = /[\u0000-\u001f\u007f<>:"/\\|?*]/;

/** Returns the save request if the name is a plain file name (no folders), mime is short and bytes fit SAVE_MAX_BYTES; throws otherwise. */
export function validateSaveArgs(value: unknown): SaveArgs {
  if (!isRecord(value)) fail('save: argument must be an object');
  const { suggestedName, mime, bytes } = value;
  if (typeof suggestedName !== 'string' || suggestedName.trim().length === 0 || suggestedName.length > 200) {
    fail('save: suggestedName must be 1–200 characters');
  }
  if (BAD_NAME_CHARS.test(suggestedName) || suggestedName === '.' || suggestedName === '..') {
    fail('save: suggestedName must be a plain file name without folders or special characters');
  }
  if (typeof mime !== 'string' || mime.length > 200 || !/^[a-z]+\/[^\s]+/i.test(mime))
    fail('save: mime must be a MIME type');
  if (!(bytes instanceof Uint8Array)) fail('save: bytes must be a Uint8Array');
  if (bytes.byteLength > SAVE_MAX_BYTES) fail(`save: at most ${SAVE_MAX_BYTES} bytes can be saved at once`);
  return { suggestedName, mime, bytes };
}

/** Returns 'ar' or 'en'; throws for anything else. */
export function validateMenuLanguage(value: unknown): MenuLanguage {
  if (!MENU_LANGUAGES.includes(value as MenuLanguage))
    fail(`setMenuLanguage: language must be one of ${MENU_LANGUAGES.join(', ')}`);
  return value as MenuLanguage;
}

/** True when the value is one of APP_COMMANDS. */
export function isAppCommand(value: unknown): value is AppCommand {
  return APP_COMMANDS.includes(value as AppCommand);
}

/** True only for URLs of our own renderer (`app://warraq/…`); false for anything unparsable. */
export function isAppUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
  } catch {
    return false;
  }
}

/**
 * Maps an `app://warraq/…` URL path to a file inside `root` ("/" → index.html).
 * Returns null for anything that would leave `root` (`..`, encoded `%2e%2e`, backslashes, NUL, absolute paths).
 */
export function resolveInsideRoot(root: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded.replace(/^\/+/, '') || 'index.html';
  if (isAbsolute(rel)) return null;
  const base = resolve(root);
  const target = resolve(base, rel);
  const inside = relative(base, target);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return null;
  return target;
}

/** Returns the request with only its known fields if the URL is http(s) (≤ NET_URL_MAX, no credentials) and the limits are positive integers; throws otherwise. */
export function validateNetRequest(value: unknown): NetRequest {
  if (!isRecord(value)) fail('fetchUrl: request must be an object');
  const { url, etag, lastModified, accept, maxBytes, timeoutMs } = value;
  if (typeof url !== 'string' || url.length === 0 || url.length > NET_URL_MAX)
    fail(`fetchUrl: url must be 1–${NET_URL_MAX} characters`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    fail('fetchUrl: url is not a valid absolute URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    fail(`fetchUrl: only http and https are fetched (got ${parsed.protocol})`);
  if (parsed.username || parsed.password) fail('fetchUrl: addresses with a user name or password are refused');
  const out: NetRequest = { url: parsed.href };
  for (const [k, v] of [
    ['etag', etag],
    ['lastModified', lastModified],
  ] as const) {
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.length > 512 || /[\r\n]/.test(v))
      fail(`fetchUrl: ${k} must be a single-line string`);
    out[k] = v;
  }
  if (accept !== undefined) {
    if (accept !== 'feed' && accept !== 'page') fail('fetchUrl: accept must be "feed" or "page"');
    out.accept = accept;
  }
  for (const [k, v] of [
    ['maxBytes', maxBytes],
    ['timeoutMs', timeoutMs],
  ] as const) {
    if (v === undefined) continue;
    if (!Number.isSafeInteger(v) || (v as number) < 1) fail(`fetchUrl: ${k} must be a positive integer`);
    out[k] = v as number;
  }
  return out;
}

/** Returns the folder paths if they are at most 50 absolute paths; throws otherwise. */
export function validateWatchFolders(paths: unknown, since: unknown): { paths: string[]; since: number } {
  if (!Array.isArray(paths) || paths.length > 50) fail('watchFolders: paths must be an array of at most 50 folders');
  for (const p of paths) {
    if (typeof p !== 'string' || p.length === 0 || p.length > 4096 || p.includes('\0') || !isAbsolute(p))
      fail('watchFolders: each path must be an absolute folder path');
  }
  if (!Number.isSafeInteger(since) || (since as number) < 0) fail('watchFolders: since must be a non-negative integer');
  return { paths: [...(paths as string[])], since: since as number };
}
