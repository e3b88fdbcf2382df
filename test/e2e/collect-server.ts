/**
 * A local HTTP server for the collect tests and bench: feeds and pages written for them, on 127.0.0.1
 * with a port the OS chooses. Everything is sent with CORS headers (the web build reads it from
 * Chromium) except /nocors.xml. Feeds answer conditional requests (ETag / Last-Modified) with 304.
 *
 * Feeds: /ar/rss.xml (Arabic RSS in windows-1256, charset only in the XML declaration), /iso/rss.xml
 * (ISO-8859-6, charset only in the HTTP header; its pages are gone, so the feed's own text is used),
 * /atom.xml, /feed.json (announced by /site/), /noids.xml (no item ids), /malformed.xml, /slow.xml
 * (never answers), /loop.xml (a redirect loop), /gone.xml (404), /nocors.xml (no CORS), and
 * /bench/feed-N.xml with 20 items each for the bench. Pages: cluttered saved-page-like articles.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import { benchFeed, benchPage, stories, type Story } from './collect-fixtures';

export interface CollectServer {
  url: string;
  /** GET requests per path (preflights not counted), how many were answered 304, and article pages served. */
  hits: Map<string, number>;
  notModified: number;
  pages: number;
  close(): Promise<void>;
}

/** Encodes text in a single-byte code page (windows-1256, iso-8859-6) through the decoder's own table. */
export function encodeLegacy(text: string, label: string): Buffer {
  const table = new Map<string, number>();
  const dec = new TextDecoder(label);
  for (let b = 0; b < 256; b++) {
    const ch = dec.decode(new Uint8Array([b]));
    if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, b);
  }
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'if-none-match, if-modified-since, accept',
  'access-control-expose-headers': 'etag, last-modified',
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const LAST_MODIFIED = 'Mon, 07 Dec 2026 06:00:00 GMT';

/** A news page with the clutter readability must drop: nav, share bar, related links, comments, ads. */
export function clutteredPage(s: Story, outlet: string, charsetMeta: string): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head>${charsetMeta}<title>${esc(s.title)} | ${esc(outlet)}</title>
<meta property="og:site_name" content="${esc(outlet)}"><meta property="article:published_time" content="${s.date}T08:00:00+03:00"></head>
<body><nav class="main-nav"><a href="/">الرئيسية</a> <a href="/sport">رياضة</a> <a href="/eco">اقتصاد</a></nav>
<div class="ad-banner">إعلان: اشترك الآن واحصل على خصم</div>
<article><h1>${esc(s.title)}</h1><p class="dateline">${s.date}</p>
${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<div class="share-bar"><a>شارك على فيسبوك</a> <a>تويتر</a></div></article>
<aside class="related"><h3>اقرأ أيضاً</h3><ul><li><a href="/x">خبر آخر لا علاقة له</a></li></ul></aside>
<section class="comments"><h3>التعليقات</h3><p>تعليق قارئ: مقال رائع</p></section>
<footer>جميع الحقوق محفوظة</footer></body></html>`;
}

function rss(
  title: string,
  link: string,
  items: { s: Story; link: string; guid?: string; content?: boolean }[],
  decl: string,
): string {
  return `<?xml version="1.0"${decl}?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><link>${link}</link><description>أخبار</description>
${items
  .map(
    ({
      s,
      link: l,
      guid,
      content,
    }) => `<item><title>${esc(s.title)}</title><link>${l}</link>${guid ? `<guid isPermaLink="false">${guid}</guid>` : ''}
<description>${esc(s.paragraphs[0]!.slice(0, 60))}…</description>${content ? `<content:encoded><![CDATA[${s.paragraphs.map((p) => `<p>${p}</p>`).join('')}]]></content:encoded>` : ''}
<pubDate>${new Date(`${s.date}T08:00:00Z`).toUTCString()}</pubDate></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

interface Doc {
  body: Buffer | string;
  type: string;
  cors?: boolean;
}

function routes(base: string): Map<string, Doc> {
  const m = new Map<string, Doc>();
  const ar = stories.ar;
  m.set('/ar/rss.xml', {
    type: 'application/rss+xml',
    body: encodeLegacy(
      rss(
        'صحيفة الوطن',
        `${base}/ar/`,
        ar.map((s, i) => ({ s, link: `${base}/ar/${i + 1}.html`, guid: `watan-${i + 1}` })),
        ' encoding="windows-1256"',
      ),
      'windows-1256',
    ),
  });
  ar.forEach((s, i) =>
    m.set(`/ar/${i + 1}.html`, {
      type: 'text/html',
      body: encodeLegacy(
        clutteredPage(s, 'صحيفة الوطن', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'),
        'windows-1256',
      ),
    }),
  );
  m.set('/iso/rss.xml', {
    type: 'text/xml; charset=iso-8859-6',
    body: encodeLegacy(
      rss(
        'جريدة المغرب',
        `${base}/iso/`,
        stories.iso.map((s, i) => ({
          s,
          link: `${base}/iso/gone-${i + 1}.html`,
          guid: `maghreb-${i + 1}`,
          content: true,
        })),
        '',
      ),
      'iso-8859-6',
    ),
  });
  m.set('/atom.xml', {
    type: 'application/atom+xml; charset=utf-8',
    body: `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة الأنباء الأطلسية</title><link rel="alternate" href="${base}/atom/"/><id>urn:atlas</id><updated>2026-12-06T08:00:00Z</updated>
${stories.atom.map((s, i) => `<entry><id>urn:atlas:${i + 1}</id><title>${esc(s.title)}</title><link rel="alternate" href="${base}/atom/${i + 1}.html"/><published>${s.date}T08:00:00Z</published><updated>${s.date}T08:00:00Z</updated><summary>${esc(s.paragraphs[0]!.slice(0, 50))}</summary></entry>`).join('\n')}
</feed>`,
  });
  stories.atom.forEach((s, i) =>
    m.set(`/atom/${i + 1}.html`, {
      type: 'text/html; charset=utf-8',
      body: clutteredPage(s, 'وكالة الأنباء الأطلسية', '<meta charset="utf-8">'),
    }),
  );
  m.set('/site/', {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><meta charset="utf-8"><title>النهار الرقمي</title>
<link rel="alternate" type="application/feed+json" title="JSON" href="/feed.json"><link rel="stylesheet" href="/s.css"></head><body><p>موقع</p></body></html>`,
  });
  m.set('/feed.json', {
    type: 'application/feed+json',
    body: JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'النهار الرقمي',
      home_page_url: `${base}/site/`,
      items: stories.json.map((s, i) => ({
        id: `nahar-${i + 1}`,
        url: `${base}/json/${i + 1}.html`,
        title: s.title,
        summary: s.paragraphs[0]!.slice(0, 40),
        date_published: `${s.date}T08:00:00Z`,
      })),
    }),
  });
  stories.json.forEach((s, i) =>
    m.set(`/json/${i + 1}.html`, {
      type: 'text/html; charset=utf-8',
      body: clutteredPage(s, 'النهار الرقمي', '<meta charset="utf-8">'),
    }),
  );
  m.set('/noids.xml', {
    type: 'application/rss+xml; charset=utf-8',
    body: rss(
      'نشرة بلا معرّفات',
      `${base}/noids/`,
      stories.noids.map((s, i) => ({ s, link: `${base}/noids/${i + 1}.html` })),
      ' encoding="utf-8"',
    ),
  });
  stories.noids.forEach((s, i) =>
    m.set(`/noids/${i + 1}.html`, {
      type: 'text/html; charset=utf-8',
      body: clutteredPage(s, 'نشرة بلا معرّفات', '<meta charset="utf-8">'),
    }),
  );
  m.set('/malformed.xml', {
    type: 'application/rss+xml',
    body: '<?xml version="1.0"?><rss version="2.0"><channel><title>خلاصة تالفة</title><item><title>بند<link>http://x/</item></chan',
  });
  m.set('/nocors.xml', {
    type: 'application/rss+xml; charset=utf-8',
    cors: false,
    body: rss('موقع بلا إذن', `${base}/`, [], ''),
  });
  m.set('/link/page.html', {
    type: 'text/html; charset=utf-8',
    body: clutteredPage(stories.link[0]!, 'مرصد الأخبار', '<meta charset="utf-8">'),
  });
  return m;
}

function etagOf(body: Buffer | string): string {
  return `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
}

/** Starts the server on 127.0.0.1, port chosen by the OS.. */
export async function startCollectServer(): Promise<CollectServer> {
  const sockets = new Set<Socket>();
  let table = new Map<string, Doc>();
  const state: CollectServer = { url: '', hits: new Map(), notModified: 0, pages: 0, close: async () => {} };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    } // CORS preflight (conditional headers)
    state.hits.set(path, (state.hits.get(path) ?? 0) + 1);
    if (path === '/slow.xml') {
      res.writeHead(200, { ...CORS, 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss');
      return;
    }
    if (path === '/loop.xml' || path === '/loop2.xml') {
      res.writeHead(302, { ...CORS, location: path === '/loop.xml' ? '/loop2.xml' : '/loop.xml' });
      res.end();
      return;
    }
    const bench = /^\/bench\/feed-(\d+)\.xml$/.exec(path) ?? /^\/bench\/page-(\d+)-(\d+)\.html$/.exec(path);
    const doc: Doc | undefined = bench
      ? bench[2] === undefined
        ? { type: 'application/rss+xml; charset=utf-8', body: benchFeed(state.url, Number(bench[1])) }
        : { type: 'text/html; charset=utf-8', body: benchPage(Number(bench[1]), Number(bench[2])) }
      : table.get(path);
    if (!doc) {
      res.writeHead(404, { ...CORS, 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const etag = etagOf(doc.body);
    const headers = {
      ...(doc.cors === false ? {} : CORS),
      'content-type': doc.type,
      etag,
      'last-modified': LAST_MODIFIED,
      'cache-control': 'no-cache',
    };
    if (req.headers['if-none-match'] === etag) {
      state.notModified++;
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (path.endsWith('.html')) state.pages++;
    res.writeHead(200, headers);
    res.end(doc.body);
  };
  const server = createServer(handle);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  state.url = `http://127.0.0.1:${port}`;
  table = routes(state.url);
  state.close = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return state;
}
