import { describe, expect, it, vi } from 'vitest';
import { RowsLayout } from '../../../renderer/ui/library/rows-layout';

type Sent = Parameters<ConstructorParameters<typeof RowsLayout>[0]>[0];
type State = Extract<Sent, { type: 'stateChanged' }>;

/** 1,000 rows of 50 px, every tenth 30 px (as edition rows under a story). */
const items = Array.from({ length: 1000 }, (_, i) => (i % 10 === 9 ? 'short' : 'tall'));
const rowHeight = (item: unknown) => (item === 'short' ? 30 : 50);

function layout(overhang = 200) {
  const sent: Sent[] = [];
  const l = new RowsLayout((m) => sent.push(m), { rowHeight, overhang });
  l.items = items;
  l.viewportSize = { width: 800, height: 400 };
  l.totalScrollSize = { width: 800, height: 48_000 };
  const last = () => sent.filter((m): m is State => m.type === 'stateChanged').at(-1)!;
  return { l, sent, last };
}

describe('RowsLayout', () => {
  it('places rows by the sum of the heights before them, and sizes the list by all of them', () => {
    const { l, last } = layout();
    l.reflowIfNeeded();
    const s = last();
    // Nine rows of 50 and one of 30 per ten: 480 px.
    expect(s.scrollSize.height).toBe(48_000);
    expect(s.childPositions.get(10)).toEqual({ top: 480, left: 0 });
    expect(s.childPositions.get(9)).toEqual({ top: 450, left: 0 });
    // The viewport (0–400) plus the overhang (200) below: rows 0 to the one at 600 px.
    expect(s.range).toMatchObject({ first: 0, last: 12, firstVisible: 0, lastVisible: 7 });
  });

  it('takes a new range only when the viewport nears the edge of the rows drawn', () => {
    const { l, sent, last } = layout();
    l.reflowIfNeeded();
    const n = sent.length;
    // 50 px down: rows 0–12 still cover 50–650 (viewport + half the overhang): no reflow, only visibility.
    l.viewportScroll = { top: 50, left: 0 };
    l.reflowIfNeeded();
    expect(sent.slice(n).map((m) => m.type)).toEqual(['visibilityChanged']);
    // A page down (450–850): the rows from 250 to 1,050 px are drawn.
    l.viewportScroll = { top: 450, left: 0 };
    l.reflowIfNeeded();
    expect(last().range).toMatchObject({ first: 5, last: 21, firstVisible: 9, lastVisible: 17 });
  });

  it('scrolls a row into view through a pin, and lets the user scroll away (unpin)', async () => {
    const { l, sent, last } = layout();
    l.reflowIfNeeded();
    l.pin = { index: 500, block: 'start' };
    await Promise.resolve();
    // Row 500 starts at 50 × 480 = 24,000 px; the virtualizer corrects the scroll by the error.
    expect(last().range.firstVisible).toBe(500);
    expect(last().scrollError).toEqual({ top: -24_000, left: 0 });
    expect(l.getScrollIntoViewCoordinates({ index: 10, block: 'nearest' })).toEqual({ top: 480 });
    l.unpin();
    expect(sent.at(-1)).toEqual({ type: 'unpinned' });
    expect(l.pin).toBeNull();
  });

  it('draws nothing for an empty list', () => {
    const { l, last } = layout();
    l.items = [];
    l.reflowIfNeeded();
    expect(last().range).toMatchObject({ first: -1, last: -1 });
    expect(last().childPositions.size).toBe(0);
  });
});

describe('RowsLayout with keys', () => {
  it('draws a range of mostly new rows in two steps: the rows on screen, then the overhang in a later task', async () => {
    const sent: Sent[] = [];
    const l = new RowsLayout((m) => sent.push(m), { rowHeight, overhang: 200, key: (item) => item });
    const last = () => sent.filter((m): m is State => m.type === 'stateChanged').at(-1)!;
    const keyed = (p: string) => Array.from({ length: 1000 }, (_, i) => `${p}${i}`);
    l.viewportSize = { width: 800, height: 400 };
    l.items = keyed('a');
    l.reflowIfNeeded();
    // 400 px of 50 px rows on screen: rows 0–8 now; 0–12 (to 600 px) once the overhang follows.
    expect(last().range).toMatchObject({ first: 0, last: 8 });
    await vi.waitFor(() => expect(last().range).toMatchObject({ first: 0, last: 12 }));
    // A regrouping that keeps most rows: the whole range at once.
    const n = sent.length;
    l.items = ['x', ...keyed('a').slice(1)];
    l.reflowIfNeeded();
    expect(sent.length).toBe(n + 1);
    expect(last().range).toMatchObject({ first: 0, last: 12 });
    // New rows on top of everything (an import's newest articles): the screen first again.
    l.items = keyed('b');
    l.reflowIfNeeded();
    expect(last().range).toMatchObject({ first: 0, last: 8 });
    await vi.waitFor(() => expect(last().range).toMatchObject({ first: 0, last: 12 }));
  });
});
