/**
 * <warraq-note-editor> — a multi-line note (`dir="auto"`, so an Arabic note with English words inside
 * keeps its order) and its tags, comma-separated.
 *
 * Properties: `note`, `tags`, `showTags` (default true).
 * Events: `warraq-note-save` NoteSaveEvent ({note, tags}), `warraq-note-cancel` NoteCancelEvent (events.ts). Keyboard: Ctrl/Cmd+Enter saves,
 * Escape cancels (and goes no further, so the reader does not close).
 */
import { LitElement, html, css } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { baseStyles } from '../common/styles';
import { LanguageController, language, t } from '../strings/i18n';
import { NoteSaveEvent, NoteCancelEvent } from './events';

export interface NoteSave {
  note: string;
  tags: string[];
}

/** Splits a tag field on Latin or Arabic commas (، U+060C) and semicolons. */
export function parseTags(value: string): string[] {
  return value
    .split(/[,،;؛]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

@customElement('warraq-note-editor')
export class NoteEditor extends LitElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: block; }
    label { display: block; font-size: 0.85em; color: var(--fg-muted); margin-block: 4px 2px; }
    textarea, input { box-sizing: border-box; inline-size: 100%; background: var(--bg); border: 1px solid var(--border); border-radius: 6px; padding: 6px; }
    textarea { min-block-size: 5.5em; resize: vertical; font-family: var(--font-reading); line-height: 1.6; }
    .row { display: flex; gap: 6px; margin-block-start: 6px; justify-content: flex-end; }
  `,
  ];

  @property() note = '';
  @property({ attribute: false }) tags: string[] = [];
  @property({ type: Boolean }) showTags = true;
  @query('textarea') private area!: HTMLTextAreaElement;
  @query('input') private tagInput?: HTMLInputElement;
  protected readonly i18n = new LanguageController(this);

  override focus(): void {
    void this.updateComplete.then(() => this.area?.focus());
  }

  private save(): void {
    const detail: NoteSave = {
      note: this.area.value,
      tags: this.tagInput ? parseTags(this.tagInput.value) : this.tags,
    };
    this.dispatchEvent(new NoteSaveEvent(detail));
  }

  private cancel(): void {
    this.dispatchEvent(new NoteCancelEvent());
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.save();
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      this.cancel();
    }
  }

  override render() {
    const sep = language() === 'ar' ? '، ' : ', ';
    return html`<div @keydown=${this.onKey}>
      <label for="note">${t('notes.noteLabel')}</label>
      <textarea id="note" dir="auto" rows="4" .value=${this.note}></textarea>
      ${
        this.showTags
          ? html`<label for="tags">${t('notes.tags')} <span class="muted">(${t('notes.tagsHint')})</span></label>
        <input id="tags" dir="auto" .value=${this.tags.join(sep)}>`
          : ''
      }
      <div class="row">
        <button @click=${this.cancel}>${t('notes.cancel')}</button>
        <button class="primary" @click=${this.save}>${t('notes.save')}</button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-note-editor': NoteEditor;
  }
}
