import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../../../renderer/core/search/lexicon';
import { SortedStrings } from '../../../../renderer/core/search/sorted-strings';

const sorted = (words: string[]): SortedStrings => SortedStrings.fromSorted([...new Set(words)].sort());

function randomWords(n: number, seed: number): string[] {
  let x = seed;
  const letters = 'ابتسلمن~0';
  return Array.from({ length: n }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    let w = '';
    for (let k = 1 + (x % 6); k > 0; k--) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      w += letters[x % letters.length];
    }
    return w;
  });
}

describe('Lexicon.internSorted', () => {
  it('numbers words once across calls and groups, in the assign order, and finds them all', () => {
    const lex = new Lexicon();
    const model = new Map<string, number>();
    for (let round = 0; round < 6; round++) {
      const groups = [0, 1, 2].map((g) => sorted(randomWords(400 + round * 300, round * 10 + g + 1)));
      const assign = Array.from({ length: groups[0]!.length }, (_, i) => groups[0]!.length - 1 - i);
      const ids = lex.internSorted([{ words: groups[0]!, assign }, { words: groups[1]! }, { words: groups[2]! }]);
      // The model: new words numbered in assign order for group 0, then in order.
      const visit = (g: number, i: number): void => {
        const w = groups[g]!.get(i);
        if (!model.has(w)) model.set(w, model.size);
        expect(ids[g]![i]).toBe(model.get(w));
      };
      for (const i of assign) visit(0, i);
      for (const g of [1, 2]) for (let i = 0; i < groups[g]!.length; i++) visit(g, i);
    }
    expect(lex.size).toBe(model.size);
    const all = [...model.keys()].sort();
    for (const [w, id] of model) {
      expect(lex.find(w)).toBe(id);
      expect(lex.get(id)).toBe(w);
    }
    expect(lex.find('ب~~~~~~~')).toBe(-1);
    for (const prefix of ['ا', 'سل', '~', '0ن']) {
      expect(Array.from(lex.prefixIds(prefix), (id) => lex.get(id))).toEqual(all.filter((w) => w.startsWith(prefix)));
    }
    const again = Lexicon.decode(lex.encode());
    expect(Array.from(again.prefixIds(''), (id) => again.get(id))).toEqual(all);
  });
});
