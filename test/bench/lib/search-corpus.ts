/** Bench helpers for search: corpus and query loading, recall/MRR scoring. Node only. */
import { createReadStream, readFileSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import type { SearchDoc } from '../../../renderer/core/search/api';

export interface BenchQuery {
  id: string;
  kind: string;
  query: string;
  relevant: number[];
}

/** Reads the gzip JSON Lines corpus as SearchDocs (id = 0-based line number), title + content. */
export async function readCorpus(path: string, limit = Infinity): Promise<SearchDoc[]> {
  const docs: SearchDoc[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (docs.length >= limit) break;
    const a = JSON.parse(line) as { source: string; title: string; content: string; date_extracted: string };
    docs.push(toDoc(String(docs.length), a.title ?? '', a.content ?? '', a.source, a.date_extracted));
  }
  lines.close();
  return docs;
}

/** A SearchDoc whose text is title + "\n" + content, as the corpus judging reads it. */
export function toDoc(id: string, title: string, content: string, outlet: string, date?: string): SearchDoc {
  const text = `${title}\n${content}`;
  const doc: SearchDoc = { id, title, outlet, text, paragraphs: [{ start: title.length + 1, end: text.length }] };
  if (date) doc.published = date.slice(0, 10);
  return doc;
}

/** Reads a queries JSON Lines file, dropping relevant ids ≥ docCount and queries left with none. */
export function readQueries(path: string, docCount: number): BenchQuery[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as BenchQuery)
    .map((q) => ({ ...q, relevant: q.relevant.filter((r) => r < docCount) }))
    .filter((q) => q.relevant.length > 0);
}

/** recall@10 and MRR@10 of one ranked id list against relevant line numbers. */
export function judge(ranked: readonly string[], relevant: readonly number[]): { recall: number; mrr: number } {
  const rel = new Set(relevant.map(String));
  const top = ranked.slice(0, 10);
  const found = top.filter((id) => rel.has(id)).length;
  const first = top.findIndex((id) => rel.has(id));
  return { recall: found / Math.min(10, rel.size), mrr: first < 0 ? 0 : 1 / (first + 1) };
}

/**
 * Memory in use after a full GC: V8 heap plus ArrayBuffer backing stores (typed arrays live outside
 * the V8 heap). The runner passes --expose-gc; without it this is a plain reading.
 */
export function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}
