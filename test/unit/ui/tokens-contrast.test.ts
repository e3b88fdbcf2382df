// Every theme's text colours meet WCAG AA (4.5:1) on every surface, read from the one tokens file.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const css = readFileSync(join(__dirname, '../../../renderer/styles/tokens.css'), 'utf8');

function block(selector: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of css.matchAll(/(:root[^{]*)\{([^}]*)\}/g)) {
    if (m[1]!.trim() !== selector) continue;
    for (const d of m[2]!.matchAll(/(--[\w-]+):\s*([^;]+);/g)) out[d[1]!] = d[2]!.trim();
  }
  return out;
}

function theme(name: string): Record<string, string> {
  const base = block(':root');
  return name === 'light' ? base : { ...base, ...block(`:root[data-theme='${name}']`) };
}

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(m[1]!.slice(i, i + 2), 16) / 255);
  const f = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('design tokens', () => {
  for (const name of ['light', 'sepia', 'dark']) {
    const t = theme(name);
    it(`${name}: text colours reach 4.5:1 on every surface`, () => {
      for (const fg of ['--fg', '--fg-muted', '--accent', '--danger', '--success'])
        for (const bg of ['--bg', '--bg-elev', '--bg-sunken', '--bg-selected'])
          expect(contrast(t[fg]!, t[bg]!), `${name} ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    });
    it(`${name}: filled controls and the focus ring are readable`, () => {
      for (const [fg, bg] of [
        ['--accent-fg', '--accent'],
        ['--danger-fg', '--danger'],
        ['--success-fg', '--success'],
      ])
        expect(contrast(t[fg!]!, t[bg!]!), `${name} ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      // A focus indicator and control borders are non-text: 3:1 (WCAG 1.4.11).
      for (const bg of ['--bg', '--bg-elev']) {
        expect(contrast(t['--focus']!, t[bg]!), `${name} focus on ${bg}`).toBeGreaterThanOrEqual(3);
        expect(contrast(t['--border-strong']!, t[bg]!), `${name} border on ${bg}`).toBeGreaterThanOrEqual(3);
      }
    });
  }
  it('the contrast formula is right (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
