/**
 * The library's multi-selection: a set of article ids (a story row stands for all its articles), with
 * an anchor row for Shift+click / Shift+arrow ranges. Pure state over the current list; the view
 * re-renders after each change.
 */
import type { LibraryItem } from './library-items';

/** The article ids a list item stands for. */
export function itemIds(item: LibraryItem | undefined): string[] {
  if (!item) return [];
  if (item.kind === 'article') return [item.meta.id];
  if (item.kind === 'story') return item.row.articleIds.length ? [...item.row.articleIds] : [item.row.lead.id];
  return [item.edition.articleId];
}

export class LibrarySelection {
  readonly ids = new Set<string>();
  /** Row index a range starts from, and the selection as it was when the anchor was set. */
  private anchor = -1;
  private base = new Set<string>();

  get size(): number {
    return this.ids.size;
  }

  /** Whether every article of the item is selected (false for an item without articles). */
  has(item: LibraryItem | undefined): boolean {
    const ids = itemIds(item);
    return ids.length > 0 && ids.every((id) => this.ids.has(id));
  }

  /** Toggles one row and makes it the anchor. */
  toggle(items: readonly LibraryItem[], index: number): void {
    const ids = itemIds(items[index]);
    const on = !this.has(items[index]);
    for (const id of ids) {
      if (on) this.ids.add(id);
      else this.ids.delete(id);
    }
    this.setAnchor(index);
  }

  /** Selects the rows from the anchor (or `from` when there is none) to `to`, added to what was selected before. */
  extend(items: readonly LibraryItem[], from: number, to: number): void {
    if (this.anchor < 0 || this.anchor >= items.length) this.setAnchor(from);
    this.ids.clear();
    for (const id of this.base) this.ids.add(id);
    const [lo, hi] = this.anchor <= to ? [this.anchor, to] : [to, this.anchor];
    for (let i = lo; i <= hi; i++) for (const id of itemIds(items[i])) this.ids.add(id);
  }

  selectAll(items: readonly LibraryItem[]): void {
    for (const item of items) for (const id of itemIds(item)) this.ids.add(id);
    this.anchor = -1;
  }

  clear(): void {
    this.ids.clear();
    this.base.clear();
    this.anchor = -1;
  }

  /** Forgets ids no longer in the library (after a delete or an import). */
  retain(exists: (id: string) => boolean): void {
    for (const id of [...this.ids]) if (!exists(id)) this.ids.delete(id);
  }

  private setAnchor(index: number): void {
    this.anchor = index;
    this.base = new Set(this.ids);
  }
}
