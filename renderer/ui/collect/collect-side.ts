/**
 * <warraq-collect-side> — the Sources screen's side column: save a page by its link (the import
 * report follows as for files), the watched folders (desktop app only) and the import history.
 *
 * Services: links, watch, history, notifier (through context).
 */
import { LitElement, html, css, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Services } from '../../services/services';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { reportError } from '../common/report-error';
import { LanguageController, t } from '../strings/i18n';
import { when } from './feed-text';
import { icon } from '../common/icons';

@customElement('warraq-collect-side')
export class CollectSide extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: flex; flex-direction: column; gap: 22px; }
    h2 { font-size: 1.05rem; margin: 0 0 8px; }
    form { display: flex; flex-direction: column; gap: 6px; }
    label { display: flex; flex-direction: column; gap: 4px; }
    input { padding-block: 6px; padding-inline: 8px; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); }
    ul { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 6px; font-size: 0.92rem; }
    li { display: flex; gap: 8px; align-items: baseline; justify-content: space-between; border-block-end: 1px solid var(--border); padding-block-end: 4px; }
    li.entry { flex-direction: column; gap: 2px; }
    .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-inline-size: 240px; display: inline-block; vertical-align: bottom; }
    .hint { font-size: 0.85rem; }
  `,
  ];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @state() private link = '';
  @state() private saving = false;
  protected readonly i18n = new LanguageController(this);
  private readonly onChange = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.services.history.addEventListener('change', this.onChange);
    this.services.watch.addEventListener('change', this.onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services.history.removeEventListener('change', this.onChange);
    this.services.watch.removeEventListener('change', this.onChange);
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.link.trim() || this.saving) return;
    this.saving = true;
    try {
      await this.services.links.save(this.link);
      this.link = '';
    } catch (err) {
      if ((err as { name?: string }).name === 'LinkError') this.services.notifier.error('link.bad');
      else reportError(this.services.notifier, err);
    } finally {
      this.saving = false;
    }
  }

  private renderWatch() {
    const w = this.services.watch;
    if (!w.available) return html`<p class="muted hint">${t('watch.desktopOnly')}</p>`;
    return html`
      <p class="muted hint">${t('watch.hint')}</p>
      ${
        w.folders.length
          ? html`<ul>${w.folders.map(
              (f) => html`<li>
        <bdi class="label" title=${f.path}>${f.name}</bdi>
        <button class="icon-btn" aria-label=${t('watch.remove', { name: f.name })} @click=${() => w.remove(f.path).catch((err) => reportError(this.services.notifier, err))}>${icon('close')}</button>
      </li>`,
            )}</ul>`
          : html`<p class="muted">${t('watch.none')}</p>`
      }
      <button @click=${() => w.add().catch((err) => reportError(this.services.notifier, err))}>${t('watch.add')}</button>`;
  }

  override render() {
    const rows = this.services.history.rows;
    return html`
      <section aria-labelledby="link-h">
        <h2 id="link-h">${t('link.heading')}</h2>
        <form @submit=${this.save}>
          <label>${t('link.address')}
            <input type="text" inputmode="url" dir="ltr" .value=${this.link} @input=${(e: Event) => {
              this.link = (e.target as HTMLInputElement).value;
            }} />
          </label>
          <button type="submit" ?disabled=${this.saving}>${this.saving ? t('link.saving') : t('link.save')}</button>
        </form>
      </section>
      <section aria-labelledby="watch-h">
        <h2 id="watch-h">${t('watch.heading')}</h2>
        ${this.renderWatch()}
      </section>
      <section aria-labelledby="history-h">
        <h2 id="history-h">${t('history.heading')}</h2>
        ${
          rows.length
            ? html`<ul aria-labelledby="history-h">${rows.slice(0, 20).map(
                (r) => html`<li class="entry">
          <span><strong>${t(`history.origin.${r.origin}`)}</strong> <bdi class="label" dir="auto" title=${r.label}>${r.label}</bdi></span>
          <span>${t('history.row', { imported: r.imported, duplicates: r.duplicates, failed: r.failed })}</span>
          <span class="muted">${when(r.at)}</span>
        </li>`,
              )}</ul>`
            : html`<p class="muted">${t('history.empty')}</p>`
        }
      </section>
      ${nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-collect-side': CollectSide;
  }
}
