/** The comparison engine: plain lunr 2.3.9 with lunr-languages' `lunr.ar`, as users would set it up. */
import { createRequire } from 'node:module';
import lunr from 'lunr';
import type { SearchDoc } from '../../../renderer/core/search/api';

const require = createRequire(import.meta.url);
let ready = false;

function useArabic(): void {
  if (ready) return;
  require('lunr-languages/lunr.stemmer.support')(lunr);
  require('lunr-languages/lunr.ar')(lunr);
  ready = true;
}

/** Builds a lunr.ar index over title + body. */
export function buildLunrAr(docs: readonly SearchDoc[]): lunr.Index {
  useArabic();
  return lunr(function () {
    this.use((lunr as unknown as { ar: lunr.Builder.Plugin }).ar);
    this.ref('id');
    this.field('title');
    this.field('body');
    for (const d of docs) this.add({ id: d.id, title: d.title, body: d.text.slice(d.title.length + 1) });
  });
}

/** Ids ranked by lunr.ar; lunr's query syntax errors (`:` `~` `^` in user text) give no results. */
export function searchLunrAr(index: lunr.Index, query: string): string[] {
  try {
    return index.search(query.replace(/"/g, '')).map((r) => r.ref);
  } catch {
    return [];
  }
}
