/**
 * Save by link: a URL the user pasted or dropped is fetched through the network door and imported as a
 * saved page, through the import worker, with the same progress and report as a file import.
 */
import type { Fetch } from './feed-fetch';
import type { ImportReport, PageSource } from '../importer';
import type { ImportQueue } from './import-queue';
import { absoluteUrl } from '../../core/feeds/web-url';

export class LinkError extends Error {
  override name = 'LinkError';
}

/** The http(s) URL in what was pasted or dropped (the first one, "text/uri-list" comments skipped), or undefined. */
export function linkIn(text: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const url = absoluteUrl(
      /^[a-z][a-z0-9+.-]*:/i.test(t) ? t : /^[\w-]+(\.[\w-]+)+(\/|$)/.test(t) ? `https://${t}` : '',
    );
    if (url) return url;
  }
  return undefined;
}

export class SaveLinkService {
  constructor(
    private readonly fetch: Fetch,
    private readonly queue: ImportQueue,
  ) {}

  /** Fetches and imports the page; throws LinkError when the text holds no web address. */
  async save(text: string): Promise<ImportReport> {
    const url = linkIn(text);
    if (!url) throw new LinkError('This is not a web address (http or https).');
    const page: Promise<PageSource> = this.fetch({ url, accept: 'page' }).then((res) =>
      res.ok && !res.notModified
        ? { url: res.url || url, bytes: res.bytes, ...(res.contentType ? { contentType: res.contentType } : {}) }
        : { url, fetchError: res.ok ? 'The site sent no page.' : res.message },
    );
    return this.queue.add([{ path: url, size: 0, page: () => page }], { origin: 'link', label: url });
  }
}
