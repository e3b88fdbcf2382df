/**
 * <warraq-library-bulk> — the bar over the library list while articles are selected: how many, and
 * tag, export, delete and clear the selection. Tag opens a small field (existing tags offered) that
 * adds the tag to the selected articles or removes it from them.
 *
 * Properties: `count`, `tags` (existing tags to offer). Events: `warraq-bulk-action`
 * (BulkActionEvent: 'tag' or 'untag' with the tag, 'export', 'delete', 'clear').
 */
import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import { baseStyles } from '../common/styles';
import { LanguageController, t } from '../strings/i18n';
import { icon } from '../common/icons';

export type BulkAction = { action: 'tag' | 'untag'; tag: string } | { action: 'export' | 'delete' | 'clear' };

export class BulkActionEvent extends CustomEvent<BulkAction> {
  constructor(detail: BulkAction) {
    super('warraq-bulk-action', { detail, bubbles: true, composed: true });
  }
}

@customElement('warraq-library-bulk')
export class LibraryBulkBar extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: block; }
    .bar { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; padding-block: 6px; padding-inline: 20px;
      background: color-mix(in srgb, var(--accent) 12%, var(--bg)); border-block-end: 1px solid var(--border); }
    .count { font-weight: 700; margin-inline-end: auto; }
    button { display: inline-flex; align-items: center; gap: 6px; }
    /* Outlined, not filled: the filled danger style is for the confirming button in the dialog. */
    button.danger { background: var(--bg-elev); color: var(--danger); border-color: color-mix(in srgb, var(--danger) 50%, var(--border)); }
    form { display: inline-flex; gap: 6px; align-items: center; }
    input { min-block-size: 32px; box-sizing: border-box; padding-inline: 8px; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); }
  `,
  ];

  @property({ type: Number }) count = 0;
  @property({ attribute: false }) tags: string[] = [];
  @state() private tagging = false;
  @query('input') private input?: HTMLInputElement;
  protected readonly i18n = new LanguageController(this);

  private send(detail: BulkAction): void {
    this.dispatchEvent(new BulkActionEvent(detail));
  }

  private async openTag(): Promise<void> {
    this.tagging = true;
    await this.updateComplete;
    this.input?.focus();
  }

  private submitTag(e: SubmitEvent): void {
    e.preventDefault();
    const tag = this.input?.value.trim() ?? '';
    if (!tag) return;
    this.tagging = false;
    this.send({ action: (e.submitter as HTMLButtonElement | null)?.value === 'untag' ? 'untag' : 'tag', tag });
  }

  override render() {
    return html`<div class="bar" role="toolbar" aria-label=${t('library.bulk.label')}>
      <span class="count" role="status">${t('library.bulk.count', { count: this.count })}</span>
      ${
        this.tagging
          ? html`<form @submit=${this.submitTag} @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                this.tagging = false;
              }
            }}>
            <input dir="auto" list="bulk-tags" aria-label=${t('library.bulk.tagName')} placeholder=${t('library.bulk.tagName')} />
            <datalist id="bulk-tags">${this.tags.map((x) => html`<option value=${x}></option>`)}</datalist>
            <button class="primary" type="submit" value="tag">${t('library.bulk.tagApply')}</button>
            <button type="submit" value="untag">${t('library.bulk.tagRemove')}</button>
          </form>`
          : html`<button @click=${() => this.openTag()}>${icon('tag')}${t('library.bulk.tag')}</button>`
      }
      <button @click=${() => this.send({ action: 'export' })}>${icon('export')}${t('library.bulk.export')}</button>
      <button class="danger" @click=${() => this.send({ action: 'delete' })}>${icon('delete')}${t('library.bulk.delete')}</button>
      <button class="icon-btn" aria-label=${t('library.bulk.clear')} title=${t('library.bulk.clear')} @click=${() => this.send({ action: 'clear' })}>${icon('close')}</button>
      ${nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-library-bulk': LibraryBulkBar;
  }
  interface HTMLElementEventMap {
    'warraq-bulk-action': BulkActionEvent;
  }
}
