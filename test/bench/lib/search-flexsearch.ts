/**
 * FlexSearch 0.8 as the peer engine in the same run: an Index over title + body with strict
 * (whole-word) tokenization, fed our own Arabic folding (hamza seats, alef forms, ى/ي, ة/ه, digits) so the
 * comparison is about the engine, not about who normalizes Arabic. Query operators are not its
 * language: quotes, `-`, `*` are stripped and the words searched together.
 */
import { Index } from 'flexsearch';
import { foldText } from '../../../renderer/core/arabic/normalize';
import type { SearchDoc } from '../../../renderer/core/search/api';

const words = (text: string): string[] =>
  foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

export interface FlexRun {
  index: Index;
  ids: string[];
}

export function buildFlex(docs: readonly SearchDoc[]): FlexRun {
  const index = new Index({ tokenize: 'strict', encode: words } as never);
  docs.forEach((d, i) => index.add(i, d.text));
  return { index, ids: docs.map((d) => d.id) };
}

export function searchFlex(run: FlexRun, query: string, limit = 10): string[] {
  const q = query
    .replace(/["*]/g, ' ')
    .replace(/(^|\s)-\S+/g, ' ')
    .replace(/\b(OR|title:|source:)\b/g, ' ');
  return (run.index.search(q, { limit }) as number[]).map((i) => run.ids[i]!);
}

/** Bytes of FlexSearch's own export (what it would persist). */
export async function flexBytes(run: FlexRun): Promise<number> {
  let n = 0;
  await run.index.export((_key: string, data: string) => {
    n += data?.length ?? 0;
  });
  return n;
}
