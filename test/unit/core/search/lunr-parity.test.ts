/**
 * The engine's compact segments must rank like lunr itself: a plain lunr index built by lunr's own
 * Builder with the same pipeline gives the same documents, order and scores (lunr rounds weights to
 * 3 decimals, hence the tolerance).
 */
import { describe, expect, it } from 'vitest';
import lunr from 'lunr';
import { SearchIndex } from '../../../../renderer/core/search/engine';
import { arabicTokenizer, createArabicPipeline } from '../../../../renderer/core/search/pipeline';
import { planQuery } from '../../../../renderer/core/search/plan';
import { parseQuery } from '../../../../renderer/core/search/query';
import { FIXTURE_DOCS } from '../../../fixtures/search/articles';

function plainLunr(): lunr.Index {
  return lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    const stages = (createArabicPipeline() as unknown as { _stack: lunr.PipelineFunction[] })._stack;
    this.pipeline.add(...stages);
    (this as unknown as { tokenizer: typeof arabicTokenizer }).tokenizer = arabicTokenizer;
    this.ref('id');
    this.field('title');
    this.field('body');
    for (const d of FIXTURE_DOCS) this.add({ id: d.id, title: d.title, body: d.text.slice(d.title.length + 1) });
  });
}

describe('parity with lunr', () => {
  const reference = plainLunr();
  const ours = SearchIndex.build(FIXTURE_DOCS);

  it.each(['التحالف', 'اذار', 'اعلنت', '1300', 'مكتبة', 'الدولي'])('%s ranks and scores as lunr does', (query) => {
    const expansions = planQuery(parseQuery(query), false).groups[0]![0]!.words[0]!.expansions;
    const expected = reference.query((q) => {
      for (const e of expansions) q.term(e.term, { usePipeline: false, boost: e.boost });
    });
    const got = ours.search(query).hits;
    expect(got.map((h) => h.id)).toEqual(expected.map((r) => r.ref));
    got.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i]!.score, 2));
    expect(got.length).toBeGreaterThan(0);
  });
});
