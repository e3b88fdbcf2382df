/**
 * Gets the reader's toolbar out of the way while reading (Apple Books): it slides away when the article
 * scrolls down or the pointer rests in the text for IDLE_MS, and comes back when the article scrolls up or
 * reaches its top, when the pointer comes near the top edge, or when focus enters it (the toolbar's own CSS
 * keeps it shown while it holds focus, so a keyboard user never tabs onto an invisible control).
 *
 * The host calls `onScroll(scroller)` from the article's scroll handler and renders
 * `<warraq-reader-toolbar ?concealed=${autoHide.concealed}>`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Scrolling less than this does not change anything (a trackpad's jitter). */
const SCROLL_SLOP_PX = 8;
/** Pointer within this distance of the reader's top edge shows the toolbar. */
const NEAR_TOP_PX = 72;
/** After this long without pointer movement in the text, a scrolled article hides the toolbar. */
const IDLE_MS = 3000;

export class ChromeAutoHide implements ReactiveController {
  concealed = false;
  private lastTop = 0;
  private idle = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('pointermove', this.onPointer);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointermove', this.onPointer);
    window.clearTimeout(this.idle);
  }

  private set(concealed: boolean): void {
    if (concealed === this.concealed) return;
    this.concealed = concealed;
    this.host.requestUpdate();
  }

  onScroll(scroller: HTMLElement): void {
    const top = scroller.scrollTop;
    const delta = top - this.lastTop;
    if (top <= 0) this.set(false);
    else if (delta > SCROLL_SLOP_PX) this.set(true);
    else if (delta < -SCROLL_SLOP_PX) this.set(false);
    if (Math.abs(delta) > SCROLL_SLOP_PX || top <= 0) this.lastTop = top;
    this.armIdle(scroller);
  }

  private onPointer = (e: PointerEvent): void => {
    const box = this.host.getBoundingClientRect();
    if (e.clientY - box.top < NEAR_TOP_PX) {
      this.set(false);
      window.clearTimeout(this.idle);
    } else this.armIdle(this.host.shadowRoot?.querySelector('article') ?? null);
  };

  private armIdle(scroller: HTMLElement | null): void {
    window.clearTimeout(this.idle);
    if (!scroller || scroller.scrollTop <= 0) return;
    this.idle = window.setTimeout(() => this.set(true), IDLE_MS);
  }
}
