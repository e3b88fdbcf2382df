import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectKind, SNIFF_BYTES } from '../../../../renderer/core/article/detect';
import { parseHtmlBytes } from '../../../../renderer/core/article/html';
import { contentId } from '../../../../renderer/core/article/identity';
import { parseTextBytes } from '../../../../renderer/core/article/text';
import { FIXTURES } from './fixtures';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

// What the import worker does per file, in miniature: detect → parse → id → dedupe.
describe('a nested folder with Arabic names, duplicates, an unsupported file and a companion folder', () => {
  it('yields three articles, one duplicate, one unsupported, two ignored', async () => {
    const root = join(FIXTURES, 'folder');
    const ids = new Map<string, string>();
    const report = {
      imported: [] as string[],
      duplicates: [] as string[],
      unsupported: [] as string[],
      ignored: [] as string[],
    };
    for (const path of walk(root).sort()) {
      const rel = relative(root, path);
      const bytes = new Uint8Array(readFileSync(path));
      const d = detectKind(rel, bytes.subarray(0, SNIFF_BYTES));
      if (d.kind === 'ignore') {
        report.ignored.push(rel);
        continue;
      }
      if (d.kind === 'unsupported') {
        report.unsupported.push(`${rel}: ${d.reason}`);
        continue;
      }
      const parse = d.kind === 'html' ? parseHtmlBytes : parseTextBytes;
      const id = await contentId(parse(bytes, { fileName: rel }).article);
      if (ids.has(id)) report.duplicates.push(rel);
      else {
        ids.set(id, rel);
        report.imported.push(rel);
      }
    }
    expect(report.imported.sort()).toEqual(
      ['تقارير 2019/أيار/جسر الموصل.txt', 'تقارير 2019/خبر الحافلات.txt', 'صفحة محفوظة.html'].sort(),
    );
    expect(report.duplicates).toEqual(['تقارير 2019/نسخة من خبر الحافلات.txt']);
    expect(report.unsupported).toEqual(['صور/شعار الموقع.png: Unsupported file type: this is an image.']);
    expect(report.ignored.sort()).toEqual(['.مخفي.txt', 'صفحة محفوظة_files/style.css'].sort());
  });
});
