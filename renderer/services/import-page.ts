/**
 * One fetched web page → an article for the sink, parsed exactly as a saved page is (Readability plus
 * metadata, core/article/html.ts). For a feed item the page is preferred, and the item's own content
 * is the fallback when the page could not be fetched or read, or when it gives far less text than the
 * item carries; the item names the outlet (its feed's title) and, where it says them, the title and date.
 */
import type { ParsedArticle } from '../core/model';
import { isImportError } from '../core/article/errors';
import { parseHtml, parseHtmlBytes } from '../core/article/html';
import { charsetOfContentType } from '../core/feeds/charset';
import type { FileSink } from './import-file';
import type { PageSource } from './import-protocol';

// The feed's text replaces the page's when it is this many times longer (the page was a teaser or a wall).
const FEED_WINS = 1.5;

function parsePage(page: PageSource, path: string): { article?: ParsedArticle; problem?: string } {
  if (!page.bytes?.byteLength) return { problem: page.fetchError ?? 'The page was empty.' };
  try {
    const charset = charsetOfContentType(page.contentType);
    return {
      article: parseHtmlBytes(page.bytes, {
        fileName: path,
        kind: 'html',
        url: page.url,
        ...(charset ? { charset } : {}),
      }).article,
    };
  } catch (e) {
    return { problem: isImportError(e) ? e.reason : `The page could not be read (${(e as Error)?.message ?? e}).` };
  }
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The feed item's own HTML as a page of its own (its title as the heading), or undefined when it has no text. */
function parseItem(page: PageSource, path: string): ParsedArticle | undefined {
  const item = page.item;
  if (!item?.html?.trim()) return undefined;
  const title = item.title ? `<title>${escapeText(item.title)}</title>` : '';
  try {
    return parseHtml(
      `<html><head><meta charset="utf-8">${title}</head><body><article>${item.html}</article></body></html>`,
      { fileName: path, kind: 'html', url: page.url },
    );
  } catch {
    return undefined;
  }
}

/** Imports one fetched page (never rejects for a bad page; rejects only with the sink's fatal storage error). */
export async function importPage(path: string, page: PageSource, sink: FileSink): Promise<void> {
  const fromPage = parsePage(page, path);
  const fromItem = parseItem(page, path);
  let article = fromPage.article;
  let fellBack = false;
  if (fromItem && (!article || fromItem.text.length > article.text.length * FEED_WINS)) {
    article = fromItem;
    fellBack = true;
  }
  if (!article) {
    sink.issue('failed', {
      path,
      code: 'fetch',
      reason: fromPage.problem ?? 'No article text was found in this web page.',
    });
    return;
  }
  const item = page.item;
  const out: ParsedArticle = { ...article, url: page.url, source: { kind: 'html', name: page.url } };
  if (item) {
    if (item.outlet) out.outlet = item.outlet;
    if (item.title) out.title = item.title;
    if (item.published && !out.published) out.published = item.published;
    if (item.author && !out.author) {
      out.author = item.author;
      out.byline ??= item.author;
    }
  }
  await sink.article(out, path);
  if (fellBack && fromPage.problem) {
    sink.issue('warnings', {
      path,
      code: 'feed-content',
      reason: `Imported from the feed's own text: ${fromPage.problem}`,
    });
  }
}
