/** The query-language help, as a disclosure under the search controls: the syntax, then what it does. */
import { html } from 'lit';
import { t } from '../strings/i18n';

// The syntax is typed as is whatever the interface language; each example is isolated so a mix of
// Latin operators and Arabic words keeps its typed order in both layouts.
const ROWS: Array<[string[], string]> = [
  [['كلمة كلمة'], 'words'],
  [['"عبارة كاملة"'], 'phrase'],
  [['اقتصاد*'], 'prefix'],
  [['-كلمة'], 'exclude'],
  [['كلمة OR كلمة'], 'or'],
  [['source:عكاظ', 'title:كلمة'], 'fields'],
  [['date:2015-07', 'date:2015-07-01..2015-08-15', 'after:2015-07-01', 'before:2016-01-01'], 'dates'],
];

/** A <details> listing every operator of the query language, with the strict-spelling note. */
export function renderHelp() {
  return html`<details class="help">
    <summary>${t('search.help')}</summary>
    <dl>${ROWS.map(
      ([examples, key]) => html`
      <dt>${examples.map((e, i) => html`${i ? ' ' : ''}<code dir=${/^[a-z]/.test(e) ? 'ltr' : 'rtl'}>${e}</code>`)}</dt>
      <dd>${t(`search.help.${key}`)}</dd>`,
    )}
    </dl>
    <p class="muted">${t('search.help.strict')}</p>
  </details>`;
}
