/**
 * <warraq-annotations-panel> — beside the article: the article's note(s) and tags, then its highlights
 * and bookmarks in text order, then the story's annotations made on other outlets' copies (issue 12),
 * then highlights that could not be placed (with their quote).
 *
 * Properties: `article`, `data` (ArticleAnnotations from the service), `story` (StoryAnnotations),
 * `editing` (id being edited, or NEW_ARTICLE_NOTE).
 * Events (events.ts): `warraq-annotation-reveal` (annotation id), `warraq-paragraph-reveal` (0-based
 * paragraph), `warraq-editing-change` (the note being edited, or none).
 * Services: annotations, notifier (edits go straight to the service; it announces undo).
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { HIGHLIGHT_COLORS, type Annotation, type Article, type Bookmark, type HighlightColor } from '../../core/model';
import type { Services } from '../../services/services';
import type { ArticleAnnotations, PlacedAnnotation } from '../../services/annotations';
import { servicesContext } from '../context';
import { baseStyles } from '../common/styles';
import { reportError } from '../common/report-error';
import { LanguageController, language, t } from '../strings/i18n';
import { parseTags } from './note-editor';
import { AnnotationRevealEvent, EditingChangeEvent, ParagraphRevealEvent, type NoteSaveEvent } from './events';
import { panelStyles } from './panel-styles';
import './note-editor';
import { ExportRequestEvent } from '../export/events';
import type { StoryAnnotations } from '../../services/annotations-story';
import { renderStoryAnnotations } from '../stories/story-annotations';
import { icon } from '../common/icons';

export const NEW_ARTICLE_NOTE = 'new-article-note';

type Item = { kind: 'hl'; at: number; placed: PlacedAnnotation } | { kind: 'bm'; at: number; bookmark: Bookmark };

/** Quotes longer than this are cut in the list (the full text is in the article). */
const QUOTE_CHARS = 160;

@customElement('warraq-annotations-panel')
export class AnnotationsPanel extends LitElement {
  static override styles = [baseStyles, panelStyles];

  @consume({ context: servicesContext, subscribe: true }) services!: Services;
  @property({ attribute: false }) article?: Article;
  @property({ attribute: false }) data?: ArticleAnnotations;
  @property({ attribute: false }) story?: StoryAnnotations;
  @property() editing?: string;
  protected readonly i18n = new LanguageController(this);

  /** The note being edited changes (the reader owns `editing`). */
  private editNote(id: string | undefined): void {
    this.dispatchEvent(new EditingChangeEvent(id));
  }

  private async run(task: () => Promise<unknown>): Promise<void> {
    try {
      await task();
    } catch (e) {
      reportError(this.services.notifier, e);
    }
  }

  private async saveNote(a: Annotation | undefined, e: NoteSaveEvent): Promise<void> {
    const svc = this.services.annotations;
    const { note, tags } = e.detail;
    this.editNote(undefined);
    await this.run(async () => {
      if (!a) {
        if (note.trim()) await svc.createArticleNote(this.article!.id, note);
        return;
      }
      if (note !== a.note || tags.join('\n') !== a.tags.join('\n')) await svc.saveNote(a.id, note, tags);
    });
  }

  private items(): Item[] {
    const a = this.article;
    const d = this.data;
    if (!a || !d) return [];
    const items: Item[] = d.highlights.map((placed) => ({ kind: 'hl', at: placed.range!.start, placed }));
    for (const bookmark of d.bookmarks)
      items.push({ kind: 'bm', at: a.paragraphs[bookmark.paragraph]?.start ?? 0, bookmark });
    // A bookmark sorts before the highlights of its paragraph.
    return items.sort((x, y) => x.at - y.at || (x.kind === 'bm' ? -1 : 1) - (y.kind === 'bm' ? -1 : 1));
  }

  private renderEditor(a: Annotation | undefined, showTags = true) {
    return html`<warraq-note-editor .note=${a?.note ?? ''} .tags=${a?.tags ?? []} .showTags=${showTags}
      @warraq-note-save=${(e: NoteSaveEvent) => this.saveNote(a, e)} @warraq-note-cancel=${() => this.editNote(undefined)}></warraq-note-editor>`;
  }

  private renderNote(a: Annotation) {
    if (this.editing === a.id) return this.renderEditor(a, a.selectors.length > 0);
    return html`${a.note ? html`<p class="note" dir="auto">${a.note}</p>` : nothing}
      ${a.tags.length ? html`<ul class="tags" aria-label=${t('notes.tags')}>${a.tags.map((tag) => html`<li><bdi>${tag}</bdi></li>`)}</ul>` : nothing}`;
  }

  private renderColors(a: Annotation) {
    return HIGHLIGHT_COLORS.map((c: HighlightColor) => {
      const label = t('notes.recolor', { color: t(`notes.color.${c}`) });
      return html`<button class="swatch" aria-label=${label} title=${label} aria-pressed=${a.color === c ? 'true' : 'false'}
        @click=${() => this.run(() => this.services.annotations.recolor(a.id, c))}><span style="background: var(--hl-${c})"></span></button>`;
    });
  }

  private renderHighlight(p: PlacedAnnotation) {
    const a = p.annotation;
    const quote = p.quote.length > QUOTE_CHARS ? `${p.quote.slice(0, QUOTE_CHARS)}…` : p.quote;
    return html`<li class="item hl" data-id=${a.id} style="--swatch: var(--hl-${a.color ?? 'yellow'})">
      <button class="quote" dir="auto" aria-label=${t('notes.goTo', { quote })} @click=${() => this.dispatchEvent(new AnnotationRevealEvent(a.id))}>${quote}</button>
      ${a.paragraph ? html`<span class="where muted">${t('notes.paragraph', { n: a.paragraph })}</span>` : nothing}
      ${this.renderNote(a)}
      ${
        this.editing === a.id
          ? nothing
          : html`<div class="actions">
        ${this.renderColors(a)}
        <span class="spacer"></span>
        <button class="icon-btn" aria-label=${t('notes.edit')} title=${t('notes.edit')} @click=${() => this.editNote(a.id)}>${icon('edit')}</button>
        <button class="icon-btn" aria-label=${t('notes.delete')} title=${t('notes.delete')} @click=${() => this.run(() => this.services.annotations.remove(a.id))}>${icon('delete')}</button>
      </div>`
      }
    </li>`;
  }

  private renderBookmark(b: Bookmark) {
    const n = b.paragraph + 1;
    return html`<li class="item bm">
      <button class="quote" dir="auto" aria-label=${t('notes.bookmarkItem', { n })} @click=${() => this.dispatchEvent(new ParagraphRevealEvent(b.paragraph))}>${icon('bookmark')} ${t('notes.bookmarkItem', { n })}</button>
      <p class="label muted" dir="auto">${b.label}</p>
      <div class="actions"><span class="spacer"></span>
        <button class="icon-btn" aria-label=${t('notes.removeBookmark')} title=${t('notes.removeBookmark')} @click=${() => this.run(() => this.services.annotations.removeBookmark(b.id))}>${icon('close')}</button></div>
    </li>`;
  }

  private renderArticleSection(a: Article) {
    const notes = this.data?.articleNotes ?? [];
    const tags = this.services.library.meta(a.id)?.tags ?? a.tags;
    const sep = language() === 'ar' ? '، ' : ', ';
    return html`<section class="article-notes" aria-label=${t('notes.articleNote')}>
      <h3>${t('notes.articleNote')}</h3>
      ${notes.map(
        (n) => html`<div class="item" data-id=${n.id}>${this.renderNote(n)}
        ${
          this.editing === n.id
            ? nothing
            : html`<div class="actions"><span class="spacer"></span>
          <button class="icon-btn" aria-label=${t('notes.edit')} title=${t('notes.edit')} @click=${() => this.editNote(n.id)}>${icon('edit')}</button>
          <button class="icon-btn" aria-label=${t('notes.deleteNote')} title=${t('notes.deleteNote')} @click=${() => this.run(() => this.services.annotations.remove(n.id))}>${icon('delete')}</button></div>`
        }
      </div>`,
      )}
      ${
        this.editing === NEW_ARTICLE_NOTE
          ? this.renderEditor(undefined, false)
          : html`<button @click=${() => this.editNote(NEW_ARTICLE_NOTE)}>${t('notes.addArticleNote')}</button>`
      }
      <label class="tagfield">${t('notes.articleTags')}
        <input dir="auto" .value=${tags.join(sep)} placeholder=${t('notes.tagsHint')}
          @change=${(e: Event) => this.run(() => this.services.annotations.setArticleTags(a.id, parseTags((e.target as HTMLInputElement).value)))}></label>
    </section>`;
  }

  override render() {
    const a = this.article;
    if (!a) return nothing;
    const items = this.items();
    const orphans = this.data?.orphans ?? [];
    return html`<aside aria-label=${t('notes.panel')}>
      <h2>${t('notes.panel')}</h2>
      <button @click=${() => this.dispatchEvent(new ExportRequestEvent({ scope: { kind: 'article', articleId: a.id }, section: 'export' }))}>${t('export.button')}</button>
      ${this.renderArticleSection(a)}
      ${
        items.length
          ? html`<ol class="list" aria-label=${t('notes.panel')}>${items.map((i) => (i.kind === 'hl' ? this.renderHighlight(i.placed) : this.renderBookmark(i.bookmark)))}</ol>`
          : html`<p class="muted empty">${t('notes.empty')}</p>`
      }
      ${renderStoryAnnotations(this.story?.articleId === a.id ? this.story : undefined, this, (id) => this.services.stories.outletName(id))}
      ${
        orphans.length
          ? html`<section class="orphans" aria-label=${t('notes.orphans')}>
        <h3>${t('notes.orphans')}</h3><p class="muted">${t('notes.orphanHint')}</p>
        <ol class="list">${orphans.map(
          (o) => html`<li class="item orphan" data-id=${o.annotation.id}>
          <blockquote dir="auto">${o.quote}</blockquote>${this.renderNote(o.annotation)}
          <div class="actions"><span class="spacer"></span>
            <button class="icon-btn" aria-label=${t('notes.delete')} @click=${() => this.run(() => this.services.annotations.remove(o.annotation.id))}>${icon('delete')}</button></div>
        </li>`,
        )}</ol></section>`
          : nothing
      }
    </aside>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warraq-annotations-panel': AnnotationsPanel;
  }
}
