/**
 * <warraq-export-notes> — the "Export notes" section of the Export & backup dialog: what to export
 * (one article, the notebook's current filter, the whole library), the format (Markdown, HTML,
 * W3C Web Annotation JSON, CSV, and the articles' references as CSL-JSON or RIS), and Export.
 *
 * Properties: `scopes` (offered in order; the first is preselected).
 * Services: exporter, library (through context).
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Services } from '../../services/services';
import { EXPORT_FORMATS, type ExportFormat, type ExportScope } from '../../services/exporter';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { errorMessage } from '../common/report-error';
import { LanguageController, language, t } from '../strings/i18n';
import { panelStyles } from './panel-styles';

@customElement('warraq-export-notes')
export class ExportNotes extends LitElement {
  static override styles = [baseStyles, panelStyles];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @property({ attribute: false }) scopes: ExportScope[] = [{ kind: 'library' }];
  @state() private chosen = 0;
  @state() private format: ExportFormat = 'markdown';
  @state() private busy = false;
  @state() private counts?: { annotations: number; articles: number };
  @state() private message?: { text: string; kind: 'error' | 'done' };
  protected readonly i18n = new LanguageController(this);

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('scopes')) {
      this.chosen = 0;
      this.message = undefined;
      void this.count();
    }
  }

  private get scope(): ExportScope {
    return this.scopes[this.chosen] ?? { kind: 'library' };
  }

  private async count(): Promise<void> {
    this.counts = undefined;
    const scope = this.scope;
    const c = await this.services.exporter.count(scope).catch(() => undefined);
    if (scope === this.scope) this.counts = c;
  }

  private choose(i: number): void {
    this.chosen = i;
    void this.count();
  }

  private async run(): Promise<void> {
    this.busy = true;
    this.message = undefined;
    try {
      const saved = await this.services.exporter.export(this.scope, this.format, language());
      if (saved) this.message = { text: t('export.done', { format: t(`export.format.${this.format}`) }), kind: 'done' };
    } catch (e) {
      console.error(e);
      const m = errorMessage(e);
      this.message = { text: t(m.key, m.params), kind: 'error' };
    } finally {
      this.busy = false;
    }
  }

  private scopeLabel(s: ExportScope) {
    if (s.kind === 'article')
      return t('export.scope.article', { title: this.services.library.meta(s.articleId)?.title ?? '' });
    if (s.kind === 'annotations') return t('export.scope.annotations', { count: s.annotationIds.length });
    if (s.kind === 'articles') return t('library.export.scope', { count: s.articleIds.length });
    return t('export.scope.library');
  }

  override render() {
    const c = this.counts;
    const bib = this.format === 'csl' || this.format === 'ris';
    return html`
      <section aria-labelledby="eh">
        <h3 id="eh">${t('export.heading')}</h3>
        <fieldset ?disabled=${this.busy}>
          <legend>${t('export.scope')}</legend>
          ${this.scopes.map(
            (s, i) => html`
            <label><input type="radio" name="scope" .checked=${i === this.chosen} @change=${() => this.choose(i)}> <span dir="auto">${this.scopeLabel(s)}</span></label>`,
          )}
        </fieldset>
        <fieldset ?disabled=${this.busy}>
          <legend>${t('export.format')}</legend>
          <div class="grid">
            ${EXPORT_FORMATS.map(
              (f) => html`
              <label><input type="radio" name="format" .checked=${f === this.format} @change=${() => (this.format = f)}> ${t(`export.format.${f}`)}</label>`,
            )}
          </div>
        </fieldset>
        <p class="muted" role="status">${c ? (bib ? t('export.countArticles', { articles: c.articles }) : t('export.count', { annotations: c.annotations, articles: c.articles })) : ''}</p>
        <button class="primary" ?disabled=${this.busy} @click=${() => this.run()}>${t('export.run')}</button>
        ${this.message ? html`<p class=${this.message.kind} role=${this.message.kind === 'error' ? 'alert' : 'status'}>${this.message.text}</p>` : nothing}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-export-notes': ExportNotes;
  }
}
