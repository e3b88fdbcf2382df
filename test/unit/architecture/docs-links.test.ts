// The README and the docs must work in a fresh clone: every relative link (and image) points at a file of the
// repository — not outside it (the old ../shared/design/ARCHITECTURE.md) and not into what a clone lacks
// (ignored build output). The lint messages point at the architecture guide that lives here.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
const NOT_IN_A_CLONE = ['node_modules', 'dist', 'release', 'test-results', 'playwright-report', '.cache'];

function markdownFiles(): string[] {
  const docs = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? docs(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
    );
  return ['README.md', 'electron/README.md', ...docs('docs')].filter((f) => existsSync(join(root, f)));
}

/** Relative link targets of a Markdown text: [text](target) and ![alt](target), without #fragments. */
function relativeLinks(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const targets = [...withoutCode.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  return targets
    .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'))
    .map((t) => decodeURI(t.split('#')[0]!))
    .filter(Boolean);
}

describe('links in README.md and docs/', () => {
  const files = markdownFiles();
  it('covers the README and the architecture guide', () => {
    expect(files).toContain('README.md');
    expect(files).toContain(join('docs', 'ARCHITECTURE.md'));
  });
  it.each(files)('%s: every relative link resolves inside the repository', (file) => {
    const broken = relativeLinks(readFileSync(join(root, file), 'utf8')).filter((target) => {
      const path = resolve(root, dirname(file), target);
      const inside = relative(root, path);
      if (inside.startsWith('..') || inside === '') return true;
      if (NOT_IN_A_CLONE.includes(inside.split(sep)[0]!)) return true;
      return !existsSync(path);
    });
    expect(broken).toEqual([]);
  });
  it('finds broken links (the checker can fail)', () => {
    expect(
      relativeLinks('see [guide](../shared/design/ARCHITECTURE.md#x), ![a](docs/a.png), [w](https://x.org), `[c](no)`'),
    ).toEqual(['../shared/design/ARCHITECTURE.md', 'docs/a.png']);
  });
});

describe('the architecture guide lives in the repository', () => {
  it('eslint.config.js and the README point at docs/ARCHITECTURE.md, not outside the clone', () => {
    for (const file of ['eslint.config.js', 'README.md']) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).toContain('docs/ARCHITECTURE.md');
      expect(text, file).not.toContain('shared/design/ARCHITECTURE.md');
    }
  });
});
