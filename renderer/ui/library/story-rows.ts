/**
 * The library's rows, templates only (the view owns the state and hands in what a row may do):
 * article rows, story rows (expander, lead article's headline, outlet count and names, earliest date,
 * size) and edition rows (under an expanded story). Every row: a checkbox, the title over a one-line
 * lead, and a quiet delete action that shows on hover or when the row is active.
 *
 * Titles and leads are each isolated with dir=auto on the element that clips them, so a long Arabic
 * title in the English interface is cut at its own end, with the ellipsis there (issue 18).
 *
 * A row is made and laid out each time it scrolls into view (30,000 articles, a page per frame: issue
 * 18's scroll bench), so it holds as few elements as its cells and controls need (13 for a story row):
 * the expander's and the delete action's icons are painted by library-styles.ts (CSS masks of the
 * same Lucide icons), not inline SVG, and the story title's cell is one grid, not nested boxes.
 */
import { html, nothing } from 'lit';
import type { ArticleMeta, Edition } from '../../core/model';
import type { StoryRow } from '../../services/stories';
import { t, formatNumber, language } from '../strings/i18n';
import { formatPublished } from '../common/article-date';

export interface RowContext {
  index: number;
  active: boolean;
  selected: boolean;
  /** A click on the row (Shift extends the selection, Ctrl/Cmd toggles). */
  select(e: MouseEvent): void;
  /** A click on the checkbox (Shift extends). */
  check(e: MouseEvent): void;
  open(): void;
  toggle(storyId: string): void;
  remove(): void;
  outletName(id: string): string;
}

const stop = (f: () => void) => (e: Event) => {
  e.preventDefault();
  e.stopPropagation();
  f();
};

function rowAttrs(c: RowContext) {
  return { id: `row-${c.index}`, cls: `${c.active ? 'active' : ''} ${c.selected ? 'selected' : ''}` };
}

function checkCell(c: RowContext, title: string) {
  return html`<div class="check" role="gridcell"><input type="checkbox" tabindex="-1" .checked=${c.selected}
    aria-label=${t('library.select', { title })} @click=${(e: MouseEvent) => {
      e.stopPropagation();
      c.check(e);
    }} /></div>`;
}

function titleLink(id: string, title: string, c: RowContext, label?: string) {
  return html`<a class="t" dir="auto" href="#/article/${encodeURIComponent(id)}" tabindex="-1" aria-label=${label ?? nothing}
    @click=${stop(c.open)}>${title}</a>`;
}

function actionCell(c: RowContext, title: string) {
  const label = t('library.delete', { title });
  return html`<div class="act" role="gridcell"><button class="row-action" tabindex="-1"
    aria-label=${label} title=${label}
    @click=${stop(c.remove)}></button></div>`;
}

const dateOf = (m: Pick<ArticleMeta, 'published' | 'publishedHijri'>) =>
  m.published || m.publishedHijri ? formatPublished(m) : t('library.undated');

export function renderArticleRow(m: ArticleMeta, c: RowContext) {
  const { id, cls } = rowAttrs(c);
  return html`<div class="row ${cls}" role="row" id=${id} aria-rowindex=${c.index + 2} aria-selected=${c.selected ? 'true' : 'false'}
      @click=${c.select} @dblclick=${c.open}>
    ${checkCell(c, m.title)}
    <div class="title" role="gridcell">${titleLink(m.id, m.title, c)}<span class="lead" dir="auto">${m.lead ?? ''}</span></div>
    <div class="cell" role="gridcell"><bdi dir="auto">${c.outletName(m.outlet)}</bdi></div>
    <div class="cell" role="gridcell">${dateOf(m)}</div>
    <div class="cell" role="gridcell">${t('library.words', { count: m.words })}</div>
    ${actionCell(c, m.title)}
  </div>`;
}

export function renderStoryRow(row: StoryRow, expanded: boolean, c: RowContext) {
  const title = row.lead.title;
  const many = row.outletCount > 1;
  const names = row.outletNames.join(language() === 'ar' ? '، ' : ', ');
  const { id, cls } = rowAttrs(c);
  const toggleLabel = t(expanded ? 'stories.library.collapse' : 'stories.library.expand', { title });
  return html`<div class="row story ${cls}" role="row" id=${id} aria-rowindex=${c.index + 2} aria-selected=${c.selected ? 'true' : 'false'}
      @click=${c.select} @dblclick=${c.open}>
    ${checkCell(c, title)}
    <div class="title" role="gridcell"><button class="expander" tabindex="-1" aria-expanded=${expanded ? 'true' : 'false'}
      aria-label=${toggleLabel} title=${toggleLabel} @click=${stop(() => c.toggle(row.id))}></button>${titleLink(row.lead.id, title, c)}<span
      class="lead" dir="auto">${row.lead.lead ?? ''}</span></div>
    <div class="cell" role="gridcell" title=${names}>
      <span class="badge ${many ? '' : 'one'}" aria-label=${t('stories.library.outlets', { count: row.outletCount })}
        >${formatNumber(row.outletCount)}</span><bdi dir="auto">${names}</bdi></div>
    <div class="cell" role="gridcell">${row.earliest ? formatPublished({ published: row.earliest }) : t('library.undated')}</div>
    <div class="cell" role="gridcell">${
      row.editionCount > 1
        ? t('stories.library.editions', { count: row.editionCount })
        : t('library.words', { count: row.lead.words })
    }</div>
    ${actionCell(c, title)}
  </div>`;
}

export function renderEditionRow(e: Edition, last: boolean, c: RowContext) {
  const outlet = c.outletName(e.outlet);
  const { id, cls } = rowAttrs(c);
  const label = t('stories.edition.open', {
    outlet,
    date: e.published ? formatPublished(e) : t('library.undated'),
    title: e.title,
  });
  return html`<div class="row edition ${last ? 'last' : ''} ${cls}" role="row" id=${id} aria-rowindex=${c.index + 2}
      aria-selected=${c.selected ? 'true' : 'false'} @click=${c.select} @dblclick=${c.open}>
    <div class="check" role="gridcell"></div>
    <div class="title" role="gridcell">${titleLink(e.articleId, e.title, c, label)}</div>
    <div class="cell" role="gridcell"><bdi dir="auto">${outlet}</bdi></div>
    <div class="cell" role="gridcell">${e.published ? formatPublished(e) : t('library.undated')}</div>
    <div class="cell" role="gridcell"></div>
    <div role="gridcell"></div>
  </div>`;
}
