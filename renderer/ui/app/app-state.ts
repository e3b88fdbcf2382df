/**
 * The state that spans screens, with one owner: <warraq-app> holds it and provides it through
 * @lit/context; nothing else keeps a copy, and nothing travels over `window`.
 *
 * Read it (any component under <warraq-app>):
 *
 *   @consume({ context: appStateContext, subscribe: true }) @state() private app?: AppState;
 *   … this.app?.route, this.app?.language, this.app?.lastQuery, this.app?.exportScope, this.app?.libraryOpened
 *
 * `subscribe: true` re-renders the component whenever the state changes (a new object each time, never
 * mutated). Change it by dispatching one of these events from the component (they bubble and are composed,
 * so they cross shadow roots up to the shell):
 *
 *   this.dispatchEvent(new NavigateEvent({ view: 'search', query }));   // route (and lastQuery)  – app/route.ts
 *   this.dispatchEvent(new ExportScopeEvent({ kind: 'annotations', annotationIds }));  // what this screen would export
 *   this.dispatchEvent(new ExportRequestEvent({ scope, section: 'export' }));  // open Export & backup – export/events.ts
 *   this.dispatchEvent(new SearchFocusResultsEvent());   // the search box hands the keyboard to the result list
 *
 * The language is also in `t()`/`language()` (strings/i18n.ts) for formatting; a LanguageController
 * re-renders on a switch, so reading `app.language` is only needed to react to it in logic.
 */
import { createContext } from '@lit/context';
import type { UiLanguage } from '../../core/model';
import type { ExportScope } from '../../services/exporter';
import type { Route } from './route';

export interface AppState {
  /** The screen shown, as in location.hash. */
  readonly route: Route;
  readonly language: UiLanguage;
  /** The search view's last query, so "Search" returns to it (and ui can offer it again). */
  readonly lastQuery?: string;
  /**
   * What "Export & backup" offers first on this screen: the article read, the notebook's current filter.
   * Set by the screen (ExportScopeEvent); cleared when the route changes to another view.
   */
  readonly exportScope?: ExportScope;
  /**
   * The article last opened from the library: its row is active and focused when the library comes
   * back. Kept while the reader reads (and moves between articles); dropped on any other screen.
   */
  readonly libraryOpened?: string;
}

export const appStateContext = createContext<AppState>(Symbol('warraq-app-state'));

/** A screen says what it would export now (undefined: nothing of its own). */
export class ExportScopeEvent extends CustomEvent<ExportScope | undefined> {
  constructor(scope: ExportScope | undefined) {
    super('warraq-export-scope', { detail: scope, bubbles: true, composed: true });
  }
}

/** The search box asks the search results to take the keyboard (ArrowDown in the box). */
export class SearchFocusResultsEvent extends Event {
  constructor() {
    super('warraq-search-focus-results', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'warraq-export-scope': ExportScopeEvent;
    'warraq-search-focus-results': SearchFocusResultsEvent;
  }
}
