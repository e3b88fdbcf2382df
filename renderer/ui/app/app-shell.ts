/**
 * <warraq-app> — the frame: a header (brand, the search box at its centre, the shortcuts button and a menu
 * with the less frequent actions: import files or a folder, export & backup, language), the sidebar
 * (sections, outlets, tags), the current screen, notices.
 * Provides the services and the cross-screen state (app-state.ts: route, language, last query, export
 * scope) to every component (@lit/context), and keeps the route in location.hash.
 * Handles the state's events from below: `warraq-navigate`, `warraq-export-scope`, `warraq-export-request`,
 * `warraq-search-focus-results`.
 *
 * Properties: `services` (set once by renderer/main.ts).
 * Global keys: Ctrl/Cmd+Z undoes the newest undoable change, `?` shows the shortcuts (outside text fields).
 * A feature adds: an item in sidebar.ts, a case in `renderView`, strings in its table.
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
import './sidebar';
import './shortcuts-dialog';
import '../common/menu-button';
import '../export/export-control';
import '../import/import-control';
import '../collect/feeds-view';
import '../annotations/bookmarks-list';
import { icon } from '../common/icons';
import type { MenuItem, MenuSelectEvent } from '../common/menu-button';
import type { ImportControl } from '../import/import-control';
import type { ShortcutsDialog } from './shortcuts-dialog';

@customElement('warraq-app')
export class AppShell extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: grid; grid-template-rows: var(--header-size) 1fr; block-size: 100vh; overflow: hidden; }
    .top {
      display: grid; grid-template-columns: 1fr minmax(12rem, 36rem) 1fr; align-items: center; gap: var(--space-3);
      padding-inline: var(--space-3); background: var(--bg-elev); border-block-end: 1px solid var(--border);
    }
    .start, .end { display: flex; align-items: center; gap: var(--space-1); min-inline-size: 0; }
    .end { justify-content: flex-end; }
    .brand { font-weight: var(--weight-bold); font-size: var(--text-lg); color: var(--accent); margin-inline-start: var(--space-2); white-space: nowrap; }
    warraq-search-box { inline-size: 100%; }
    .body { display: grid; grid-template-columns: var(--sidebar-size) 1fr; min-block-size: 0; }
    .body.collapsed { grid-template-columns: 1fr; }
    .body.collapsed warraq-sidebar { display: none; }
    main { min-block-size: 0; min-inline-size: 0; overflow: hidden; }
    main > * { block-size: 100%; }
    .screen { overflow-y: auto; box-sizing: border-box; padding-block: var(--space-4); padding-inline: var(--space-5); }
    .screen h1 { font-size: var(--text-xl); margin-block: 0 var(--space-3); }
    @media (max-width: 760px) {
      .body { grid-template-columns: 1fr; }
      .body:not(.open) warraq-sidebar { display: none; }
      .body.open main { display: none; }
      .brand { display: none; }
    }
  `,
  ];

  @provide({ context: servicesContext }) @property({ attribute: false }) services!: Services;
  /** The one owner of cross-screen state; replaced (never mutated) so consumers re-render. */
  @provide({ context: appStateContext }) @state() private app: AppState = {
    route: hashToRoute(location.hash),
    language: language(),
  };
  /** The header's sidebar button was pressed: hides the sidebar (wide windows) or shows it instead of the screen (narrow). */
  @state() private sidebarToggled = false;
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
      libraryOpened:
        route.view === 'reader' && this.app.route.view === 'library'
          ? route.id
          : route.view === 'reader' || route.view === 'library'
            ? this.app.libraryOpened
            : undefined,
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
    } else if (e.key === '?' && !editing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.shortcuts();
    }
  };

  private shortcuts(): void {
    this.renderRoot.querySelector<ShortcutsDialog>('warraq-shortcuts')?.show();
  }

  /** The header menu: the actions a reader needs less often than the search box. */
  private menuItems(): MenuItem[] {
    const other = language() === 'ar' ? 'en' : 'ar';
    return [
      { id: 'import-files', label: t('import.files'), icon: 'import-files' },
      { id: 'import-folder', label: t('import.folder'), icon: 'import-folder' },
      { id: 'export', label: t('xb.open'), icon: 'export' },
      { id: 'shortcuts', label: t('keys.open'), icon: 'keyboard' },
      { id: 'language', label: t('lang.switchLabel'), icon: 'language', lang: other },
    ];
  }

  private onMenu = (e: MenuSelectEvent): void => {
    const importer = () => this.renderRoot.querySelector<ImportControl>('warraq-import');
    switch (e.detail) {
      case 'import-files':
        return void importer()?.pick('files');
      case 'import-folder':
        return void importer()?.pick('folder');
      case 'export':
        return void this.renderRoot.querySelector<ExportControl>('warraq-export')?.openWith();
      case 'shortcuts':
        return this.shortcuts();
      case 'language':
        return void this.setLang(language() === 'ar' ? 'en' : 'ar');
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

  protected renderView() {
    const r = this.route;
    switch (r.view) {
      case 'reader':
        return html`<warraq-reader .articleId=${r.id} .query=${r.query} .paragraph=${r.paragraph} .annotation=${r.annotation}></warraq-reader>`;
      case 'notebook':
        return html`<warraq-notebook .tag=${r.tag}></warraq-notebook>`;
      case 'bookmarks':
        return html`<section class="screen" aria-labelledby="bm-title"><h1 id="bm-title">${t('bookmarks.title')}</h1>
          <warraq-bookmarks-list></warraq-bookmarks-list></section>`;
      case 'search':
        return html`<warraq-search .query=${r.query ?? ''}></warraq-search>`;
      case 'feeds':
        return html`<warraq-feeds></warraq-feeds>`;
      default:
        return html`<warraq-library></warraq-library>`;
    }
  }

  override render() {
    const r = this.route;
    const narrow = matchMedia('(max-width: 760px)').matches;
    return html`
      <header class="top">
        <div class="start">
          <button class="icon-btn" aria-label=${t('frame.sidebarToggle')} title=${t('frame.sidebarToggle')}
            aria-expanded=${this.sidebarToggled === narrow ? 'true' : 'false'} aria-controls="sidebar"
            @click=${() => (this.sidebarToggled = !this.sidebarToggled)}>${icon('panel-start')}</button>
          <span class="brand">${t('app.name')}</span>
        </div>
        <warraq-search-box .value=${r.view === 'search' || r.view === 'reader' ? (r.query ?? '') : ''}></warraq-search-box>
        <div class="end">
          <button class="icon-btn" aria-label=${t('keys.open')} title=${`${t('keys.open')} (?)`} @click=${() => this.shortcuts()}>${icon('keyboard')}</button>
          <warraq-menu-button icon="more-vertical" .label=${t('frame.menu')} .items=${this.menuItems()} @warraq-menu-select=${this.onMenu}></warraq-menu-button>
        </div>
      </header>
      <div class="body ${this.sidebarToggled ? (narrow ? 'open' : 'collapsed') : ''}">
        <warraq-sidebar id="sidebar" aria-label=${t('nav.main')} role="navigation"></warraq-sidebar>
        <main>${this.services ? this.renderView() : nothing}</main>
      </div>
      <warraq-export></warraq-export>
      <warraq-import></warraq-import>
      <warraq-shortcuts></warraq-shortcuts>
      <warraq-notices></warraq-notices>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-app': AppShell;
  }
}
