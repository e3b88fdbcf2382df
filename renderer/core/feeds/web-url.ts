/**
 * WHATWG URL parsing for core, reached through `globalThis` (core compiles without DOM or Node types;
 * browsers, workers and Node 20 all have `URL`). See core/article/env.ts for the same pattern.
 */
interface CoreUrl {
  readonly href: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
}

const g = globalThis as unknown as { URL: new (url: string, base?: string) => CoreUrl };

/** The parsed URL, or undefined when `href` is not a URL (relative to `base` when given). */
export function parseUrl(href: string, base?: string): CoreUrl | undefined {
  try {
    return new g.URL(href, base);
  } catch {
    return undefined;
  }
}

/** An absolute http(s) URL for `href` read against `base`, or undefined. */
export function absoluteUrl(href: string | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  const u = parseUrl(href.trim(), base);
  return u && (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : undefined;
}

/** The host ("example.org:8080") of an http(s) URL, or '' when it has none. */
export function hostKey(href: string): string {
  return parseUrl(href)?.host ?? '';
}
