/**
 * <warraq-confirm-delete> — asks before a delete that removes more than one article or any
 * annotation: how many articles and annotations go, and that the delete can be undone (Ctrl+Z or the
 * notice). `ask()` resolves true for Delete, false for Cancel or Escape. Native modal <dialog>: focus
 * stays inside while open and returns to the opener when it closes.
 */
import { LitElement, html, css } from 'lit';
import { customElement, state, query } from 'lit/decorators.js';
import { baseStyles } from '../common/styles';
import { LanguageController, t } from '../strings/i18n';

export interface DeleteQuestion {
  articles: number;
  annotations: number;
  /** The title when one article goes. */
  title?: string;
}

@customElement('warraq-confirm-delete')
export class ConfirmDelete extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: contents; }
    dialog { border: 1px solid var(--border); border-radius: 10px; background: var(--bg); color: var(--fg);
      padding-block: 16px; padding-inline: 20px; inline-size: min(440px, calc(100vw - 32px));
      box-shadow: 0 8px 32px rgb(0 0 0 / 0.25); font-family: var(--font-ui); }
    dialog::backdrop { background: rgb(0 0 0 / 0.35); }
    h2 { margin: 0; margin-block-end: 8px; font-size: 1.1rem; }
    p { margin-block: 6px; }
    .actions { display: flex; gap: 8px; justify-content: flex-end; margin-block-start: 16px; }
    button.danger { font-weight: 700; }
  `,
  ];

  @state() private question: DeleteQuestion = { articles: 0, annotations: 0 };
  @query('dialog') private dialog!: HTMLDialogElement;
  protected readonly i18n = new LanguageController(this);
  private answer?: (ok: boolean) => void;

  async ask(question: DeleteQuestion): Promise<boolean> {
    this.answer?.(false);
    this.question = question;
    await this.updateComplete;
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('button.cancel')?.focus();
    return new Promise((resolve) => {
      this.answer = resolve;
    });
  }

  private close(ok: boolean): void {
    const answer = this.answer;
    this.answer = undefined;
    if (this.dialog.open) this.dialog.close();
    answer?.(ok);
  }

  override render() {
    const q = this.question;
    const heading =
      q.articles === 1 && q.title !== undefined
        ? t('library.confirm.one', { title: q.title })
        : t('library.confirm.many', { count: q.articles });
    return html`<dialog aria-labelledby="confirm-title" @close=${() => this.close(false)}>
      <h2 id="confirm-title" dir="auto">${heading}</h2>
      ${q.annotations ? html`<p>${t('library.confirm.annotations', { count: q.annotations })}</p>` : ''}
      <p class="muted">${t('library.confirm.undo')}</p>
      <div class="actions">
        <button class="danger" @click=${() => this.close(true)}>${t('library.confirm.delete')}</button>
        <button class="cancel" @click=${() => this.close(false)}>${t('library.confirm.cancel')}</button>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-confirm-delete': ConfirmDelete;
  }
}
