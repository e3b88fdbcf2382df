/**
 * A vertical lit-virtualizer layout for rows whose heights follow from their item (the library's rows
 * have fixed heights: story and article rows 58 px, edition rows 40 px). Positions are prefix sums of
 * those heights, so no row is ever measured: the default flow layout measures every new row
 * (getBoundingClientRect and getComputedStyle from a ResizeObserver) and lays the page out again,
 * which cost the library's scroll bench a second layout per frame (issue 18).
 *
 * The rows drawn reach `overhang` px beyond each edge of the viewport; a new range is taken only when
 * the viewport comes within `overhang / 2` of the rows drawn, so short scrolls render nothing.
 * Implements the virtualizer's Layout contract (Virtualizer.js reads items, viewportSize,
 * viewportScroll, totalScrollSize, offsetWithinScroller, pin, unpin, reflowIfNeeded,
 * getScrollIntoViewCoordinates and config); its types are not exported by the package, hence the
 * local ones.
 */

export interface RowsLayoutConfig {
  /** The height in px of the row drawn for an item. */
  rowHeight?: (item: unknown) => number;
  /** Px drawn beyond each edge of the viewport. */
  overhang?: number;
  /**
   * The virtualizer's key for an item. With it, a new items array whose range is mostly rows not drawn
   * yet (an import's newest articles on top, the first screen) is drawn in two steps: the rows on screen
   * first, the overhang in a later idle task, so no single task creates every row of the range (issue
   * 12: no main-thread task over 50 ms while detection runs).
   */
  key?: (item: unknown) => unknown;
}

interface Pin {
  index: number;
  block?: ScrollLogicalPosition;
}
interface Coords {
  top: number;
  left: number;
}
type Message =
  | {
      type: 'stateChanged';
      scrollSize: { height: number; width: null };
      range: { first: number; last: number; firstVisible: number; lastVisible: number };
      childPositions: Map<number, { top: number; left: number }>;
      scrollError?: Coords;
    }
  | { type: 'visibilityChanged'; firstVisible: number; lastVisible: number }
  | { type: 'unpinned' };

export class RowsLayout {
  readonly measureChildren = false;
  readonly listenForChildLoadEvents = false;
  direction = 'vertical' as const;
  totalScrollSize = { width: 0, height: 0 };
  offsetWithinScroller: Coords = { left: 0, top: 0 };
  private rowHeight: (item: unknown) => number = () => 58;
  private overhang = 600;
  private _items: unknown[] = [];
  /** offsets[i] = top of row i; offsets[n] = the total height. */
  private offsets = new Float64Array(1);
  private viewHeight = 0;
  private viewWidth = 0;
  private scrollTop = 0;
  private first = -1;
  private last = -1;
  private firstVisible = 0;
  private lastVisible = 0;
  private _pin: Pin | null = null;
  private scrollError = 0;
  private pendingReflow = false;
  private key: ((item: unknown) => unknown) | null = null;
  /** Keys of the rows in the last range sent, and whether the items changed since. */
  private drawn = new Set<unknown>();
  private itemsChanged = false;
  private growing = false;

  constructor(
    private readonly sink: (m: Message) => void,
    config?: RowsLayoutConfig,
  ) {
    if (config) this.config = config;
  }

  set config(c: RowsLayoutConfig) {
    let changed = false;
    if (c.rowHeight && c.rowHeight !== this.rowHeight) {
      this.rowHeight = c.rowHeight;
      changed = true;
    }
    if (c.overhang !== undefined && c.overhang !== this.overhang) {
      this.overhang = c.overhang;
      changed = true;
    }
    if (c.key) this.key = c.key;
    if (changed) {
      this.measure();
      this.pendingReflow = true;
      void Promise.resolve().then(() => this.reflowIfNeeded());
    }
  }
  get config(): RowsLayoutConfig {
    return { rowHeight: this.rowHeight, overhang: this.overhang, ...(this.key ? { key: this.key } : {}) };
  }

  get items(): unknown[] {
    return this._items;
  }
  set items(items: unknown[]) {
    if (items === this._items) return;
    this._items = items;
    this.measure();
    this.itemsChanged = true;
    this.pendingReflow = true;
  }

  get viewportSize(): { width: number; height: number } {
    return { width: this.viewWidth, height: this.viewHeight };
  }
  set viewportSize(s: { width: number; height: number }) {
    const changed = s.height !== this.viewHeight || s.width !== this.viewWidth;
    this.viewHeight = s.height;
    this.viewWidth = s.width;
    if (changed) this.checkThresholds();
  }

  get viewportScroll(): Coords {
    return { top: this.scrollTop, left: 0 };
  }
  set viewportScroll(c: Coords) {
    if (Math.abs(c.top - this.scrollTop) < 1) return;
    this.scrollTop = c.top;
    this.checkThresholds();
  }

  get pin(): Pin | null {
    if (!this._pin || !this._items.length) return null;
    return { index: Math.max(0, Math.min(this._pin.index, this._items.length - 1)), block: this._pin.block };
  }
  set pin(p: Pin | null) {
    this._pin = p;
    this.pendingReflow = true;
    void Promise.resolve().then(() => this.reflowIfNeeded());
  }

  unpin(): void {
    if (this._pin === null) return;
    this.sink({ type: 'unpinned' });
    this._pin = null;
  }

  reflowIfNeeded(force = false): void {
    if (!force && !this.pendingReflow) return;
    this.pendingReflow = false;
    this.reflow();
  }

  getScrollIntoViewCoordinates(p: Pin): { top: number } {
    return { top: this.scrollIntoViewPosition(p) };
  }

  private get total(): number {
    return this.offsets[this._items.length] ?? 0;
  }

  private measure(): void {
    const n = this._items.length;
    const offsets = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + this.rowHeight(this._items[i]);
    this.offsets = offsets;
  }

  /** The index of the row at `y` (clamped to the list). */
  private rowAt(y: number): number {
    const n = this._items.length;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }

  private checkThresholds(): void {
    if (this._pin || (this.viewHeight === 0 && this.first !== -1)) {
      this.pendingReflow = true;
      return;
    }
    const margin = this.overhang / 2;
    const min = Math.max(0, this.scrollTop - margin);
    const max = Math.min(this.total, this.scrollTop + this.viewHeight + margin);
    const drawnMin = this.first < 0 ? Infinity : this.offsets[this.first]!;
    const drawnMax = this.last < 0 ? -Infinity : this.offsets[this.last + 1]!;
    if (drawnMin > min || drawnMax < max) this.pendingReflow = true;
    else if (this.updateVisible()) this.sink({ type: 'visibilityChanged', ...this.visible() });
  }

  private scrollIntoViewPosition({ index, block = 'start' }: Pin): number {
    const i = Math.max(0, Math.min(this._items.length - 1, index));
    const start = this.offsets[i] ?? 0;
    const size = (this.offsets[i + 1] ?? start) - start;
    let y = start;
    if (block === 'center') y = start - (this.viewHeight - size) / 2;
    else if (block === 'end') y = start - this.viewHeight + size;
    else if (block === 'nearest') {
      const end = start - this.viewHeight + size;
      y = Math.abs(this.scrollTop - start) < Math.abs(this.scrollTop - end) ? start : end;
    }
    y += this.offsetWithinScroller.top;
    return Math.max(-this.offsetWithinScroller.top, Math.min(y, this.totalScrollSize.height - this.viewHeight));
  }

  private reflow(): void {
    const pin = this.pin;
    if (pin) {
      const before = this.scrollTop;
      this.scrollTop = this.scrollIntoViewPosition(pin) - this.offsetWithinScroller.top;
      this.scrollError = before - this.scrollTop;
    }
    const n = this._items.length;
    if (!n) {
      this.first = this.last = -1;
    } else {
      const overhang = this.stagedOverhang();
      this.first = this.rowAt(Math.max(0, this.scrollTop - overhang));
      this.last = this.rowAt(Math.min(this.total, this.scrollTop + this.viewHeight + overhang));
    }
    if (this.key) {
      this.drawn = new Set();
      for (let i = this.first; i >= 0 && i <= this.last; i++) this.drawn.add(this.key(this._items[i]));
    }
    this.updateVisible();
    const childPositions = new Map<number, { top: number; left: number }>();
    for (let i = this.first; i >= 0 && i <= this.last; i++) childPositions.set(i, { top: this.offsets[i]!, left: 0 });
    const message: Message = {
      type: 'stateChanged',
      scrollSize: { height: Math.max(1, this.total), width: null },
      range: { first: this.first, last: this.last, ...this.visible() },
      childPositions,
    };
    if (this.scrollError) {
      message.scrollError = { top: this.scrollError, left: 0 };
      this.scrollError = 0;
    }
    this.sink(message);
  }

  /**
   * The overhang for this reflow: none when the items just changed and more rows of the full range are
   * new than fit on screen; the full range then follows in an idle task (see RowsLayoutConfig.key).
   */
  private stagedOverhang(): number {
    const changed = this.itemsChanged;
    this.itemsChanged = false;
    if (!this.key || !changed || this.growing || !this.viewHeight) return this.overhang;
    const first = this.rowAt(Math.max(0, this.scrollTop - this.overhang));
    const last = this.rowAt(Math.min(this.total, this.scrollTop + this.viewHeight + this.overhang));
    const onScreen = this.rowAt(this.scrollTop + this.viewHeight) - this.rowAt(this.scrollTop) + 1;
    let fresh = 0;
    for (let i = first; i <= last; i++) if (!this.drawn.has(this.key(this._items[i]))) fresh++;
    if (fresh <= onScreen) return this.overhang;
    this.growing = true;
    const grow = (): void => {
      this.growing = false;
      this.pendingReflow = true;
      this.reflowIfNeeded();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(grow, { timeout: 250 });
    else setTimeout(grow, 0);
    return 0;
  }

  private visible() {
    return { firstVisible: this.firstVisible, lastVisible: this.lastVisible };
  }

  /** Recomputes the first and last rows in the viewport; true when they changed. */
  private updateVisible(): boolean {
    if (this.first < 0) return false;
    const fv = Math.max(this.first, Math.min(this.last, this.rowAt(this.scrollTop)));
    const end = this.scrollTop + this.viewHeight;
    let lv = Math.max(this.first, Math.min(this.last, this.rowAt(end)));
    if (lv > fv && this.offsets[lv]! >= end) lv--;
    const changed = fv !== this.firstVisible || lv !== this.lastVisible;
    this.firstVisible = fv;
    this.lastVisible = lv;
    return changed;
  }
}

/** The layout specifier for <lit-virtualizer .layout=…>. */
export const rowsLayout = (config: RowsLayoutConfig) => ({ type: RowsLayout, ...config });
