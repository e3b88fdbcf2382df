/**
 * <warraq-sidebar> — the collections column (Zotero's left pane): Library, Notebook, Bookmarks, Search and
 * Sources, then the outlets with their article counts and the tags with their use counts.
 *
 * Counts come from services.counts (storage indexes, never the rows), loaded with @lit/task so only the
 * newest read is shown; they are given as each item's description, so the item's name stays its label
 * ("المكتبة", not "المكتبة ٣١٠٣٠").
 * An outlet filters the library (the library's own outlet filter, in settings); a tag opens the notebook
 * filtered by it. Reads the route from the app state; changes it with `warraq-navigate`.
 *
 * Services: counts, settings, stories (outlet display names). Context: app state.
 */
import { LitElement, html, css, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { Services } from '../../services/services';
import type { LibraryPrefs } from '../../services/settings';
import { servicesContext } from '../context';
import { appStateContext, type AppState } from './app-state';
import { NavigateEvent, type Route } from './route';
import { baseStyles } from '../common/styles';
import { icon, type IconName } from '../common/icons';
import { reportError } from '../common/report-error';
import { LanguageController, formatNumber, t } from '../strings/i18n';

/** Outlets and tags shown before "show all". */
const FIRST = 8;

@customElement('warraq-sidebar')
export class Sidebar extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block; overflow-y: auto; background: var(--bg-sunken);
        border-inline-end: 1px solid var(--border); padding-block: var(--space-3); padding-inline: var(--space-2);
        font-size: var(--text-sm);
      }
      ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 2px; }
      h2 {
        font-size: var(--text-xs); font-weight: var(--weight-bold); color: var(--fg-muted);
        margin-block: var(--space-4) var(--space-1); padding-inline: var(--space-2);
      }
      .item {
        display: flex; justify-content: flex-start; inline-size: 100%; gap: var(--space-2);
        border-color: transparent; background: transparent; text-align: start; padding-inline: var(--space-2);
      }
      .item:hover { background: var(--bg-hover); border-color: transparent; }
      .item[aria-current='page'], .item[aria-pressed='true'] { background: var(--bg-selected); color: var(--fg); }
      .item .icon { color: var(--fg-muted); }
      .label { flex: 1; min-inline-size: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .count { color: var(--fg-muted); font-size: var(--text-xs); font-variant-numeric: tabular-nums; }
      .more { color: var(--accent); font-size: var(--text-xs); }
      .empty { color: var(--fg-muted); padding-inline: var(--space-2); margin: 0; }
    `,
  ];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @consume({ context: appStateContext, subscribe: true }) @state() private app?: AppState;
  @state() private allOutlets = false;
  @state() private allTags = false;
  /** Bumped when the counts go stale, so the task reads them again. */
  @state() private version = 0;
  protected readonly i18n = new LanguageController(this);

  private readonly counts = new Task(this, {
    task: ([, counts]) => counts.sidebar(),
    args: () => [this.version, this.services.counts] as const,
  });

  private readonly onStale = () => this.version++;
  private readonly onSettings = (e: Event) => {
    if ((e as CustomEvent<string>).detail === 'library') this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.services.counts.addEventListener('change', this.onStale);
    this.services.settings.addEventListener('change', this.onSettings);
    this.services.stories.addEventListener('change', this.onStale);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services.counts.removeEventListener('change', this.onStale);
    this.services.settings.removeEventListener('change', this.onSettings);
    this.services.stories.removeEventListener('change', this.onStale);
  }

  private go(route: Route): void {
    this.dispatchEvent(new NavigateEvent(route));
  }

  /** Filters the library by `outlet` (again: all outlets) and shows it. */
  private async outlet(outlet: string): Promise<void> {
    const prefs = this.services.settings.get('library');
    const next = prefs.outlet === outlet ? '' : outlet;
    try {
      await this.services.settings.set('library', { ...prefs, outlet: next } as LibraryPrefs);
    } catch (e) {
      reportError(this.services.notifier, e);
    }
    this.go({ view: 'library' });
  }

  private navItem(view: Route['view'], label: string, iconName: IconName, count: number | undefined, route: Route) {
    const current = this.app?.route.view === view;
    const described = count === undefined ? nothing : formatNumber(count);
    return html`<li><button class="item" aria-current=${current ? 'page' : 'false'} aria-description=${described}
      @click=${() => this.go(route)}>${icon(iconName)}<span class="label">${label}</span>${count === undefined ? nothing : html`<span class="count" aria-hidden="true">${formatNumber(count)}</span>`}</button></li>`;
  }

  private renderOutlets(outlets: { id: string; count: number }[]) {
    if (!outlets.length) return nothing;
    const current = this.services.settings.get('library').outlet;
    const shown = this.allOutlets ? outlets : outlets.slice(0, FIRST);
    return html`
      <h2 id="outlets-h">${t('sidebar.outlets')}</h2>
      <ul aria-labelledby="outlets-h">
        ${shown.map(({ id, count }) => {
          const name = this.services.stories.outletName(id);
          const pressed = this.app?.route.view === 'library' && current === id;
          return html`<li><button class="item" aria-pressed=${pressed ? 'true' : 'false'}
            aria-label=${t('sidebar.outlet', { name, count })} title=${name} @click=${() => this.outlet(id)}>
            ${icon('outlet')}<span class="label"><bdi>${name}</bdi></span><span class="count" aria-hidden="true">${formatNumber(count)}</span></button></li>`;
        })}
        ${this.moreButton(outlets.length, this.allOutlets, () => (this.allOutlets = !this.allOutlets))}
      </ul>`;
  }

  private renderTags(tags: { tag: string; count: number }[]) {
    const route = this.app?.route;
    const currentTag = route?.view === 'notebook' ? route.tag : undefined;
    const shown = this.allTags ? tags : tags.slice(0, FIRST);
    return html`
      <h2 id="tags-h">${t('sidebar.tags')}</h2>
      ${
        tags.length
          ? html`<ul aria-labelledby="tags-h">
            ${shown.map(
              ({ tag, count }) => html`<li><button class="item" aria-pressed=${currentTag === tag ? 'true' : 'false'}
                aria-label=${t('sidebar.tag', { tag, count })} title=${tag}
                @click=${() => this.go(currentTag === tag ? { view: 'notebook' } : { view: 'notebook', tag })}>
                ${icon('tag')}<span class="label"><bdi>${tag}</bdi></span><span class="count" aria-hidden="true">${formatNumber(count)}</span></button></li>`,
            )}
            ${this.moreButton(tags.length, this.allTags, () => (this.allTags = !this.allTags))}
          </ul>`
          : html`<p class="empty">${t('sidebar.noTags')}</p>`
      }`;
  }

  private moreButton(total: number, all: boolean, toggle: () => void) {
    if (total <= FIRST) return nothing;
    return html`<li><button class="item more" aria-expanded=${all ? 'true' : 'false'} @click=${toggle}>
      ${all ? t('sidebar.less') : t('sidebar.more', { count: total })}</button></li>`;
  }

  override render() {
    const c = this.counts.value;
    const q = this.app?.lastQuery;
    return html`
      <ul>
        ${this.navItem('library', t('nav.library'), 'library', c?.articles, { view: 'library' })}
        ${this.navItem('notebook', t('nav.notebook'), 'notebook', c?.annotations, { view: 'notebook' })}
        ${this.navItem('bookmarks', t('nav.bookmarks'), 'bookmark', c?.bookmarks, { view: 'bookmarks' })}
        ${this.navItem('search', t('nav.search'), 'search', undefined, { view: 'search', query: q })}
        ${this.navItem('feeds', t('nav.feeds'), 'feeds', undefined, { view: 'feeds' })}
      </ul>
      ${c ? this.renderOutlets(c.outlets) : nothing}
      ${c ? this.renderTags(c.tags) : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-sidebar': Sidebar;
  }
}
