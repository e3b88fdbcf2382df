/** The query-language help, as a disclosure under the search controls. */
import { html } from 'lit';
import { t } from '../strings/i18n';

const KEYS = ['words', 'phrase', 'prefix', 'exclude', 'or', 'fields', 'dates', 'strict'] as const;

/** A <details> listing every operator of the query language in the interface language. */
export function renderHelp() {
  return html`<details class="help">
    <summary>${t('search.help')}</summary>
    <ul>${KEYS.map((k) => html`<li><bdi>${t(`search.help.${k}`)}</bdi></li>`)}</ul>
  </details>`;
}
