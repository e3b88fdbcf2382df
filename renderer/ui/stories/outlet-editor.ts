/**
 * <warraq-outlet-editor> — a modal dialog naming an outlet: a display name and aliases (`okaz` → عكاظ,
 * also "صحيفة عكاظ"). The name applies to every article of the outlet and `source:` then matches the
 * name and every alias (StoriesService.renameOutlet). A notice offers Undo (the previous name back).
 *
 * Methods: `open(outletId)`. Services: stories, notifier.
 */
import { LitElement, html } from 'lit';
import { customElement, state, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Services } from '../../services/services';
import { servicesContext } from '../context';
import { LanguageController, t } from '../strings/i18n';
import { reportError } from '../common/report-error';
import { dialogStyles } from './dialog-styles';
import { icon } from '../common/icons';

/** Aliases are typed as one line, separated by commas (Latin or Arabic) or semicolons. */
export function parseAliases(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,،;؛\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

@customElement('warraq-outlet-editor')
export class OutletEditor extends LitElement {
  static override styles = dialogStyles;

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @state() private outletId = '';
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('form') private form?: HTMLFormElement;
  protected readonly i18n = new LanguageController(this);

  async open(outletId: string): Promise<void> {
    this.outletId = outletId;
    await this.updateComplete;
    const o = this.services.stories.outlet(outletId);
    (this.form!.elements.namedItem('name') as HTMLInputElement).value = o.name;
    (this.form!.elements.namedItem('aliases') as HTMLInputElement).value = o.aliases.join('، ');
    this.dialog?.showModal();
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const data = new FormData(this.form!);
    const id = this.outletId;
    const before = this.services.stories.outlet(id);
    const name = String(data.get('name') ?? '').trim() || id;
    try {
      await this.services.stories.renameOutlet(id, name, parseAliases(String(data.get('aliases') ?? '')));
      this.dialog?.close();
      this.services.notifier.notify({
        kind: 'success',
        message: 'stories.outlet.saved',
        params: { name },
        undo: () => this.services.stories.renameOutlet(id, before.name, before.aliases),
      });
    } catch (err) {
      reportError(this.services.notifier, err);
    }
  }

  override render() {
    return html`<dialog aria-labelledby="outlet-h">
      <header>
        <h2 id="outlet-h">${t('stories.outlet.heading')}</h2>
        <button class="icon-btn" aria-label=${t('stories.dialog.close')} title=${t('stories.dialog.close')} @click=${() => this.dialog?.close()}>${icon('close')}</button>
      </header>
      <form @submit=${this.save}>
        <span>${t('stories.outlet.id')}</span><code dir="ltr">${this.outletId}</code>
        <label for="outlet-name">${t('stories.outlet.name')}</label><input id="outlet-name" name="name" dir="auto" required>
        <label for="outlet-aliases">${t('stories.outlet.aliases')}</label><input id="outlet-aliases" name="aliases" dir="auto">
        <p class="hint muted">${t('stories.outlet.hint')}</p>
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
    'warraq-outlet-editor': OutletEditor;
  }
}
