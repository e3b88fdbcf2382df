/**
 * The library's story rows (one per story: expander, lead headline, outlet count and names, earliest
 * date, size) and edition rows (under an expanded story: headline as printed, outlet, date). Templates
 * only; the view owns the state and hands in what a row may do.
 */
import { html, nothing } from 'lit';
import type { Edition } from '../../core/model';
import type { StoryRow } from '../../services/stories';
import { t, formatNumber, language } from '../strings/i18n';
import { formatPublished } from '../common/article-date';
import { icon } from '../common/icons';

export interface RowContext {
  index: number;
  active: boolean;
  select(): void;
  open(): void;
  toggle(storyId: string): void;
  remove(): void;
  outletName(id: string): string;
}

export function renderStoryRow(row: StoryRow, expanded: boolean, c: RowContext) {
  const title = row.lead.title;
  const many = row.outletCount > 1;
  const names = row.outletNames.join(language() === 'ar' ? '، ' : ', ');
  return html`<div class="row story" role="row" id="row-${c.index}" aria-rowindex=${c.index + 2} aria-selected=${c.active ? 'true' : 'false'}
      @click=${c.select} @dblclick=${c.open}>
    <div class="title" role="gridcell">
      <button class="expander" tabindex="-1" aria-expanded=${expanded ? 'true' : 'false'}
        aria-label=${t(expanded ? 'stories.library.collapse' : 'stories.library.expand', { title })}
        title=${t(expanded ? 'stories.library.collapse' : 'stories.library.expand', { title })}
        @click=${(e: Event) => {
          e.stopPropagation();
          c.toggle(row.id);
        }}>${icon(expanded ? 'chevron-down' : 'chevron-forward')}</button>
      <a href="#/article/${encodeURIComponent(row.lead.id)}" tabindex="-1"
        @click=${(e: Event) => {
          e.preventDefault();
          c.open();
        }}><bdi dir="auto">${title}</bdi></a>
    </div>
    <div class="cell" role="gridcell" title=${names}>
      <span class="badge ${many ? '' : 'one'}" aria-label=${t('stories.library.outlets', { count: row.outletCount })}
        >${formatNumber(row.outletCount)}</span><bdi dir="auto">${names}</bdi></div>
    <div class="cell" role="gridcell">${row.earliest ? formatPublished({ published: row.earliest }) : t('library.undated')}</div>
    <div class="cell" role="gridcell">${
      row.editionCount > 1
        ? t('stories.library.editions', { count: row.editionCount })
        : t('library.words', { count: row.lead.words })
    }</div>
    <div role="gridcell">${
      row.articleIds.length === 1
        ? html`<button class="del" tabindex="-1"
      aria-label=${t('library.delete', { title })} title=${t('library.delete', { title })}
      @click=${(e: Event) => {
        e.stopPropagation();
        c.remove();
      }}>${icon('close')}</button>`
        : nothing
    }</div>
  </div>`;
}

export function renderEditionRow(e: Edition, last: boolean, c: RowContext) {
  const outlet = c.outletName(e.outlet);
  return html`<div class="row edition ${last ? 'last' : ''}" role="row" id="row-${c.index}" aria-rowindex=${c.index + 2} aria-selected=${c.active ? 'true' : 'false'} @click=${c.select} @dblclick=${c.open}>
    <div class="title" role="gridcell"><a href="#/article/${encodeURIComponent(e.articleId)}" tabindex="-1"
      aria-label=${t('stories.edition.open', { outlet, date: e.published ? formatPublished(e) : t('library.undated'), title: e.title })}
      @click=${(ev: Event) => {
        ev.preventDefault();
        c.open();
      }}><bdi dir="auto">${e.title}</bdi></a></div>
    <div class="cell" role="gridcell"><bdi dir="auto">${outlet}</bdi></div>
    <div class="cell" role="gridcell">${e.published ? formatPublished(e) : t('library.undated')}</div>
    <div class="cell" role="gridcell"></div>
    <div role="gridcell"></div>
  </div>`;
}
