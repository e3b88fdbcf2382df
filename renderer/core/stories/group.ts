/**
 * Stories from links and decisions: a constrained union-find. Pure and deterministic, so the worker
 * (after detection) and the service (after a split or merge) agree.
 *
 * 1. A person's decisions are folded pair by pair, later ones winning: `merge` makes must-link pairs,
 *    `split` makes cannot-link pairs.
 * 2. Must-links are unioned first, unconditionally.
 * 3. `same` links are unioned strongest first, unless that would put a cannot-link pair into one story.
 * `partial` links never merge. A story's id is its first member by `order` (first imported), so ids stay
 * stable as stories grow.
 */
import type { StoryDecision, StoryLink } from '../model';

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The effective pair constraints of the decisions: true = keep together, false = keep apart. */
export function constraints(decisions: readonly StoryDecision[]): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const sorted = [...decisions].sort((x, y) => x.at - y.at);
  for (const d of sorted) {
    for (const a of d.left) for (const b of d.right) if (a !== b) out.set(pairKey(a, b), d.kind === 'merge');
  }
  return out;
}

/**
 * Groups `ids` into stories. `order(id)` ranks articles (smaller = earlier import); returns each id's
 * story id. Links or decisions naming ids outside `ids` are ignored.
 */
export function groupStories(
  ids: readonly string[],
  links: readonly StoryLink[],
  decisions: readonly StoryDecision[],
  order: (id: string) => number,
): Map<string, string> {
  const index = new Map(ids.map((id, i) => [id, i]));
  const parent = ids.map((_, i) => i);
  const members: Set<number>[] = ids.map((_, i) => new Set([i]));
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const pairs = constraints(decisions);
  const apart = new Map<number, Set<number>>();
  const must: [number, number][] = [];
  for (const [key, together] of pairs) {
    const [a, b] = key.split('|') as [string, string];
    const ia = index.get(a);
    const ib = index.get(b);
    if (ia === undefined || ib === undefined) continue;
    if (together) must.push([ia, ib]);
    else {
      if (!apart.has(ia)) apart.set(ia, new Set());
      if (!apart.has(ib)) apart.set(ib, new Set());
      apart.get(ia)!.add(ib);
      apart.get(ib)!.add(ia);
    }
  }
  const union = (x: number, y: number, check: boolean): void => {
    let rx = find(x);
    let ry = find(y);
    if (rx === ry) return;
    const mx = members[rx]!;
    const my = members[ry]!;
    if (check) {
      const [small, big] = mx.size <= my.size ? [mx, my] : [my, mx];
      for (const m of small) for (const o of apart.get(m) ?? []) if (big.has(o)) return;
    }
    if (mx.size < my.size) [rx, ry] = [ry, rx];
    parent[ry] = rx;
    for (const m of members[ry]!) members[rx]!.add(m);
    members[ry] = new Set();
  };
  for (const [a, b] of must) union(a, b, false);
  const same = links.filter(
    (l) => l.relation === 'same' && index.has(l.a) && index.has(l.b) && pairs.get(pairKey(l.a, l.b)) !== false,
  );
  same.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
  for (const l of same) union(index.get(l.a)!, index.get(l.b)!, true);
  const out = new Map<string, string>();
  const lead = new Map<number, string>();
  ids.forEach((id, i) => {
    const r = find(i);
    const cur = lead.get(r);
    if (cur === undefined || order(id) < order(cur) || (order(id) === order(cur) && id < cur)) lead.set(r, id);
  });
  ids.forEach((id, i) => out.set(id, lead.get(find(i))!));
  return out;
}

/** The articles reachable from `seeds` through any link (the part of the library a change can regroup). */
export function component(seeds: readonly string[], neighbours: (id: string) => readonly string[]): string[] {
  const seen = new Set(seeds);
  const stack = [...seeds];
  while (stack.length) {
    const id = stack.pop()!;
    for (const n of neighbours(id))
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
  }
  return [...seen];
}
