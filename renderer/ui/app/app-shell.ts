/**
 * <warraq-app> — the frame: header with navigation and language switch, the current screen, notices.
 * Provides the services and the cross-screen state (app-state.ts: route, language, last query, export
 * scope) to every component (@lit/context), and keeps the route in location.hash.
 * Handles the state's events from below: `warraq-navigate`, `warraq-export-scope`, `warraq-export-request`,
 * `warraq-search-focus-results`.
 *
 * Properties: `services` (set once by renderer/main.ts).
 * Global keys: Ctrl/Cmd+Z undoes the newest undoable change (outside text fields).
 * A feature adds: a nav button in `renderNav`, a case in `renderView`, strings in ar.ts/en.ts.
 */
import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { Services } from '../../services/services';
import type { AppCommand } from '../../platform/platform';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { LanguageController, setLanguage, t, language } from '../strings/i18n';
import { hashToRoute, routeToHash, type Route, type NavigateEvent } from './route';
import { appStateContext, type AppState, type ExportScopeEvent } from './app-state';
import type { ExportRequestEvent } from '../export/events';
import type { ExportControl } from '../export/export-control';
import type { SearchView } from '../search/search-view';
import { reportError } from '../common/report-error';
import { watchDatePrefs } from '../common/article-date';
import '../library/library-view';
import '../reader/reader-view';
import '../notebook/notebook-view';
import '../search/search-view';
import '../search/search-box';
import './notices';
import '../export/export-control';
import '../import/import-control';
import '../collect/feeds-view';

@customElement('warraq-app')
export class AppShell extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: grid; grid-template-rows: auto 1fr; block-size: 100vh; overflow: hidden; }
    .top { display: flex; align-items: center; gap: 12px; padding-block: 8px; padding-inline: 16px; background: var(--bg-elev); border-block-end: 1px solid var(--border); }
    .brand { font-weight: 700; font-size: 1.2rem; margin-inline-end: 12px; color: var(--accent); }
    nav { display: flex; gap: 6px; flex: 1; flex-wrap: wrap; }
    main { min-block-size: 0; overflow: hidden; }
    main > * { block-size: 100%; }
  `,
  ];

  @provide({ context: servicesContext }) @property({ attribute: false }) services!: Services;
  /** The one owner of cross-screen state; replaced (never mutated) so consumers re-render. */
  @provide({ context: appStateContext }) @state() private app: AppState = {
    route: hashToRoute(location.hash),
    language: language(),
  };
  protected readonly i18n = new LanguageController(this);
  private unsubscribeCommands = () => {};
  private unwatchDates = () => {};

  override connectedCallback(): void {
    super.connectedCallback();
    setLanguage(this.services.settings.get('language'));
    this.app = { ...this.app, language: language() };
    void this.services.platform.setMenuLanguage(this.services.settings.get('language'));
    this.applyTheme();
    this.unwatchDates = watchDatePrefs(this.services.settings);
    this.services.settings.addEventListener('change', this.applyTheme);
    window.addEventListener('hashchange', this.onHash);
    window.addEventListener('keydown', this.onKey);
    this.addEventListener('warraq-navigate', this.onNavigate);
    this.addEventListener('warraq-export-scope', this.onExportScope);
    this.addEventListener('warraq-export-request', this.onExportRequest);
    this.addEventListener('warraq-search-focus-results', this.onFocusResults);
    this.unsubscribeCommands = this.services.platform.onCommand((c) => this.onCommand(c));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services.settings.removeEventListener('change', this.applyTheme);
    window.removeEventListener('hashchange', this.onHash);
    window.removeEventListener('keydown', this.onKey);
    this.removeEventListener('warraq-navigate', this.onNavigate);
    this.removeEventListener('warraq-export-scope', this.onExportScope);
    this.removeEventListener('warraq-export-request', this.onExportRequest);
    this.removeEventListener('warraq-search-focus-results', this.onFocusResults);
    this.unsubscribeCommands();
    this.unwatchDates();
  }

  private applyTheme = (): void => {
    document.documentElement.dataset.theme = this.services.settings.get('reader').theme;
  };

  private get route(): Route {
    return this.app.route;
  }

  /** The one place the route changes: a new view forgets the previous view's export scope. */
  private setRoute(route: Route): void {
    const sameView = route.view === this.app.route.view;
    this.app = {
      ...this.app,
      route,
      lastQuery: route.view === 'search' ? route.query : this.app.lastQuery,
      exportScope: sameView ? this.app.exportScope : undefined,
    };
  }

  private onHash = (): void => {
    this.setRoute(hashToRoute(location.hash));
  };

  private onExportScope = (e: ExportScopeEvent): void => {
    this.app = { ...this.app, exportScope: e.detail };
  };

  private onExportRequest = (e: ExportRequestEvent): void => {
    void this.renderRoot.querySelector<ExportControl>('warraq-export')?.openWith(e.detail);
  };

  private onFocusResults = (): void => {
    this.renderRoot.querySelector<SearchView>('warraq-search')?.focusList();
  };

  private onNavigate = (e: NavigateEvent): void => {
    this.navigate(e.detail);
  };

  navigate(route: Route): void {
    const hash = routeToHash(route);
    // Typing refines the search in place: one history entry per search, not one per keystroke.
    if (location.hash !== hash && route.view === 'search' && this.route.view === 'search')
      history.replaceState(history.state, '', hash);
    else if (location.hash !== hash) location.hash = hash;
    this.setRoute(route);
  }

  private onKey = (e: KeyboardEvent): void => {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    const editing = !!target && (/^(INPUT|TEXTAREA)$/.test(target.tagName) || target.isContentEditable);
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !editing) {
      e.preventDefault();
      this.services.notifier.undoLatest().catch((err) => reportError(this.services.notifier, err));
    }
  };

  /** Menu commands this frame handles; features handle theirs by listening to the platform too. */
  private onCommand(c: AppCommand): void {
    if (c === 'language-ar' || c === 'language-en') void this.setLang(c === 'language-ar' ? 'ar' : 'en');
    else if (c === 'library') this.navigate({ view: 'library' });
    else if (c === 'notebook') this.navigate({ view: 'notebook' });
    else if (c === 'undo') void this.services.notifier.undoLatest();
    else if (c.startsWith('theme-')) {
      const theme = c.slice(6) as 'light' | 'sepia' | 'dark';
      void this.services.settings.set('reader', { ...this.services.settings.get('reader'), theme });
    }
  }

  private async setLang(lang: 'ar' | 'en'): Promise<void> {
    setLanguage(lang);
    this.app = { ...this.app, language: lang };
    void this.services.platform.setMenuLanguage(lang);
    try {
      await this.services.settings.set('language', lang);
    } catch (e) {
      reportError(this.services.notifier, e);
    }
  }

  protected renderNav() {
    const current = this.route.view;
    return html`
      <button aria-current=${current === 'library' ? 'page' : 'false'} @click=${() => this.navigate({ view: 'library' })}>${t('nav.library')}</button>
      <button aria-current=${current === 'notebook' ? 'page' : 'false'} @click=${() => this.navigate({ view: 'notebook' })}>${t('nav.notebook')}</button>
      <button aria-current=${current === 'search' ? 'page' : 'false'} @click=${() => this.navigate({ view: 'search', query: this.app.lastQuery })}>${t('nav.search')}</button>
      <button aria-current=${current === 'feeds' ? 'page' : 'false'} @click=${() => this.navigate({ view: 'feeds' })}>${t('nav.feeds')}</button>
    `;
  }

  protected renderView() {
    const r = this.route;
    switch (r.view) {
      case 'reader':
        return html`<warraq-reader .articleId=${r.id} .query=${r.query} .paragraph=${r.paragraph} .annotation=${r.annotation}></warraq-reader>`;
      case 'notebook':
        return html`<warraq-notebook></warraq-notebook>`;
      case 'search':
        return html`<warraq-search .query=${r.query ?? ''}></warraq-search>`;
      case 'feeds':
        return html`<warraq-feeds></warraq-feeds>`;
      default:
        return html`<warraq-library></warraq-library>`;
    }
  }

  override render() {
    const other = language() === 'ar' ? 'en' : 'ar';
    return html`
      <header class="top">
        <span class="brand">${t('app.name')}</span>
        <nav aria-label=${t('nav.main')}>${this.renderNav()}</nav>
        <warraq-export></warraq-export>
        <warraq-search-box .value=${this.route.view === 'search' || this.route.view === 'reader' ? (this.route.query ?? '') : ''}></warraq-search-box>
        <warraq-import></warraq-import>
        <button lang=${other} aria-label=${t('lang.switchLabel')} @click=${() => this.setLang(other)}>${t('lang.switch')}</button>
      </header>
      <main>${this.services ? this.renderView() : nothing}</main>
      <warraq-notices></warraq-notices>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-app': AppShell;
  }
}
