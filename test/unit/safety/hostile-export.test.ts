/**
 * Issue 13 items 3 and 8: every export is safe to open. Hostile titles, outlets, authors, notes, quotes
 * and tags leave the Markdown export inert (no raw HTML, links, code or emphasis from user text), and
 * the CSV guard catches every formula start a spreadsheet runs.
 */
import { describe, it, expect } from 'vitest';
import { toMarkdown, toCsv, csvField } from '../../../renderer/core/export';
import { escapeMarkdown, guardFormula } from '../../../renderer/core/export/escape';
import { ANNOTATIONS, ARTICLES, TEXTS } from '../../fixtures/export/library';

const EVIL = '<img src=x onerror=alert(1)> [click](javascript:alert(2)) `code` **bold** _em_ ~~s~~ &amp; ![i](x)';

function hostileInput() {
  const articles = ARTICLES.map((a) => ({
    ...a,
    title: `${a.title} ${EVIL}`,
    outlet: `${a.outlet}<script>alert(3)</script>`,
    author: `<b onmouseover=alert(4)>${a.author ?? 'x'}</b>`,
  }));
  const annotations = ANNOTATIONS.map((n) => ({
    ...n,
    note: `${n.note}\n<iframe src=javascript:alert(5)>\n${EVIL}`,
    tags: [...n.tags, '<svg onload=alert(6)>'],
  }));
  return { articles, annotations, texts: TEXTS };
}

describe('Markdown export escapes text from articles and users (issue 13)', () => {
  const md = toMarkdown(hostileInput());

  it('no raw HTML tag survives: every < and > from the input is an entity', () => {
    expect(md).not.toMatch(/<\s*(img|script|iframe|svg|b)\b/i);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('&lt;script&gt;alert(3)&lt;/script&gt;');
    expect(md).toContain('&lt;svg onload=alert(6)&gt;');
  });

  it('links, images, code and emphasis from user text are escaped', () => {
    expect(md).not.toMatch(/(?<!\\)\[click(?<!\\)\]/);
    expect(md).toContain('\\[click\\](javascript:alert(2))');
    expect(md).toContain('\\`code\\`');
    expect(md).toContain('\\*\\*bold\\*\\*');
    expect(md).toContain('\\_em\\_');
    expect(md).toContain('&amp;amp;');
  });

  it('an unescaped Markdown writer would have let them through (the test can fail)', () => {
    expect(escapeMarkdown(EVIL)).not.toBe(EVIL);
  });
});

describe('CSV formula guard (issue 13 item 8)', () => {
  it.each([
    ['- 1+1'],
    ['-\t1'],
    ['＝1+1'],
    [' =1+1'],
    ['\u00a0=1+1'],
    ['\u200f=1+1'],
    ['＋1'],
    ['－1'],
    ['＠SUM(A1)'],
    ['\t=1'],
    ['\r=1'],
    ['=HYPERLINK("x")'],
    ['+1'],
    ['@x'],
    ['-1'],
  ])('%j is prefixed', (v) => {
    expect(guardFormula(v)).toBe(`'${v}`);
  });

  it.each([['نص عادي'], ['٥- قتلى'], ['a-b'], ['email@example.org'], ['']])('%j is left alone', (v) => {
    expect(guardFormula(v)).toBe(v);
  });

  it('"-٥ قتلى" stays readable: one apostrophe a spreadsheet hides, the text intact', () => {
    expect(csvField('-٥ قتلى')).toBe("'-٥ قتلى");
  });

  it('the whole CSV of the hostile library has no cell starting with a formula sign', () => {
    const input = hostileInput();
    input.annotations[0] = { ...input.annotations[0]!, note: ' =cmd|"/c calc"!A1' };
    const csv = toCsv(input);
    expect(csv).toContain(`"' =cmd|""/c calc""!A1"`);
  });
});
