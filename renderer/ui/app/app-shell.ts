/**
 * <warraq-app> — the frame: header with navigation and language switch, the current screen, notices.
 * Provides the services to every component (@lit/context) and keeps the route in location.hash.
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
  @state() private route: Route = hashToRoute(location.hash);
  /** The search view's last query, so the nav button returns to it. */
  private lastQuery?: string;
  protected readonly i18n = new LanguageController(this);
  private unsubscribeCommands = () => {};
  private unwatchDates = () => {};

  override connectedCallback(): void {
    super.connectedCallback();
    setLanguage(this.services.settings.get('language'));
    void this.services.platform.setMenuLanguage(this.services.settings.get('language'));
    this.applyTheme();
    this.unwatchDates = watchDatePrefs(this.services.settings);
    this.services.settings.addEventListener('change', this.applyTheme);
    window.addEventListener('hashchange', this.onHash);
    window.addEventListener('keydown', this.onKey);
    this.addEventListener('warraq-navigate', this.onNavigate);
    this.unsubscribeCommands = this.services.platform.onCommand((c) => this.onCommand(c));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services.settings.removeEventListener('change', this.applyTheme);
    window.removeEventListener('hashchange', this.onHash);
    window.removeEventListener('keydown', this.onKey);
    this.removeEventListener('warraq-navigate', this.onNavigate);
    this.unsubscribeCommands();
    this.unwatchDates();
  }

  private applyTheme = (): void => {
    document.documentElement.dataset.theme = this.services.settings.get('reader').theme;
  };

  private onHash = (): void => {
    this.route = hashToRoute(location.hash);
  };

  private onNavigate = (e: NavigateEvent): void => {
    this.navigate(e.detail);
  };

  navigate(route: Route): void {
    if (route.view === 'search') this.lastQuery = route.query;
    const hash = routeToHash(route);
    // Typing refines the search in place: one history entry per search, not one per keystroke.
    if (location.hash !== hash && route.view === 'search' && this.route.view === 'search')
      history.replaceState(history.state, '', hash);
    else if (location.hash !== hash) location.hash = hash;
    this.route = route;
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
      <button aria-current=${current === 'search' ? 'page' : 'false'} @click=${() => this.navigate({ view: 'search', query: this.lastQuery })}>${t('nav.search')}</button>
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
