/**
 * core/feeds: charset from the HTTP header, the XML declaration and <meta> (windows-1256 and
 * ISO-8859-6), each feed format mapped to FeedDoc, items without ids, malformed feeds, autodiscovery
 * and the OPML round trip. Feeds written for these tests (test/e2e/collect-fixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { charsetOfContentType, decodeFetched, xmlDeclEncoding } from '../../../../renderer/core/feeds/charset';
import { FeedParseError, feedDate, parseFeedText } from '../../../../renderer/core/feeds/parse';
import { itemKey } from '../../../../renderer/core/feeds/item';
import { discoverFeeds, looksLikeHtml } from '../../../../renderer/core/feeds/discover';
import { fromOpml, toOpml } from '../../../../renderer/core/feeds/opml';
import { encodeLegacy } from '../../../e2e/collect-server';

const TITLE = 'افتتاح جسر جديد فوق نهر العاصي في حماة';
const rss = (
  decl: string,
  items = `<item><title>${TITLE}</title><link>/ar/1.html</link><guid isPermaLink="false">w-1</guid><pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>`,
) =>
  `<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>صحيفة الوطن</title><link>http://watan.example/</link>${items}</channel></rss>`;

describe('charset', () => {
  it('reads the charset of a Content-Type header and of an XML declaration', () => {
    expect(charsetOfContentType('application/rss+xml; charset="windows-1256"')).toBe('windows-1256');
    expect(charsetOfContentType('text/xml')).toBeUndefined();
    expect(xmlDeclEncoding(new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-6"?><rss/>'))).toBe(
      'ISO-8859-6',
    );
  });

  it('decodes windows-1256 named only by the XML declaration', () => {
    const bytes = encodeLegacy(rss(' encoding="windows-1256"'), 'windows-1256');
    const { text, encoding } = decodeFetched(bytes, 'application/rss+xml');
    expect(encoding).toBe('windows-1256');
    expect(parseFeedText(text).items[0]!.title).toBe(TITLE);
  });

  it('decodes ISO-8859-6 named only by the HTTP header', () => {
    const bytes = encodeLegacy(rss(''), 'iso-8859-6');
    const { text, encoding } = decodeFetched(bytes, 'text/xml; charset=iso-8859-6');
    expect(encoding).toBe('iso-8859-6');
    expect(parseFeedText(text).title).toBe('صحيفة الوطن');
  });

  it('the header wins over the XML declaration, and an undeclared legacy feed is still read as Arabic', () => {
    const bytes = encodeLegacy(rss(' encoding="utf-8"'), 'windows-1256');
    expect(decodeFetched(bytes, 'text/xml; charset=windows-1256').encoding).toBe('windows-1256');
    expect(parseFeedText(decodeFetched(encodeLegacy(rss(''), 'windows-1256')).text).title).toBe('صحيفة الوطن');
  });

  it('reads a page charset from <meta>', () => {
    const page = encodeLegacy(
      `<html><head><meta charset="windows-1256"><title>${TITLE}</title></head></html>`,
      'windows-1256',
    );
    expect(decodeFetched(page, 'text/html').text).toContain(TITLE);
  });
});

describe('parseFeedText', () => {
  it('RSS 2.0: titles, links made absolute, guid, RFC 822 date', () => {
    const doc = parseFeedText(rss(''), 'http://watan.example/rss.xml');
    expect(doc).toMatchObject({ format: 'rss', title: 'صحيفة الوطن', siteUrl: 'http://watan.example/' });
    expect(doc.items[0]).toMatchObject({
      id: 'w-1',
      link: 'http://watan.example/ar/1.html',
      title: TITLE,
      published: '2026-11-30',
    });
  });

  it('RSS 1.0 / RDF', () => {
    const doc =
      parseFeedText(`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="http://r.example/"><title>رصد</title><link>http://r.example/</link></channel>
      <item rdf:about="http://r.example/1"><title>خبر</title><link>http://r.example/1</link><description>نص</description><dc:date>2026-12-01T10:00:00+03:00</dc:date></item></rdf:RDF>`);
    expect(doc.format).toBe('rdf');
    expect(doc.items[0]).toMatchObject({
      id: 'http://r.example/1',
      link: 'http://r.example/1',
      html: 'نص',
      published: '2026-12-01',
    });
  });

  it('Atom: text constructs, alternate links, content over summary', () => {
    const doc = parseFeedText(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">الأطلسية</title><link href="http://a.example/"/>
      <entry><id>urn:a:1</id><title>عنوان</title><link rel="alternate" href="/e/1"/><updated>2026-12-03T08:00:00Z</updated>
      <summary>ملخص</summary><content type="html">&lt;p&gt;نص كامل&lt;/p&gt;</content><author><name>كاتب</name></author></entry></feed>`,
      'http://a.example/atom.xml',
    );
    expect(doc).toMatchObject({ format: 'atom', title: 'الأطلسية', siteUrl: 'http://a.example/' });
    expect(doc.items[0]).toMatchObject({
      id: 'urn:a:1',
      link: 'http://a.example/e/1',
      html: '<p>نص كامل</p>',
      author: 'كاتب',
      published: '2026-12-03',
    });
  });

  it('JSON Feed, with content_text turned into paragraphs', () => {
    const doc = parseFeedText(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'النهار',
        items: [
          {
            id: 7,
            url: 'http://n.example/7',
            title: 'خبر',
            content_text: 'أول\n\nثانٍ',
            date_published: '2026-12-05T08:00:00Z',
          },
        ],
      }),
    );
    expect(doc.format).toBe('json');
    expect(doc.items[0]).toMatchObject({ id: '7', html: '<p>أول</p><p>ثانٍ</p>', published: '2026-12-05' });
  });

  it('items without ids are known by their link, then by title and date', () => {
    const doc = parseFeedText(
      rss(
        '',
        '<item><title>أ</title><link>http://x.example/a</link></item><item><title>ب</title><pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate></item>',
      ),
    );
    expect(doc.items.map(itemKey)).toEqual(['link:http://x.example/a', 'title:ب|2026-12-01']);
  });

  it('malformed XML and a well-formed non-feed fail with different codes', () => {
    const code = (text: string) => {
      try {
        parseFeedText(text);
        return 'parsed';
      } catch (e) {
        return (e as FeedParseError).code;
      }
    };
    expect(
      code(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>تالفة</title><item><title>بند<link>http://x/</item></chan',
      ),
    ).toBe('malformed');
    expect(code('<?xml version="1.0"?><note><to>أحد</to></note>')).toBe('not-a-feed');
    expect(code('{"version": "https://jsonfeed.org/ver')).toBe('malformed');
  });

  it('feed dates', () => {
    expect(feedDate('2015-07-21T23:30:00+03:00')).toBe('2015-07-21');
    expect(feedDate('Sat, 05 Dec 2026 22:00:00 GMT')).toBe('2026-12-05');
    expect(feedDate('not a date')).toBeUndefined();
  });
});

describe('autodiscovery', () => {
  it('finds the feeds a page announces, absolute, in order', () => {
    const html = `<html><head><link rel="stylesheet" href="/s.css"><link rel="alternate" type="application/rss+xml" href="/rss.xml">
      <link rel="alternate nofollow" type="application/atom+xml" href="https://b.example/atom"><link rel="alternate" hreflang="en" href="/en/"></head></html>`;
    expect(discoverFeeds(html, 'https://a.example/news/')).toEqual([
      'https://a.example/rss.xml',
      'https://b.example/atom',
    ]);
    expect(discoverFeeds('<html><head></head></html>', 'https://a.example/')).toEqual([]);
  });

  it('tells a page from a feed', () => {
    expect(looksLikeHtml('<!doctype html><html>', undefined)).toBe(true);
    expect(looksLikeHtml('<?xml version="1.0"?><rss>', 'text/html')).toBe(true);
    expect(looksLikeHtml('<html>', 'application/rss+xml')).toBe(false);
  });
});

describe('OPML', () => {
  it('round-trips the list, and flattens folders on import', () => {
    const feeds = [
      { url: 'https://a.example/rss.xml', title: 'صحيفة «الوطن» & أخواتها', siteUrl: 'https://a.example/' },
      { url: 'http://b.example/feed.json', title: 'النهار' },
    ];
    expect(fromOpml(toOpml(feeds, 'اشتراكات', new Date('2026-12-07T09:00:00Z')))).toEqual(feeds);
    const nested =
      '<opml version="2.0"><body><outline text="مجلد"><outline text="أ" xmlUrl="https://a.example/1"/><outline text="ب" xmlUrl="javascript:alert(1)"/></outline><outline text="أ مكرر" xmlUrl="https://a.example/1"/></body></opml>';
    expect(fromOpml(nested)).toEqual([{ url: 'https://a.example/1', title: 'أ' }]);
    expect(() => fromOpml('not xml at all')).toThrow(/OPML/);
  });
});
