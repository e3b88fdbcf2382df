/**
 * The library's header: heading with counts, "continue reading", story/article toggle, sort, order,
 * outlet filter and (by story) the minimum number of outlets. A template; the view hands in state
 * and setters.
 */
import { html, nothing } from 'lit';
import type { ArticleMeta } from '../../core/model';
import type { Services } from '../../services/services';
import type { LibrarySortKey } from '../../services/settings';
import { isByStory, STORY_SORTS, type StoryLibraryPrefs } from './library-items';
import { t } from '../strings/i18n';

const SORTS: LibrarySortKey[] = ['imported', 'date', 'title', 'outlet'];
const MIN_OUTLETS = [1, 2, 3, 5, 10];

export interface ToolbarContext {
  services: Services;
  /** The library's outlets, alphabetically (the view lists them when the rows change). */
  outlets: readonly string[];
  prefs: StoryLibraryPrefs;
  counts: { rows: number; articles: number; partial?: boolean };
  resume?: { meta: ArticleMeta; paragraph: number };
  setPrefs(patch: Partial<StoryLibraryPrefs>): void;
  continueReading(): void;
}

const value = (e: Event) => (e.target as HTMLSelectElement).value;

export function renderToolbar(c: ToolbarContext) {
  const { services, prefs } = c;
  const outlets = [...c.outlets];
  // The outlet filtered on stays offered after its last article goes, so the filter reads true.
  if (prefs.outlet && !outlets.includes(prefs.outlet)) outlets.unshift(prefs.outlet);
  const byStory = isByStory(prefs);
  // Start-up draws the first screen before the stored articles are counted (total null): no count yet.
  const total = services.library.total;
  const count =
    byStory && services.library.complete && !c.counts.partial
      ? t('stories.library.count', { stories: c.counts.rows, articles: c.counts.articles })
      : prefs.outlet
        ? t('library.count', { count: c.counts.rows })
        : total === null
          ? null
          : t('library.count', { count: total });
  return html`
    <header class="toolbar">
      <h1>${t('library.title')}${count === null ? nothing : html` <span class="muted count">(${count})</span>`}</h1>
      ${
        c.resume && services.library.meta(c.resume.meta.id)
          ? html`<button class="primary" @click=${c.continueReading}>${t('library.continue', { title: c.resume.meta.title })}</button>`
          : nothing
      }
      <button aria-pressed=${byStory ? 'true' : 'false'} @click=${() => c.setPrefs({ byStory: !byStory })}>${t('stories.library.byStory')}</button>
      <label>${t('library.sort')}
        ${
          byStory
            ? html`<select aria-label=${t('library.sort')} @change=${(e: Event) => c.setPrefs({ storySort: value(e) as StoryLibraryPrefs['storySort'] })}>
          ${STORY_SORTS.map((s) => html`<option value=${s} ?selected=${s === (prefs.storySort ?? 'earliest')}>${t(`stories.library.sort.${s}`)}</option>`)}
        </select>`
            : html`<select aria-label=${t('library.sort')} @change=${(e: Event) => c.setPrefs({ sort: value(e) as LibrarySortKey })}>
          ${SORTS.map((s) => html`<option value=${s} ?selected=${s === prefs.sort}>${t(`library.sort.${s}`)}</option>`)}
        </select>`
        }</label>
      <button aria-label=${t('library.order')} title=${t('library.order')} @click=${() => c.setPrefs({ descending: !prefs.descending })}>
        ${prefs.descending ? t('library.order.desc') : t('library.order.asc')}</button>
      <label>${t('library.filterOutlet')}
        <select aria-label=${t('library.filterOutlet')} @change=${(e: Event) => c.setPrefs({ outlet: value(e) })}>
          <option value="" ?selected=${!prefs.outlet}>${t('library.allOutlets')}</option>
          ${outlets.map((o) => html`<option value=${o} ?selected=${o === prefs.outlet}>${services.stories.outletName(o)}</option>`)}
        </select></label>
      ${
        byStory
          ? html`<label>${t('stories.library.minOutlets')}
        <select aria-label=${t('stories.library.minOutlets')} @change=${(e: Event) => c.setPrefs({ minOutlets: Number(value(e)) })}>
          ${MIN_OUTLETS.map((n) => html`<option value=${n} ?selected=${n === (prefs.minOutlets ?? 1)}>${n === 1 ? t('stories.library.anyOutlets') : t('stories.library.atLeast', { count: n })}</option>`)}
        </select></label>`
          : nothing
      }
    </header>`;
}
