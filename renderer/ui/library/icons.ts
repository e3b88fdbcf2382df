/**
 * Icons of the screens this folder owns, as inline SVG from lucide-static (aria-hidden: the button
 * around an icon carries the accessible name). To be replaced by the frame's shared icon helper.
 */
import { html } from 'lit';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';

/** An inline SVG icon, hidden from assistive technology. */
export function icon(svg: string) {
  return html`<span class="icon" aria-hidden="true">${unsafeSVG(svg)}</span>`;
}
