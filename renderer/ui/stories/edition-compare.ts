/**
 * <warraq-edition-compare> — a modal dialog comparing two editions of one story word by word
 * (core/stories/diff.ts): headline and text, added and removed passages marked (`<ins>`/`<del>`),
 * changed figures called out and listed, and a toggle that also shows spelling differences.
 *
 * Properties: `editions` (the story's editions, earliest first), `from`, `to` (edition ids).
 * Methods: `open()`. Events: none (closing is local). Services: library (texts), stories (outlet names).
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Edition } from '../../core/model';
import { diffTexts, type DiffPart, type EditionDiff } from '../../core/stories/diff';
import type { Services } from '../../services/services';
import { servicesContext } from '../context';
import { LanguageController, t } from '../strings/i18n';
import { formatPublished } from '../common/article-date';
import { reportError } from '../common/report-error';
import { compareStyles } from './compare-styles';
import { icon } from '../common/icons';

interface Loaded {
  key: string;
  title: EditionDiff;
  body: EditionDiff;
}

@customElement('warraq-edition-compare')
export class EditionCompare extends LitElement {
  static override styles = compareStyles;

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @property({ attribute: false }) editions: Edition[] = [];
  @property() from = '';
  @property() to = '';
  @state() private spelling = false;
  @state() private result?: Loaded;
  @query('dialog') private dialog?: HTMLDialogElement;
  protected readonly i18n = new LanguageController(this);
  private run = 0;

  async open(): Promise<void> {
    await this.updateComplete;
    if (!this.dialog?.open) this.dialog?.showModal();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('from') || changed.has('to') || changed.has('spelling') || changed.has('editions'))
      void this.compute();
  }

  private edition(id: string): Edition | undefined {
    return this.editions.find((e) => e.id === id);
  }

  private async compute(): Promise<void> {
    const a = this.edition(this.from);
    const b = this.edition(this.to);
    const key = `${this.from}|${this.to}|${this.spelling}`;
    if (!a || !b || this.result?.key === key) return;
    const run = ++this.run;
    try {
      const [ta, tb] = await Promise.all([
        this.services.library.get(a.articleId),
        this.services.library.get(b.articleId),
      ]);
      if (run !== this.run) return;
      const options = { spelling: this.spelling };
      this.result = {
        key,
        title: diffTexts(a.title, b.title, options),
        body: diffTexts(bodyOf(ta), bodyOf(tb), options),
      };
    } catch (e) {
      reportError(this.services.notifier, e);
    }
  }

  private label(e: Edition): string {
    const date = e.published ? formatPublished(e) : t('stories.undated');
    // First-strong isolates keep an Arabic outlet name and an English date in their own order.
    return t('stories.edition.label', {
      outlet: `\u2068${this.services.stories.outletName(e.outlet)}\u2069`,
      date: `\u2068${date}\u2069`,
    });
  }

  private renderPicker(which: 'from' | 'to') {
    const id = `pick-${which}`;
    return html`<label for=${id}>${t(`stories.compare.${which}`)}</label>
      <select id=${id} @change=${(e: Event) => {
        this[which] = (e.target as HTMLSelectElement).value;
      }}>
        ${this.editions.map((e) => html`<option value=${e.id} ?selected=${e.id === this[which]}>${this.label(e)}</option>`)}
      </select>`;
  }

  private renderParts(parts: DiffPart[]) {
    return parts.map((p) => {
      switch (p.kind) {
        case 'same':
          return p.text;
        case 'removed':
          return html`<del class=${p.figure ? 'figure' : ''}>${p.text}</del> `;
        case 'added':
          return html`<ins class=${p.figure ? 'figure' : ''}>${p.text}</ins>`;
        default:
          return html`<span class="spelling" title=${t('stories.compare.was', { was: p.was ?? '' })}>${p.text}<span class="sr-only"> (${t('stories.compare.was', { was: p.was ?? '' })})</span></span>`;
      }
    });
  }

  private renderSummary(d: EditionDiff) {
    return html`<p class="summary" role="status">
      ${
        d.added + d.removed === 0 && d.figures.length === 0
          ? t('stories.compare.identical')
          : t('stories.compare.counts', { added: d.added, removed: d.removed })
      }
      ${this.spelling ? html` · ${t('stories.compare.spellingCount', { count: d.spelling })}` : nothing}
      ${d.complete ? nothing : html` · ${t('stories.compare.partial')}`}
    </p>
    ${
      d.figures.length
        ? html`<section class="figures" aria-labelledby="figures-h">
      <h3 id="figures-h">${t('stories.compare.figures')}</h3>
      <ul aria-labelledby="figures-h">${d.figures.map((f) => html`<li><del class="figure">${f.from}</del> ${icon('forward')}<span class="sr-only">${t('stories.compare.arrow')}</span> <ins class="figure">${f.to}</ins></li>`)}</ul>
    </section>`
        : nothing
    }`;
  }

  override render() {
    const r = this.result;
    const ready = r?.key === `${this.from}|${this.to}|${this.spelling}`;
    return html`<dialog aria-labelledby="cmp-title">
      <header>
        <h2 id="cmp-title">${t('stories.compare.title')}</h2>
        <button class="icon-btn" aria-label=${t('stories.compare.close')} title=${t('stories.compare.close')} @click=${() => this.dialog?.close()}>${icon('close')}</button>
      </header>
      <div class="controls toolbar">
        ${this.renderPicker('from')}
        ${this.renderPicker('to')}
        <label class="toggle"><input type="checkbox" .checked=${this.spelling}
          @change=${(e: Event) => {
            this.spelling = (e.target as HTMLInputElement).checked;
          }}>${t('stories.compare.spelling')}</label>
      </div>
      <p class="legend muted"><del>${t('stories.compare.legendRemoved')}</del> <ins>${t('stories.compare.legendAdded')}</ins>
        ${this.spelling ? html`<span class="spelling">${t('stories.compare.legendSpelling')}</span>` : nothing}</p>
      ${
        ready
          ? html`
        ${this.renderSummary(r.body)}
        <section class="diff" aria-label=${t('stories.compare.text')}>
          <h3 class="headline" dir="auto">${this.renderParts(r.title.parts)}</h3>
          <div class="body" dir="auto">${this.renderParts(r.body.parts)}</div>
        </section>`
          : html`<p class="muted" role="status">${t('stories.compare.loading')}</p>`
      }
    </dialog>`;
  }
}

/** The body without the headline (a headline inside the text would show as a change of its own). */
function bodyOf(a: { text: string; paragraphs: { start: number; end: number }[] } | undefined): string {
  if (!a) return '';
  return a.paragraphs.map((p) => a.text.slice(p.start, p.end)).join('\n\n');
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-edition-compare': EditionCompare;
  }
}
