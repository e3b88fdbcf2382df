/**
 * The annotations panel's section for the story: annotations made on the story's other articles (other
 * outlets' copies), each with its outlet, quote and note; those whose quote anchors in this text are
 * painted here too and reveal their mark, the others open the article they were made on.
 */
import { html, nothing } from 'lit';
import type { StoryAnnotation, StoryAnnotations } from '../../services/annotations-story';
import { NavigateEvent } from '../app/route';
import { t } from '../strings/i18n';
import { AnnotationRevealEvent } from '../annotations/events';

const QUOTE_CHARS = 160;

export function renderStoryAnnotations(
  story: StoryAnnotations | undefined,
  host: HTMLElement,
  outletName: (id: string) => string,
) {
  if (!story || story.placed.length + story.elsewhere.length === 0) return nothing;
  const item = (s: StoryAnnotation, here: boolean) => {
    const a = s.annotation;
    const quote = s.quote.length > QUOTE_CHARS ? `${s.quote.slice(0, QUOTE_CHARS)}…` : s.quote;
    const outlet = outletName(s.meta.outlet);
    const reveal = () => host.dispatchEvent(new AnnotationRevealEvent(a.id));
    const open = () => host.dispatchEvent(new NavigateEvent({ view: 'reader', id: s.meta.id, annotation: a.id }));
    return html`<li class="item hl" data-id=${a.id} style="--swatch: var(--hl-${a.color ?? 'yellow'})">
      <p class="where muted">${t(here ? 'stories.notes.here' : 'stories.notes.there', { outlet })}</p>
      ${
        quote
          ? html`<button class="quote" dir="auto" aria-label=${t(here ? 'notes.goTo' : 'stories.notes.open', { quote, outlet })}
        @click=${here ? reveal : open}>${quote}</button>`
          : nothing
      }
      ${a.note ? html`<p class="note" dir="auto">${a.note}</p>` : nothing}
    </li>`;
  };
  return html`<section class="story-notes" aria-labelledby="story-notes-h">
    <h3 id="story-notes-h">${t('stories.notes.title')}</h3>
    <ol class="list">${story.placed.map((s) => item(s, true))}${story.elsewhere.map((s) => item(s, false))}</ol>
  </section>`;
}
