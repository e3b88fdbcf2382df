/**
 * Reads a very long article after its head is painted (issue 13) without blocking the page: its text
 * comes page by page (core/article/reader-pages: one small IndexedDB read per task), then its display
 * blocks and their estimated heights are built in slices with the page given back between them. A long task here would freeze
 * scrolling and typing for seconds on a 50 MB article.
 */
import type { Article, ReaderPrefs } from '../../core/model';
import { PageAssembler } from '../../core/article/reader-pages';
import type { Services } from '../../services/services';
import { blockSteps, heightSteps, type Blocks } from './windowing';

/** Paragraphs or blocks per slice when building the blocks (a few milliseconds each). */
const BLOCK_STEP = 40_000;

/** Gives the page back for one turn of its event loop (input, painting), faster than setTimeout(0). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/**
 * The whole article `head` starts, its blocks and their heights for the reader's current `prefs()`,
 * read from its pages; undefined when its pages are
 * missing or do not make one whole text (read it whole then), or when `stale()` turns true meanwhile.
 */
export async function readPaged(
  services: Services,
  head: Article,
  prefs: () => ReaderPrefs,
  stale: () => boolean,
): Promise<{ article: Article; blocks: Blocks; heights: { prefs: ReaderPrefs; prefix: Float64Array } } | undefined> {
  const pages = new PageAssembler(head.id);
  while (!pages.done) {
    const page = await services.library.page(head.id, pages.wanted);
    if (stale() || !pages.add(page)) return undefined;
  }
  // Joining the pages copies the whole text once: the one step that grows with the article (a task of
  // its own; a JavaScript string cannot be built in pieces without that copy).
  await nextTask();
  if (stale()) return undefined;
  const whole = pages.result()!;
  const text = whole.text;
  if (!text.startsWith(head.text)) return undefined;
  const blocks = await inSlices(blockSteps(text, whole.paragraphs, BLOCK_STEP), stale);
  if (!blocks) return undefined;
  const p = prefs();
  const prefix = await inSlices(heightSteps(blocks, p.fontSize, p.lineHeight, p.columnWidth, BLOCK_STEP), stale);
  if (!prefix) return undefined;
  const article: Article = { ...head, text, paragraphs: whole.paragraphs };
  return { article, blocks, heights: { prefs: p, prefix } };
}

/** Runs `steps` one slice per task; its result, or undefined when `stale()` turns true meanwhile. */
async function inSlices<T>(steps: Generator<void, T, void>, stale: () => boolean): Promise<T | undefined> {
  for (;;) {
    await nextTask();
    if (stale()) return undefined;
    const r = steps.next();
    if (r.done) return r.value;
  }
}
