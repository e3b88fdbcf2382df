import { describe, it, expect } from 'vitest';
import { segment, baseDirection } from '../../../renderer/ui/reader/decorate';
import { hashToRoute, routeToHash, type Route } from '../../../renderer/ui/app/route';
import { ar } from '../../../renderer/ui/strings/ar';
import { en } from '../../../renderer/ui/strings/en';

describe('segment', () => {
  it('splits overlapping decorations into nested segments', () => {
    const segs = segment({ start: 0, end: 20 }, [
      { start: 2, end: 10, kind: 'hl', variant: 'yellow', id: 'a' },
      { start: 6, end: 14, kind: 'hl', variant: 'blue', id: 'b' },
      { start: 30, end: 40, kind: 'hit' },
    ]);
    expect(segs.map((s) => [s.start, s.end, s.decorations.map((d) => d.id).join('+')])).toEqual([
      [0, 2, ''],
      [2, 6, 'a'],
      [6, 10, 'a+b'],
      [10, 14, 'b'],
      [14, 20, ''],
    ]);
  });

  it('clips decorations that cross the paragraph edge', () => {
    expect(
      segment({ start: 10, end: 20 }, [{ start: 5, end: 15, kind: 'hit' }]).map((s) => [
        s.start,
        s.end,
        s.decorations.length,
      ]),
    ).toEqual([
      [10, 15, 1],
      [15, 20, 0],
    ]);
  });
});

describe('baseDirection', () => {
  it.each([
    ['قالت Amnesty International إن العدد أكبر بكثير من 1302 مدني', 'rtl'],
    ['Reuters قالت وكالة رويترز', 'rtl'],
    ['The coalition said 1,302 civilians died', 'ltr'],
    ['2019', 'rtl'],
  ])('%s → %s', (text, dir) => expect(baseDirection(text)).toBe(dir));
});

describe('routes', () => {
  it.each<Route>([
    { view: 'library' },
    { view: 'reader', id: 'abc123', query: 'التحالف "الدولي"', paragraph: 3 },
    { view: 'search', query: 'source:عكاظ مدني' },
    { view: 'notebook' },
  ])('round trips %o', (r) => {
    expect(hashToRoute(routeToHash(r))).toEqual(r);
  });
});

describe('interface strings', () => {
  it('Arabic and English have the same keys and parameters', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ar).sort());
    for (const [k, v] of Object.entries(ar)) {
      const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(params(en[k as keyof typeof en]), k).toEqual(params(v));
    }
  });
});
