/**
 * The reader's window over its display blocks (see windowing.ts), as a Lit controller: which blocks are
 * in the DOM, the spacer heights around them, moving the window as the article scrolls (keeping the
 * block at the top of the screen where it was), and bringing any text offset into the window for find,
 * highlights, bookmarks and the reading position.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Article, ReaderPrefs } from '../../core/model';
import {
  blockAtHeight,
  blockAtOffset,
  blockOfParagraph,
  buildBlocks,
  estimateHeights,
  isWhole,
  windowAround,
  type Blocks,
  type Window,
} from './windowing';

/** The reader settings the estimated heights depend on. */
const layoutKey = (p: ReaderPrefs): string => `${p.fontSize}/${p.lineHeight}/${p.columnWidth}`;

interface Host extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class ReaderWindow implements ReactiveController {
  blocks?: Blocks;
  win: Window = { from: 0, to: 0 };
  private prefix: Float64Array = new Float64Array(1);
  private article?: Article;
  private prefsKey = '';
  private pending?: { anchor: number; offset: number };
  private frame = 0;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
  }

  /**
   * Takes blocks (and their heights for `prefs`) already built for `a` (long-text.ts builds them in
   * slices): `prepare` keeps them.
   */
  adopt(a: Article, blocks: Blocks, heights?: { prefs: ReaderPrefs; prefix: Float64Array }): void {
    this.article = a;
    this.blocks = blocks;
    this.win = windowAround(blocks, 0);
    this.prefsKey = heights ? layoutKey(heights.prefs) : '';
    if (heights) this.prefix = heights.prefix;
  }

  /** Called in render: rebuilds the blocks when the article changes, the estimates when the layout does. */
  prepare(a: Article, prefs: ReaderPrefs): Blocks {
    if (this.article !== a || !this.blocks) {
      this.article = a;
      this.blocks = buildBlocks(a.text, a.paragraphs);
      this.win = windowAround(this.blocks, 0);
      this.prefsKey = '';
    }
    const key = layoutKey(prefs);
    if (key !== this.prefsKey) {
      this.prefsKey = key;
      this.prefix = estimateHeights(this.blocks, prefs.fontSize, prefs.lineHeight, prefs.columnWidth);
    }
    return this.blocks;
  }

  get whole(): boolean {
    return !this.blocks || isWhole(this.blocks);
  }

  /** Estimated px above and below the window. */
  get gaps(): { before: number; after: number } {
    const n = this.prefix.length - 1;
    return { before: this.prefix[this.win.from] ?? 0, after: (this.prefix[n] ?? 0) - (this.prefix[this.win.to] ?? 0) };
  }

  /** Makes sure the block holding text offset `offset` is rendered; resolves once it is. */
  async showOffset(offset: number): Promise<void> {
    if (this.blocks) await this.showBlock(blockAtOffset(this.blocks, offset));
  }

  /** Makes sure paragraph `index` (0-based) starts in the window; resolves once it does. */
  async showParagraph(index: number): Promise<void> {
    if (this.blocks) await this.showBlock(blockOfParagraph(this.blocks, index));
  }

  /** Moves the window (synchronously) when `offset` is outside it; true when it moved. */
  ensureOffset(offset: number): boolean {
    if (!this.blocks) return false;
    const b = blockAtOffset(this.blocks, offset);
    if (b >= this.win.from && b < this.win.to) return false;
    this.win = windowAround(this.blocks, b);
    this.host.requestUpdate();
    return true;
  }

  private async showBlock(b: number): Promise<void> {
    if (!this.blocks || (b >= this.win.from && b < this.win.to)) return;
    this.win = windowAround(this.blocks, b);
    this.host.requestUpdate();
    await this.host.updateComplete;
  }

  /** The article scrolled: move the window on the next frame when its edge comes near. */
  onScroll(scroller: HTMLElement): void {
    if (this.whole) return;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.check(scroller));
  }

  private check(scroller: HTMLElement): void {
    const b = this.blocks;
    const body = this.host.renderRoot.querySelector<HTMLElement>('section.body');
    const ps = body ? [...body.querySelectorAll<HTMLElement>('p[data-b]')] : [];
    if (!b || !body || !ps.length) return;
    const box = scroller.getBoundingClientRect();
    const h = scroller.clientHeight;
    const top = ps[0]!.getBoundingClientRect().top - box.top;
    const bottom = ps[ps.length - 1]!.getBoundingClientRect().bottom - box.top;
    const needBack = this.win.from > 0 && top > -h / 2;
    const needForward = this.win.to < b.count && bottom < h * 1.5;
    if (!needBack && !needForward) return;
    let anchor: number;
    let offset = 0;
    if (top > h) anchor = blockAtHeight(this.prefix, box.top - body.getBoundingClientRect().top);
    else if (bottom < 0) anchor = blockAtHeight(this.prefix, this.prefix[this.win.to]! - bottom);
    else {
      const el = ps.find((p) => p.getBoundingClientRect().bottom > box.top) ?? ps[ps.length - 1]!;
      anchor = Number(el.dataset.b);
      offset = el.getBoundingClientRect().top - box.top;
    }
    const next = windowAround(b, anchor);
    if (next.from === this.win.from && next.to === this.win.to) return;
    this.win = next;
    this.pending = { anchor, offset };
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    const scroller = this.host.renderRoot.querySelector<HTMLElement>('article');
    const el = this.host.renderRoot.querySelector<HTMLElement>(`p[data-b="${p.anchor}"]`);
    if (!scroller || !el) return;
    scroller.scrollTop += el.getBoundingClientRect().top - scroller.getBoundingClientRect().top - p.offset;
    this.onScroll(scroller);
  }
}
