import { describe, expect, it } from 'vitest';
import { detectKind, extensionOf, ignoredReason, SNIFF_BYTES } from '../../../../renderer/core/article/detect';
import { fixture } from './fixtures';

const head = (p: string) => fixture(p).subarray(0, SNIFF_BYTES);

describe('detectKind by name', () => {
  it.each([
    ['أرشيف/خبر عاجل.txt', 'text'],
    ['page.HTM', 'html'],
    ['page.mhtml', 'mhtml'],
    ['page.mht', 'mhtml'],
    ['dump.jsonl', 'jsonl'],
    ['dump.JSONL.GZ', 'jsonl.gz'],
    ['archive.csv', 'csv'],
  ])('%s → %s', (name, kind) => {
    expect(detectKind(name)).toEqual({ kind });
  });

  it.each([
    ['scan.pdf', 'Unsupported file type: PDF documents are not imported.'],
    ['report.docx', 'Unsupported file type: Word documents are not imported.'],
    ['photo.JPG', 'Unsupported file type: images are not imported.'],
    ['notes.xyz', 'Unsupported file type ".xyz".'],
    ['README', 'Unsupported file type.'],
  ])('%s is unsupported: %s', (name, reason) => {
    expect(detectKind(name)).toEqual({ kind: 'unsupported', reason });
  });
});

describe('detectKind with the first bytes', () => {
  it('an HTML page saved as .txt is read as HTML, with a note', () => {
    const d = detectKind('bad/page-saved-as.txt', head('bad/page-saved-as.txt'));
    expect(d.kind).toBe('html');
    expect('note' in d && d.note).toMatch(/\.txt/);
  });
  it('a binary file named .txt and a Word file are refused with the reason', () => {
    expect(detectKind('binary-named.txt', head('bad/binary-named.txt'))).toEqual({
      kind: 'unsupported',
      reason: 'Unsupported file type: this is an image.',
    });
    expect(detectKind('report.docx', head('bad/report.docx')).kind).toBe('unsupported');
  });
  it('gzip content decides between .jsonl and .jsonl.gz', () => {
    expect(detectKind('dump.jsonl', head('records/archive.jsonl.gz'))).toEqual({ kind: 'jsonl.gz' });
    expect(detectKind('dump.jsonl.gz', head('records/archive.jsonl')).kind).toBe('jsonl');
    expect(detectKind('dump.csv', head('records/archive.jsonl.gz')).kind).toBe('unsupported');
  });
  it('an .mhtml saved as .html is read as MHTML; a page without extension is read by content', () => {
    expect(detectKind('page.html', head('mhtml/page-chrome-qp.mhtml')).kind).toBe('mhtml');
    expect(detectKind('saved-page', head('html/page-cluttered.html')).kind).toBe('html');
  });
  it('plain Arabic text in legacy code pages and UTF-16 stays text', () => {
    expect(detectKind('a.txt', head('encodings/watan-cp1256-crlf.txt'))).toEqual({ kind: 'text' });
    expect(detectKind('a.txt', head('encodings/labelled-utf16le-bom.txt'))).toEqual({ kind: 'text' });
    expect(detectKind('a.txt', head('bad/empty.txt'))).toEqual({ kind: 'text' });
  });
});

describe('ignored paths', () => {
  it.each([
    ['folder/صفحة محفوظة_files/style.css', "part of a saved web page's companion folder"],
    ['folder/.مخفي.txt', 'hidden file'],
    ['.git/config', 'hidden file'],
    ['صور/Thumbs.db', 'system file'],
    ['__MACOSX/x/._a.txt', 'macOS archive metadata'],
  ])('%s: %s', (path, reason) => {
    expect(ignoredReason(path)).toBe(reason);
    expect(detectKind(path)).toEqual({ kind: 'ignore', reason });
  });
  it('Arabic names with spaces are not ignored', () => {
    expect(ignoredReason('folder/تقارير 2019/أيار/جسر الموصل.txt')).toBeUndefined();
    expect(extensionOf('folder/تقارير 2019/أيار/جسر الموصل.txt')).toBe('txt');
  });
});

describe('parseFileBytes', () => {
  it('dispatches by detected kind, so an HTML page named .txt is parsed as a page', async () => {
    const { parseFileBytes } = await import('../../../../renderer/core/article/file');
    const d = detectKind('bad/page-saved-as.txt', head('bad/page-saved-as.txt'));
    if (d.kind !== 'html') throw new Error('expected html');
    const { article } = parseFileBytes(d.kind, fixture('bad/page-saved-as.txt'), 'page-saved-as.txt');
    expect(article.title).toBe('افتتاح مكتبة عامة جديدة في حلب القديمة');
    expect(article.source.kind).toBe('html');
    expect(parseFileBytes('text', fixture('text/watan.txt'), 'watan.txt').article.outlet).toBe('صحيفة الوطن');
    expect(parseFileBytes('mhtml', fixture('mhtml/page-chrome-qp.mhtml'), 'p.mhtml').article.source.kind).toBe('mhtml');
  });
});
