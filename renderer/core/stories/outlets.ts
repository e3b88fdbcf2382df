/**
 * Outlet display names. A small built-in table names the outlet ids of the bundled corpus
 * (SaudiNewsNet) and a few agencies; it is data, not behaviour: a person's rename is stored as an
 * Outlet row and wins. Unknown ids show as themselves.
 */
import type { Outlet } from '../model';

const SEED: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['okaz', 'عكاظ', ['Okaz']],
  ['alriyadh', 'الرياض', ['Al Riyadh']],
  ['was', 'واس', ['وكالة الأنباء السعودية', 'SPA']],
  ['aljazirah', 'الجزيرة', ['Al Jazirah']],
  ['alyaum', 'اليوم', ['Al Yaum']],
  ['aleqtisadiya', 'الاقتصادية', ['Al Eqtisadiya']],
  ['aawsat', 'الشرق الأوسط', ['Asharq Al-Awsat']],
  ['alwatan', 'الوطن', ['Al Watan']],
  ['almadina', 'المدينة', ['Al Madina']],
  ['alweeam', 'الوئام', ['Al Weeam']],
  ['sabq', 'سبق', ['Sabq']],
  ['arreyadi', 'الرياضي', ['Arreyadi']],
  ['arriyadiyah', 'الرياضية', ['Arriyadiyah']],
];

/** The built-in outlets (marked `seeded`). */
export function seededOutlets(): Outlet[] {
  return SEED.map(([id, name, aliases]) => ({ id, name, aliases: [...aliases], seeded: true }));
}

/** The outlet for `id`: the stored row, else the seed, else the id itself as its name. */
export function resolveOutlet(id: string, stored: ReadonlyMap<string, Outlet>): Outlet {
  const s = stored.get(id);
  if (s) return s;
  const seed = SEED.find((r) => r[0] === id);
  return seed ? { id, name: seed[1], aliases: [...seed[2]], seeded: true } : { id, name: id, aliases: [] };
}

/**
 * What `source:` should match for an article: each edition outlet's id, display name and aliases,
 * space-separated (the search engine's source filter matches a folded substring of this).
 */
export function sourceText(outletIdsOfArticle: readonly string[], stored: ReadonlyMap<string, Outlet>): string {
  const parts: string[] = [];
  for (const id of outletIdsOfArticle) {
    const o = resolveOutlet(id, stored);
    parts.push(o.name, id, ...o.aliases);
  }
  return [...new Set(parts.filter(Boolean))].join(' · ');
}
