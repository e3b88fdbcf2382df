/**
 * <warraq-bookmarks-list> — every bookmark in the library, newest first; each opens its article at
 * the bookmarked paragraph, and can be removed (with undo).
 * Events: `warraq-navigate`. Services: annotations, library, notifier (through context).
 */
import { LitElement, html, css, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { Services } from '../../services/services';
import type { BookmarkEntry } from '../../services/annotations';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { reportError } from '../common/report-error';
import { NavigateEvent } from '../app/route';
import { LanguageController, t } from '../strings/i18n';
import { icon } from '../common/icons';

@customElement('warraq-bookmarks-list')
export class BookmarksList extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: block; padding-block: 12px; padding-inline: 14px; }
    h2 { font-size: 1.05rem; margin-block: 0 10px; }
    ol { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
    li { border: 1px solid var(--border); border-inline-start: 6px solid var(--accent); border-radius: 8px; padding: 8px; background: var(--bg-elev); }
    .open { display: block; inline-size: 100%; text-align: start; background: transparent; border: none; padding: 0; font-weight: 600; min-block-size: 0; }
    .open:hover { text-decoration: underline; }
    .label { margin: 4px 0 0; font-family: var(--font-reading); font-size: 0.9em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .row { display: flex; align-items: center; gap: 6px; font-size: 0.85em; margin-block-start: 4px; }
    .row button { margin-inline-start: auto; min-block-size: 26px; padding-inline: 6px; }
  `,
  ];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  /** Bumped when bookmarks or articles change, so the task reads them again. */
  @state() private version = 0;
  protected readonly i18n = new LanguageController(this);
  private readonly onChange = () => this.version++;
  /** The bookmarks (@lit/task: only the latest read writes its answer). */
  private readonly bookmarks = new Task(this, {
    task: async ([, services]) => {
      try {
        return await services.annotations.bookmarks();
      } catch (e) {
        reportError(services.notifier, e);
        throw e;
      }
    },
    args: () => [this.version, this.services] as const,
  });

  private get entries(): BookmarkEntry[] {
    return this.bookmarks.value ?? [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.services.annotations.addEventListener('change', this.onChange);
    this.services.library.addEventListener('change', this.onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services.annotations.removeEventListener('change', this.onChange);
    this.services.library.removeEventListener('change', this.onChange);
  }

  private open(e: BookmarkEntry): void {
    this.dispatchEvent(new NavigateEvent({ view: 'reader', id: e.meta.id, paragraph: e.bookmark.paragraph + 1 }));
  }

  private async removeOne(e: BookmarkEntry): Promise<void> {
    try {
      await this.services.annotations.removeBookmark(e.bookmark.id);
    } catch (err) {
      reportError(this.services.notifier, err);
    }
  }

  override render() {
    return html`<section aria-labelledby="bm-title">
      <h2 id="bm-title">${t('notebook.bookmarks')}</h2>
      ${
        this.entries.length
          ? html`<ol aria-label=${t('notebook.bookmarks')}>${this.entries.map(
              (e) => html`<li>
        <button class="open" aria-label=${t('notebook.openBookmark', { title: e.meta.title, n: e.bookmark.paragraph + 1 })}
          @click=${() => this.open(e)}><bdi dir="auto">${e.meta.title}</bdi></button>
        ${e.bookmark.label ? html`<p class="label" dir="auto">${e.bookmark.label}</p>` : nothing}
        <div class="row muted">${t('notes.paragraph', { n: e.bookmark.paragraph + 1 })}
          <button class="icon-btn" aria-label=${t('notes.removeBookmark')} title=${t('notes.removeBookmark')} @click=${() => this.removeOne(e)}>${icon('close')}</button></div>
      </li>`,
            )}</ol>`
          : html`<p class="muted">${t('notebook.noBookmarks')}</p>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-bookmarks-list': BookmarksList;
  }
}
