/** Renders a snippet: its text with the hit ranges wrapped in <mark class="hit">. Pure template helper. */
import { html, type TemplateResult } from 'lit';
import type { Snippet } from '../../core/search/api';

/** The snippet's pieces, hits marked; an ellipsis where the slice cuts the text. */
export function renderSnippet(s: Snippet, cutStart: boolean, cutEnd: boolean): TemplateResult {
  const parts: Array<string | TemplateResult> = [];
  let at = 0;
  for (const h of s.highlights) {
    if (h.start > at) parts.push(s.text.slice(at, h.start));
    parts.push(html`<mark class="hit">${s.text.slice(h.start, h.end)}</mark>`);
    at = h.end;
  }
  parts.push(s.text.slice(at));
  return html`${cutStart ? '… ' : ''}${parts}${cutEnd ? ' …' : ''}`;
}
