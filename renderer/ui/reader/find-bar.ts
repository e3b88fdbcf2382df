/**
 * <warraq-find-bar> — find within the open article with the archive search's own folding and stems
 * (core/search/find-text, the code the search worker uses), so `السيطرة` finds `السیطرة` here too.
 * The reader hands in the text it already holds; the scan runs a chunk at a time between frames, so
 * a 30M-character article neither is read from storage again nor freezes the page, and the first
 * hit is shown as soon as it is found (issue 13).
 *
 * Properties: `articleId`, `articleText` (the article's stored text), `query` (opened with it, e.g.
 * from a search result), `body` (paragraph ranges: hits outside them, e.g. in a title that is not
 * painted, are not counted).
 * Events: `warraq-find-hits` (FindHitsEvent: {hits, current}) whenever hits or the
 * current hit change (current is -1 when there are none).
 * Keyboard (through `handleKey`, called by the reader): Ctrl/Cmd+F opens, F3 / Shift+F3 next /
 * previous; in the field Enter / Shift+Enter next / previous, Escape closes.
 */
import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { customElement, property, state, query as el } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { TextRange } from '../../core/model';
import type { Services } from '../../services/services';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { LanguageController, t } from '../strings/i18n';
import { reportError } from '../common/report-error';
import { hashToRoute, routeToHash } from '../app/route';
import { icon } from '../common/icons';
import { findSteps } from '../../core/search/find-text';

export interface FindHits {
  hits: TextRange[];
  current: number;
}

export class FindHitsEvent extends CustomEvent<FindHits> {
  constructor(detail: FindHits) {
    super('warraq-find-hits', { detail });
  }
}

const TYPING_DEBOUNCE_MS = 120;
/** Longest stretch of scanning before the bar lets the page paint and take input. */
const STEP_MS = 12;

@customElement('warraq-find-bar')
export class FindBar extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: block; }
    .bar {
      padding-block: var(--space-1); padding-inline: var(--space-2); background: var(--bg);
      border: 1px solid var(--border); border-radius: var(--radius-lg); box-shadow: var(--shadow-2); flex-wrap: nowrap;
    }
    input { min-block-size: 30px; inline-size: 16rem; padding-inline: 8px; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); }
    .count { min-inline-size: 6em; color: var(--fg-muted); }
  `,
  ];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @property() articleId = '';
  @property({ attribute: false }) articleText = '';
  @property() query = '';
  @property({ attribute: false }) body: TextRange[] = [];
  @state() private opened = false;
  @state() private hits: TextRange[] = [];
  @state() private current = -1;
  @state() private text = '';
  @el('input') private input?: HTMLInputElement;
  protected readonly i18n = new LanguageController(this);
  private timer = 0;
  private run = 0;
  private unsubscribe = () => {};

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.services.platform.onCommand((c) => {
      if (c === 'find') this.open();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearTimeout(this.timer);
    this.unsubscribe();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('query') && this.query) {
      this.text = this.query;
      this.opened = true;
    }
    if (['query', 'articleId', 'articleText', 'body'].some((k) => changed.has(k)) && this.articleId) void this.find();
  }

  /** Opens the bar and focuses its field. */
  async open(): Promise<void> {
    this.opened = true;
    await this.updateComplete;
    this.input?.focus();
    this.input?.select();
  }

  close(): void {
    this.opened = false;
    this.text = '';
    this.setHits([], -1);
    // The query that opened the bar rides in the URL (?q=): forget it, so a reload does not reopen it.
    const route = hashToRoute(location.hash);
    if (route.view === 'reader' && route.query)
      history.replaceState(history.state, '', routeToHash({ ...route, query: undefined }));
  }

  /** Moves to the next (1) or previous (-1) hit, wrapping around. */
  step(dir: 1 | -1): void {
    const n = this.hits.length;
    if (n) this.setHits(this.hits, (this.current + dir + n) % n);
  }

  /** Handles the reader's keys; returns true when the key was used. */
  handleKey(e: KeyboardEvent): boolean {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      void this.open();
      return true;
    }
    if (e.key === 'F3') {
      e.preventDefault();
      this.step(e.shiftKey ? -1 : 1);
      return true;
    }
    return false;
  }

  private async find(): Promise<void> {
    const run = ++this.run;
    const q = this.text.trim();
    const text = this.articleText;
    if (!q || !this.articleId || !text) return this.setHits([], -1);
    try {
      const all: TextRange[] = [];
      const hits: TextRange[] = [];
      const steps = findSteps(text, q, all);
      let checked = 0;
      let shown = false;
      for (;;) {
        const until = performance.now() + STEP_MS;
        let done = false;
        while (!(done = !!steps.next().done) && performance.now() < until);
        for (; checked < all.length; checked++)
          if (!this.body.length || inParagraph(this.body, all[checked]!)) hits.push(all[checked]!);
        if (done) {
          const current = shown && this.current >= 0 ? this.current : 0;
          return this.setHits(hits, hits.length ? current : -1);
        }
        // The first hit is shown at once; the count completes when the scan does.
        if (hits.length && !shown) {
          shown = true;
          this.setHits([...hits], 0);
        }
        await new Promise((r) => setTimeout(r, 0));
        if (run !== this.run) return;
      }
    } catch (e) {
      reportError(this.services.notifier, e);
    }
  }

  private setHits(hits: TextRange[], current: number): void {
    if (hits.length === 0 && this.hits.length === 0 && this.current === current) return;
    this.hits = hits;
    this.current = current;
    this.dispatchEvent(new FindHitsEvent({ hits, current }));
  }

  private onInput = (e: Event): void => {
    this.text = (e.target as HTMLInputElement).value;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.find(), TYPING_DEBOUNCE_MS);
  };

  private onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      this.step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    }
  };

  override render() {
    if (!this.opened) return nothing;
    const n = this.hits.length;
    return html`<div class="bar toolbar" role="search" aria-label=${t('find.bar')}>
      <input type="search" dir="auto" aria-label=${t('find.input')} .value=${this.text} @input=${this.onInput} @keydown=${this.onKey} />
      <span class="count" role="status">${this.text.trim() ? (n ? t('find.count', { current: this.current + 1, total: n }) : t('find.none')) : ''}</span>
      <button class="icon-btn" aria-label=${t('find.prev')} title="${t('find.prev')} (Shift+F3)" ?disabled=${!n} @click=${() => this.step(-1)}>${icon('chevron-up')}</button>
      <button class="icon-btn" aria-label=${t('find.next')} title="${t('find.next')} (F3)" ?disabled=${!n} @click=${() => this.step(1)}>${icon('chevron-down')}</button>
      <button class="icon-btn" aria-label=${t('find.close')} title=${t('find.close')} @click=${() => this.close()}>${icon('close')}</button>
    </div>`;
  }
}

/** Whether `h` lies inside one of the (sorted) paragraphs: a binary search, for articles of any size. */
export function inParagraph(paragraphs: readonly TextRange[], h: TextRange): boolean {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid]!.start <= h.start) lo = mid;
    else hi = mid - 1;
  }
  const p = paragraphs[lo];
  return !!p && h.start >= p.start && h.end <= p.end;
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-find-bar': FindBar;
  }
  interface HTMLElementEventMap {
    'warraq-find-hits': FindHitsEvent;
  }
}
