/**
 * <warraq-meta-editor> — a modal dialog correcting an article's details: title, outlet, byline, date and
 * URL. Saving records each change beside the original value (StoriesService.editMeta; the stored text
 * never changes) and shows a notice whose Undo (or Ctrl+Z) restores the previous values.
 *
 * Properties: `articleId`. Methods: `open()`. Services: stories, library, notifier.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { MetaField } from '../../core/model';
import type { Services } from '../../services/services';
import type { MetaPatch } from '../../services/stories';
import { servicesContext } from '../context';
import { LanguageController, t } from '../strings/i18n';
import { reportError } from '../common/report-error';
import { dialogStyles } from './dialog-styles';
import { icon } from '../common/icons';

const FIELDS: MetaField[] = ['title', 'outlet', 'byline', 'published', 'url'];
const DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

@customElement('warraq-meta-editor')
export class MetaEditor extends LitElement {
  static override styles = dialogStyles;

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @property() articleId = '';
  @state() private error = '';
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('form') private form?: HTMLFormElement;
  protected readonly i18n = new LanguageController(this);

  async open(): Promise<void> {
    this.error = '';
    this.requestUpdate();
    await this.updateComplete;
    this.form?.reset();
    const meta = this.services.library.meta(this.articleId);
    for (const f of FIELDS) {
      const input = this.form?.elements.namedItem(f) as HTMLInputElement | null;
      if (input) input.value = meta?.[f] ?? '';
    }
    this.dialog?.showModal();
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const data = new FormData(this.form!);
    const patch: MetaPatch = {};
    for (const f of FIELDS) patch[f] = String(data.get(f) ?? '').trim();
    if (!patch.title) return void (this.error = t('stories.meta.needTitle'));
    if (patch.published && !DATE.test(patch.published)) return void (this.error = t('stories.meta.badDate'));
    try {
      const undo = await this.services.stories.editMeta(this.articleId, patch);
      this.dialog?.close();
      this.services.notifier.notify({ kind: 'success', message: 'stories.meta.saved', undo: () => undo.undo() });
    } catch (err) {
      reportError(this.services.notifier, err);
    }
  }

  override render() {
    return html`<dialog aria-labelledby="meta-h">
      <header>
        <h2 id="meta-h">${t('stories.meta.heading')}</h2>
        <button class="icon-btn" aria-label=${t('stories.dialog.close')} title=${t('stories.dialog.close')} @click=${() => this.dialog?.close()}>${icon('close')}</button>
      </header>
      <form @submit=${this.save}>
        ${FIELDS.map(
          (f) => html`<label for="meta-${f}">${t(`stories.meta.${f}`)}</label>
          <input id="meta-${f}" name=${f} dir=${f === 'url' || f === 'published' ? 'ltr' : 'auto'}
            placeholder=${f === 'published' ? 'YYYY-MM-DD' : ''}>`,
        )}
        <p class="hint muted">${t('stories.meta.hint')}</p>
        ${this.error ? html`<p class="hint" role="alert">${this.error}</p>` : ''}
        <div class="actions">
          <button type="button" @click=${() => this.dialog?.close()}>${t('stories.dialog.cancel')}</button>
          <button type="submit" class="primary">${t('stories.dialog.save')}</button>
        </div>
      </form>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-meta-editor': MetaEditor;
  }
}
