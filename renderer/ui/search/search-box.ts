/**
 * <warraq-search-box> — the archive search field in the header (role=searchbox, named "بحث"/"Search").
 * Every keystroke goes to the search view at once (no typing pause: the worker drops a query a
 * newer one superseded, and the first page is small, so results keep up with typing). Ctrl/Cmd+K or '/' (outside text fields) and the menu's 'search' command focus it.
 *
 * Properties: `value` (the current route's query). Events: `warraq-navigate`, `warraq-search-focus-results`.
 */
import { LitElement, html, css, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Services } from '../../services/services';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { LanguageController, t } from '../strings/i18n';
import { NavigateEvent } from '../app/route';
import { SearchFocusResultsEvent } from '../app/app-state';

@customElement('warraq-search-box')
export class SearchBox extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: block; }
    input {
      inline-size: 20rem; max-inline-size: 40vw; min-block-size: 32px; box-sizing: border-box;
      padding-block: 4px; padding-inline: 10px; border: 1px solid var(--border); border-radius: 6px;
      background: var(--bg);
    }
  `,
  ];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @property() value = '';
  @query('input') private input!: HTMLInputElement;
  protected readonly i18n = new LanguageController(this);
  private unsubscribe = () => {};

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onGlobalKey);
    this.unsubscribe = this.services.platform.onCommand((c) => {
      if (c === 'search') this.focusBox();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onGlobalKey);
    this.unsubscribe();
  }

  protected override updated(changed: PropertyValues): void {
    // Follow the route (reload, back, a link) but never overwrite what the user is typing.
    if (changed.has('value') && this.shadowRoot?.activeElement !== this.input) this.input.value = this.value ?? '';
  }

  focusBox(): void {
    this.input?.focus();
    this.input?.select();
  }

  private onGlobalKey = (e: KeyboardEvent): void => {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    const editing = !!target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable);
    if (
      ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') ||
      (e.key === '/' && !editing && !e.ctrlKey && !e.metaKey)
    ) {
      e.preventDefault();
      this.focusBox();
    }
  };

  private go(): void {
    this.dispatchEvent(new NavigateEvent({ view: 'search', query: this.input.value.trim() || undefined }));
  }

  private onInput = (): void => this.go();

  private onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      this.go();
    } else if (e.key === 'ArrowDown') {
      // Hand the keyboard to the result list.
      e.preventDefault();
      this.dispatchEvent(new SearchFocusResultsEvent());
    }
  };

  override render() {
    return html`<input type="search" role="searchbox" dir="auto" aria-label=${t('search.box')}
      placeholder=${t('search.boxHint')} title=${t('search.boxHint')}
      @input=${this.onInput} @keydown=${this.onKey} />`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-search-box': SearchBox;
  }
}
