/**
 * <warraq-editions-strip> — under the reader's header: "published by N outlets", every edition of the
 * story earliest first (outlet, date, headline as printed). An edition of another article opens it; an
 * edition of this text shows its own headline, date and link. Compare opens the word-level comparison
 * (<warraq-edition-compare>); related articles (shared passages, or a story split by hand) can be merged
 * back; the article can be split out of its story; the article's details and its outlet's name can be
 * corrected (<warraq-meta-editor>, <warraq-outlet-editor>).
 *
 * Properties: `articleId`. Events: `warraq-navigate`. Services: stories, library, notifier.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Edition } from '../../core/model';
import type { Services } from '../../services/services';
import type { StoryView } from '../../services/stories';
import { servicesContext } from '../context';
import { LanguageController, t } from '../strings/i18n';
import { formatPublished } from '../common/article-date';
import { NavigateEvent } from '../app/route';
import { reportError } from '../common/report-error';
import { stripStyles } from './strip-styles';
import { tCount } from './plural';
import type { EditionCompare } from './edition-compare';
import type { MetaEditor } from './meta-editor';
import type { OutletEditor } from './outlet-editor';
import './edition-compare';
import './meta-editor';
import './outlet-editor';
import { icon } from '../common/icons';

@customElement('warraq-editions-strip')
export class EditionsStrip extends LitElement {
  static override styles = stripStyles;

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @property() articleId = '';
  @state() private view?: StoryView;
  /** The edition of this text whose details are shown (an edition opened from the strip). */
  @state() private selected?: string;
  @state() private compare = { from: '', to: '' };
  @state() private expanded = false;
  @query('warraq-edition-compare') private comparer?: EditionCompare;
  @query('warraq-meta-editor') private metaEditor?: MetaEditor;
  @query('warraq-outlet-editor') private outletEditor?: OutletEditor;
  protected readonly i18n = new LanguageController(this);
  private run = 0;
  private readonly onChange = () => void this.load();

  override connectedCallback(): void {
    super.connectedCallback();
    this.services.stories.addEventListener('change', this.onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services.stories.removeEventListener('change', this.onChange);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('articleId')) {
      this.view = undefined;
      this.selected = undefined;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const run = ++this.run;
    try {
      const view = await this.services.stories.storyOf(this.articleId);
      if (run === this.run) this.view = view;
    } catch (e) {
      reportError(this.services.notifier, e);
    }
  }

  private outlet(id: string): string {
    return this.services.stories.outletName(id);
  }

  /** This article's edition shown in its header: the one whose outlet the header names, else its first. */
  private ownEdition(v: StoryView): Edition | undefined {
    const own = v.editions.filter((e) => e.articleId === this.articleId);
    const meta = this.services.library.meta(this.articleId);
    return own.find((e) => e.id === this.selected) ?? own.find((e) => e.outlet === meta?.outlet) ?? own[0];
  }

  private openEdition(e: Edition): void {
    if (e.articleId !== this.articleId) this.dispatchEvent(new NavigateEvent({ view: 'reader', id: e.articleId }));
    else this.selected = e.id;
  }

  private async openCompare(other: Edition): Promise<void> {
    const own = this.view && this.ownEdition(this.view);
    if (!own) return;
    // Earlier edition on the "from" side, so the comparison reads as what the later one changed.
    const [from, to] =
      this.view!.editions.indexOf(other) < this.view!.editions.indexOf(own) ? [other, own] : [own, other];
    this.compare = { from: from.id, to: to.id };
    await this.updateComplete;
    await this.comparer?.open();
  }

  private async act(work: () => Promise<{ undo(): Promise<void> }>, message: string): Promise<void> {
    try {
      const undo = await work();
      this.services.notifier.notify({ kind: 'success', message, undo: () => undo.undo() });
    } catch (e) {
      reportError(this.services.notifier, e);
    }
  }

  private renderEdition(v: StoryView, e: Edition, own: Edition | undefined) {
    const outlet = this.outlet(e.outlet);
    const date = e.published ? formatPublished(e) : t('stories.undated');
    const current = e.id === own?.id;
    return html`<li class=${current ? 'current' : ''}>
      <button class="edition" aria-current=${current ? 'true' : 'false'}
        aria-label=${t('stories.edition.open', { outlet, date, title: e.title })} @click=${() => this.openEdition(e)}>
        <span class="outlet"><bdi>${outlet}</bdi></span>
        <time datetime=${e.published ?? nothing}>${date}</time>
        <span class="title" dir="auto">${e.title}</span>
      </button>
      ${
        !current && v.editions.length > 1
          ? html`<button class="compare" aria-label=${t('stories.edition.compare', { outlet })}
        @click=${() => this.openCompare(e)}>${t('stories.compare.short')}</button>`
          : nothing
      }
    </li>`;
  }

  private renderDetail(own: Edition | undefined) {
    const meta = this.services.library.meta(this.articleId);
    if (!own || !meta || (own.outlet === meta.outlet && own.title === meta.title)) return nothing;
    return html`<p class="detail" role="status">${t('stories.edition.asPrinted', { outlet: this.outlet(own.outlet) })}
      <bdi class="title">${own.title}</bdi>
      ${own.url ? html`<button class="link" @click=${() => this.services.platform.openExternal(own.url!)} title=${own.url}>${t('reader.source')} ${icon('external')}</button>` : nothing}</p>`;
  }

  private renderRelated(v: StoryView) {
    if (!v.related.length) return nothing;
    return html`<section class="related" aria-labelledby="rel-h">
      <h3 id="rel-h">${t('stories.related.title', { count: v.related.length })}</h3>
      <ul>${v.related.map((r) => {
        const outlet = this.outlet(r.meta.outlet);
        return html`<li>
          <a href="#/article/${encodeURIComponent(r.articleId)}" @click=${(e: Event) => {
            e.preventDefault();
            this.dispatchEvent(new NavigateEvent({ view: 'reader', id: r.articleId }));
          }}><bdi>${outlet}</bdi> · <bdi dir="auto">${r.meta.title}</bdi></a>
          <span class="muted">${t(r.relation === 'same' ? 'stories.related.same' : 'stories.related.partial')}</span>
          <button aria-label=${t('stories.merge.label', { title: r.meta.title })}
            @click=${() => this.act(() => this.services.stories.merge(v.story.id, r.storyId), 'stories.merge.done')}>${t('stories.merge')}</button>
        </li>`;
      })}</ul>
    </section>`;
  }

  override render() {
    const v = this.view;
    if (!v) return nothing;
    const own = this.ownEdition(v);
    const n = v.story.outletCount;
    const shown = this.expanded || v.editions.length <= 4 ? v.editions : v.editions.slice(0, 4);
    const meta = this.services.library.meta(this.articleId);
    return html`<section class="strip" aria-labelledby="strip-h">
      <div class="toolbar">
        <h2 id="strip-h">${n > 1 ? tCount('stories.strip.outlets', n) : t('stories.strip.one')}</h2>
        <span class="spacer"></span>
        ${
          v.articles.length > 1
            ? html`<button aria-label=${t('stories.split.label')}
          @click=${() => this.act(() => this.services.stories.split(this.articleId), 'stories.split.done')}>${t('stories.split')}</button>`
            : nothing
        }
        <button @click=${() => this.metaEditor?.open()}>${t('stories.meta.open')}</button>
        ${meta ? html`<button @click=${() => this.outletEditor?.open(meta.outlet)}>${t('stories.outlet.open')}</button>` : nothing}
      </div>
      ${
        v.editions.length > 1
          ? html`<ol class="editions" aria-label=${t('stories.strip.list')}>
        ${shown.map((e) => this.renderEdition(v, e, own))}
      </ol>
      ${
        v.editions.length > shown.length || this.expanded
          ? html`<button class="more" aria-expanded=${this.expanded ? 'true' : 'false'}
        @click=${() => {
          this.expanded = !this.expanded;
        }}>${this.expanded ? t('stories.strip.less') : t('stories.strip.more', { count: v.editions.length - shown.length })}</button>`
          : nothing
      }`
          : nothing
      }
      ${this.renderDetail(own)}
      ${this.renderRelated(v)}
    </section>
    <warraq-edition-compare .editions=${v.editions} .from=${this.compare.from} .to=${this.compare.to}></warraq-edition-compare>
    <warraq-meta-editor .articleId=${this.articleId}></warraq-meta-editor>
    <warraq-outlet-editor></warraq-outlet-editor>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-editions-strip': EditionsStrip;
  }
}
