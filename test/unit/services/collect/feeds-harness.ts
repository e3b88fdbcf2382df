/**
 * FeedsService in Node with its real parts: a local HTTP server on 127.0.0.1 whose answers the test
 * changes as it goes, the desktop fetcher (electron/net.ts), the feed codec in-process, the import
 * pipeline in-process and the library on fake-indexeddb. The clock is the test's (backoff is timed).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { fetchLimited } from '../../../../electron/net';
import { FeedsService } from '../../../../renderer/services/collect/feeds';
import { inlineCodec } from '../../../../renderer/services/collect/feed-codec-inline';
import { ImportService } from '../../../../renderer/services/importer';
import { LibraryService } from '../../../../renderer/services/library';
import { Notifier } from '../../../../renderer/services/notifier';
import { ArticlesRepo } from '../../../../renderer/storage/articles-repo';
import { FeedsRepo } from '../../../../renderer/storage/feeds-repo';
import { freshDb } from '../../support/db';
import { inProcessWorker } from '../../support/import-worker';

export interface Answer {
  status?: number;
  type?: string;
  body?: string;
  etag?: string;
  lastModified?: string;
}

export interface Hit {
  path: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

export class LocalSite {
  readonly routes = new Map<string, Answer>();
  readonly hits: Hit[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.answer(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  count(path: string): number {
    return this.hits.filter((h) => h.path === path).length;
  }

  private answer(req: IncomingMessage, res: import('node:http').ServerResponse): void {
    const path = decodeURI(req.url ?? '/');
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    this.hits.push({ path, ...(inm ? { ifNoneMatch: inm } : {}), ...(ims ? { ifModifiedSince: ims } : {}) });
    const a = this.routes.get(path);
    if (!a) {
      res.writeHead(404);
      res.end();
      return;
    }
    const fresh = (a.etag && inm === a.etag) || (!a.etag && a.lastModified && ims === a.lastModified);
    const validators = {
      ...(a.etag ? { etag: a.etag } : {}),
      ...(a.lastModified ? { 'last-modified': a.lastModified } : {}),
    };
    if (fresh) {
      res.writeHead(304, validators);
      res.end();
      return;
    }
    res.writeHead(a.status ?? 200, { 'content-type': a.type ?? 'text/html; charset=utf-8', ...validators });
    res.end(a.body ?? '');
  }
}

export interface RssItem {
  title: string;
  link?: string;
  guid?: string;
  description?: string;
}

export function rss(title: string, site: string, items: RssItem[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${esc(title)}</title><link>${site}</link>${items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title>${i.link ? `<link>${i.link}</link>` : ''}${
          i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : ''
        }${i.description ? `<description>${esc(i.description)}</description>` : ''}</item>`,
    )
    .join('')}</channel></rss>`;
}

/** A saved-page-like article page: clutter around the article's paragraphs. */
export function page(title: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title></head><body>
<nav><a href="/">الرئيسية</a> · <a href="/x">اقتصاد</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<aside>اقرأ أيضاً: عناوين أخرى</aside><footer>جميع الحقوق محفوظة</footer></body></html>`;
}

export async function feedsApp() {
  const db = freshDb();
  await db.open();
  const articles = new ArticlesRepo(db);
  const library = new LibraryService(articles, new Notifier());
  await library.load();
  const collector = new ImportService(library, () => inProcessWorker(articles));
  const clock = { now: Date.UTC(2026, 11, 7, 9, 0) };
  const repo = new FeedsRepo(db);
  const feeds = new FeedsService({
    repo,
    fetch: (r) => fetchLimited(r),
    codec: inlineCodec,
    collector,
    network: { online: () => true, onChange: () => () => {} },
    now: () => clock.now,
  });
  await feeds.load();
  return { db, articles, repo, feeds, clock, feed: (id: string) => feeds.feeds.find((f) => f.id === id)! };
}
