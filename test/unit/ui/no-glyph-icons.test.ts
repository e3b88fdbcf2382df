// Fails if an emoji or a text glyph (✕ ↗ ← 🔖 ✎ ❝ + −…) stands in for an icon: in the content of a control in any
// template under renderer/ui, or as a whole string in a strings table. Icons come from renderer/ui/common/icons.ts.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../../../renderer/ui');
/** Symbols (math, arrows, dingbats, pictographs) and the ellipsis, which make a picture, not a word. */
const GLYPH = /[\p{Extended_Pictographic}\p{So}\p{Sm}]/u;
/** Opening tags of controls whose content is what a user clicks. */
const CONTROL =
  /<(button|a|summary)\b|<[a-z-]+\s[^>]*role="(button|menuitem|menuitemradio|menuitemcheckbox|tab|option)"/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Index just after the `}` that closes the `${` starting at `i` (which points at `$`). */
function skipExpr(s: string, i: number): number {
  let depth = 0;
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j + 1;
    else if (c === "'" || c === '"') j = s.indexOf(c, j + 1);
    else if (c === '`') j = skipTemplate(s, j);
  }
  return s.length;
}

function skipTemplate(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === '`') return j;
    if (s[j] === '$' && s[j + 1] === '{') j = skipExpr(s, j) - 1;
  }
  return s.length;
}

/** The glyphs a user would see in a control's content: its text and the string literals of its expressions. */
function glyphsInControls(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(CONTROL)) {
    const tag = m[1] ?? '';
    // Find the end of the opening tag, skipping `${…}` in attributes (they hold arrow functions).
    let i = m.index! + m[0].length;
    while (i < source.length && source[i] !== '>')
      i = source[i] === '$' && source[i + 1] === '{' ? skipExpr(source, i) : i + 1;
    const close = tag ? `</${tag}>` : '</';
    const end = source.indexOf(close, i);
    if (end < 0) continue;
    const content = source.slice(i + 1, end);
    let text = '';
    const literals: string[] = [];
    for (let j = 0; j < content.length;) {
      if (content[j] === '$' && content[j + 1] === '{') {
        const k = skipExpr(content, j);
        const expr = content.slice(j + 2, k - 1).replace(/\bt\(\s*'[^']*'/g, '');
        for (const l of expr.matchAll(/'([^']*)'|"([^"]*)"/g)) literals.push(l[1] ?? l[2] ?? '');
        j = k;
      } else text += content[j++];
    }
    for (const piece of [text.replace(/<[^>]*>/g, ' '), ...literals]) {
      const g = GLYPH.exec(piece);
      if (g) found.push(`${g[0]} in «${content.trim().slice(0, 60)}»`);
    }
  }
  return found;
}

describe('no emoji or text glyph as an icon', () => {
  it('the scanner catches the glyphs it is meant to catch', () => {
    expect(glyphsInControls('html`<button @click=${() => x()}>✕</button>`')).toHaveLength(1);
    expect(glyphsInControls("html`<button aria-label=${t('a')}>${open ? '−' : '+'}</button>`")).toHaveLength(2);
    expect(glyphsInControls("html`<button>🔖 ${t('notes.bookmark')}</button>`")).toHaveLength(1);
    expect(glyphsInControls('html`<a href="x">${t(\'reader.source\')} ↗</a>`')).toHaveLength(1);
    expect(glyphsInControls('html`<div role="menuitem" tabindex="-1">✎</div>`')).toHaveLength(1);
    expect(
      glyphsInControls("html`<button @click=${() => go(a > b)}>${icon('close')} ${t('x.close')}</button>`"),
    ).toEqual([]);
  });

  it('no control in renderer/ui shows a glyph', () => {
    const offenders = files(root)
      .filter((f) => !f.includes(`${join('ui', 'strings')}`))
      .flatMap((f) => glyphsInControls(readFileSync(f, 'utf8')).map((g) => `${relative(root, f)}: ${g}`));
    expect(offenders).toEqual([]);
  });

  it('no string in the tables is only a glyph', () => {
    const offenders: string[] = [];
    for (const f of files(join(root, 'strings'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/'([\w.-]+)':\s*'([^']*)'/g)) {
        const value = m[2]!;
        if (GLYPH.test(value) && !/[\p{L}\p{N}]/u.test(value))
          offenders.push(`${relative(root, f)}: ${m[1]} = ${value}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
