/**
 * `warraq-search-focus-results` — the header's search box hands the keyboard to the result list (↓ in
 * the box). Bubbles and is composed, so it reaches the window, where the search view listens until the
 * frame's shared state context carries it.
 */
export class SearchFocusResultsEvent extends Event {
  constructor() {
    super('warraq-search-focus-results', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'warraq-search-focus-results': SearchFocusResultsEvent;
  }
  interface WindowEventMap {
    'warraq-search-focus-results': SearchFocusResultsEvent;
  }
}
