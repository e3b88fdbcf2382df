import { describe, expect, it } from 'vitest';
import { LibrarySelection } from '../../../renderer/ui/library/library-selection';
import type { LibraryItem } from '../../../renderer/ui/library/library-items';
import type { ArticleMeta } from '../../../renderer/core/model';

const item = (id: string): LibraryItem => ({ kind: 'article', meta: { id } as ArticleMeta });
const items = ['a', 'b', 'c', 'd', 'e'].map(item);
const sorted = (s: LibrarySelection) => [...s.ids].sort();

describe('LibrarySelection', () => {
  it('toggles rows and extends a range from the anchor, keeping what was selected before', () => {
    const s = new LibrarySelection();
    s.toggle(items, 0);
    s.toggle(items, 2);
    s.extend(items, 2, 4);
    expect(sorted(s)).toEqual(['a', 'c', 'd', 'e']);
    // Extending again from the same anchor replaces the range, not the earlier selection.
    s.extend(items, 4, 3);
    expect(sorted(s)).toEqual(['a', 'c', 'd']);
    s.toggle(items, 0);
    expect(sorted(s)).toEqual(['c', 'd']);
  });

  it('extends from the active row when nothing was toggled, selects all, forgets deleted ids', () => {
    const s = new LibrarySelection();
    s.extend(items, 1, 2);
    expect(sorted(s)).toEqual(['b', 'c']);
    s.selectAll(items);
    expect(s.size).toBe(5);
    s.retain((id) => id !== 'b');
    expect(s.has(items[1])).toBe(false);
    s.clear();
    expect(s.size).toBe(0);
  });

  it('a story row stands for all its articles', () => {
    const story = {
      kind: 'story',
      row: { articleIds: ['x', 'y'], lead: { id: 'x' } },
      expanded: false,
    } as unknown as LibraryItem;
    const s = new LibrarySelection();
    s.toggle([story], 0);
    expect(sorted(s)).toEqual(['x', 'y']);
    expect(s.has(story)).toBe(true);
  });
});
