/**
 * Reads a very long article after its head is painted (issue 13) without blocking the page: its text
 * comes page by page (core/article/reader-pages: one small IndexedDB read per task), then its display
 * blocks are built in slices with the page given back between them. A long task here would freeze
 * scrolling and typing for seconds on a 50 MB article.
 */
import type { Article } from '../../core/model';
import { PageAssembler } from '../../core/article/reader-pages';
import type { Services } from '../../services/services';
import { blockSteps, type Blocks } from './windowing';

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
 * The whole article `head` starts and its blocks, read from its pages; undefined when its pages are
 * missing or do not make one whole text (read it whole then), or when `stale()` turns true meanwhile.
 */
export async function readPaged(
  services: Services,
  head: Article,
  stale: () => boolean,
): Promise<{ article: Article; blocks: Blocks } | undefined> {
  const pages = new PageAssembler(head.id);
  while (!pages.done) {
    const page = await services.library.page(head.id, pages.wanted);
    if (stale() || !pages.add(page)) return undefined;
  }
  const whole = pages.result()!;
  if (!whole.text.startsWith(head.text)) return undefined;
  const text = whole.text;
  await nextTask();
  if (stale()) return undefined;
  // One flat string from the pages' parts (a cons string until then): later slices are cheap.
  text.slice(0, 20);
  const steps = blockSteps(text, whole.paragraphs, BLOCK_STEP);
  for (;;) {
    await nextTask();
    if (stale()) return undefined;
    const r = steps.next();
    if (r.done) {
      const article: Article = { ...head, text, paragraphs: whole.paragraphs };
      return { article, blocks: r.value };
    }
  }
}
