/**
 * Bidi controls and other invisible format characters in metadata, tags and notes (issue 13). An
 * override such as U+202E in a title reorders what follows it ("‮cod.exe" shows as "exe.doc"), and
 * isolates, marks and zero-width characters hide or disguise text. They are removed from every field
 * Warraq shows or exports as a short label (title, outlet, author, byline, place, tags, notes), and
 * kept verbatim only in an article's stored text, where each paragraph is isolated on screen.
 *
 * Removed: LRE RLE PDF LRO RLO (U+202A–202E), LRI RLI FSI PDI (U+2066–2069), LRM RLM ALM (U+200E,
 * U+200F, U+061C), zero-width space (U+200B), word joiner and invisible operators (U+2060–2064),
 * deprecated format characters (U+206A–206F), BOM / ZWNBSP (U+FEFF), interlinear annotation
 * controls (U+FFF9–FFFB). Kept: ZWNJ and ZWJ (U+200C, U+200D), which Persian and Arabic spelling uses.
 */
import type { ArticleMeta } from '../model';

const CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]/g;
const ANY = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]/;

/** `s` without bidi controls and invisible format characters (the same string when it has none). */
export function stripControls(s: string): string {
  return ANY.test(s) ? s.replace(CONTROLS, '') : s;
}

const META_FIELDS = ['title', 'outlet', 'author', 'byline', 'place'] as const;

/** A meta whose label fields and tags hold no controls (the same object when it had none). */
export function cleanMeta<
  T extends Pick<ArticleMeta, 'title' | 'outlet'> & Partial<Pick<ArticleMeta, 'author' | 'byline' | 'place' | 'tags'>>,
>(m: T): T {
  let out: T | undefined;
  for (const k of META_FIELDS) {
    const v: unknown = m[k];
    if (typeof v === 'string' && ANY.test(v)) ((out ??= { ...m }) as Record<string, unknown>)[k] = stripControls(v);
  }
  if (m.tags?.some((t) => ANY.test(t))) (out ??= { ...m }).tags = m.tags.map(stripControls);
  return out ?? m;
}

/** An annotation-like row with its note and tags cleaned (the same object when it had none). */
export function cleanNote<T extends { note?: string; tags?: string[] }>(a: T): T {
  const note = typeof a.note === 'string' ? stripControls(a.note) : a.note;
  const dirtyTags = a.tags?.some((t) => ANY.test(t));
  if (note === a.note && !dirtyTags) return a;
  return { ...a, note, ...(dirtyTags ? { tags: a.tags!.map(stripControls) } : {}) };
}
