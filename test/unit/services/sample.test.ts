import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSampleArticle } from '../../../renderer/services/sample';

describe('the bundled sample article', () => {
  it('parses with its outlet, title, byline and paragraphs recognised', async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../../assets/sample/ishtar-coalition-2019.txt')));
    const { meta, text } = await parseSampleArticle(bytes, 'ishtar-coalition-2019.txt');
    expect(meta.outlet).toBe('عشتار تيفي كوم');
    expect(meta.agency).toBe('الجزيرة');
    expect(meta.author).toBeUndefined();
    expect(meta.title).toBe('التحالف الدولي يقر بمقتل 1300 مدني "بالخطأ" في سوريا والعراق');
    expect(meta.byline).toBe('عشتار تيفي كوم - الجزيرة');
    expect(meta.id).toMatch(/^[0-9a-f]{64}$/);
    expect(text.paragraphs).toHaveLength(13);
    const first = text.paragraphs[0]!;
    expect(text.text.slice(first.start, first.end)).toMatch(/^أقر التحالف الدولي بقيادة واشنطن/);
    expect(text.text).toBe(new TextDecoder().decode(bytes));
  });
});
