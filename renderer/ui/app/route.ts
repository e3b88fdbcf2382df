/**
 * Where the app is. Kept in `location.hash` so a reload returns to the same screen.
 * Components ask to go somewhere by dispatching `warraq-navigate` (bubbles, composed).
 */
export type Route =
  | { view: 'library' }
  | { view: 'reader'; id: string; query?: string; annotation?: string; paragraph?: number }
  | { view: 'search'; query?: string }
  | { view: 'notebook'; tag?: string }
  | { view: 'bookmarks' }
  | { view: 'feeds' };

export function routeToHash(r: Route): string {
  switch (r.view) {
    case 'reader': {
      const p = new URLSearchParams();
      if (r.query) p.set('q', r.query);
      if (r.annotation) p.set('a', r.annotation);
      if (r.paragraph !== undefined) p.set('p', String(r.paragraph));
      const qs = p.toString();
      return `#/article/${encodeURIComponent(r.id)}${qs ? `?${qs}` : ''}`;
    }
    case 'search':
      return r.query ? `#/search?q=${encodeURIComponent(r.query)}` : '#/search';
    case 'notebook':
      return r.tag ? `#/notebook?tag=${encodeURIComponent(r.tag)}` : '#/notebook';
    case 'bookmarks':
      return '#/bookmarks';
    case 'feeds':
      return '#/feeds';
    default:
      return '#/';
  }
}

/** Parses a hash; anything unknown is the library. */
export function hashToRoute(hash: string): Route {
  const [path = '', qs = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(qs);
  const article = /^\/article\/(.+)$/.exec(path);
  if (article) {
    const p = params.get('p');
    return {
      view: 'reader',
      id: decodeURIComponent(article[1]!),
      query: params.get('q') ?? undefined,
      annotation: params.get('a') ?? undefined,
      paragraph: p === null ? undefined : Number(p),
    };
  }
  if (path === '/search') return { view: 'search', query: params.get('q') ?? undefined };
  if (path === '/notebook')
    return params.get('tag') ? { view: 'notebook', tag: params.get('tag')! } : { view: 'notebook' };
  if (path === '/bookmarks') return { view: 'bookmarks' };
  if (path === '/feeds') return { view: 'feeds' };
  return { view: 'library' };
}

export class NavigateEvent extends CustomEvent<Route> {
  constructor(route: Route) {
    super('warraq-navigate', { detail: route, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'warraq-navigate': NavigateEvent;
  }
}
