import { describe, expect, it } from 'vitest';
import { join, sep } from 'node:path';
import { EXTERNAL_URL_MAX, READ_CHUNK_MAX, SAVE_MAX_BYTES } from '../../../electron/ipc/contract';
import {
  InvalidArgument,
  dialogExtensions,
  isAppCommand,
  isAppUrl,
  resolveInsideRoot,
  validateExternalUrl,
  validateMenuLanguage,
  validatePickFilesOptions,
  validateReadRange,
  validateSaveArgs,
  validateToken,
} from '../../../electron/ipc/validate';

describe('validateExternalUrl', () => {
  it('accepts http and https links, Arabic paths included', () => {
    expect(validateExternalUrl('https://www.example.org/أخبار/مقال?id=7')).toBe(
      'https://www.example.org/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D9%85%D9%82%D8%A7%D9%84?id=7',
    );
    expect(validateExternalUrl('http://example.com')).toBe('http://example.com/');
  });
  it.each([
    ['file:///etc/passwd', /only http and https/],
    ['javascript:alert(1)', /only http and https/],
    ['app://warraq/index.html', /only http and https/],
    ['smb://server/share', /only http and https/],
    ['https://user:secret@example.org/', /user name or password/],
    ['https://user@example.org/', /user name or password/],
    ['/relative/path', /not a valid absolute URL/],
    ['', /1–2048/],
    [`https://example.org/${'ب'.repeat(EXTERNAL_URL_MAX)}`, /1–2048/],
  ])('refuses %s', (url, message) => {
    expect(() => validateExternalUrl(url)).toThrow(message);
  });
  it('refuses non-strings with an InvalidArgument', () => {
    expect(() => validateExternalUrl({ href: 'https://example.org' })).toThrow(InvalidArgument);
  });
});

describe('validatePickFilesOptions', () => {
  it('keeps multiple and well-formed accept items', () => {
    expect(validatePickFilesOptions({ multiple: true, accept: ['.txt', '.jsonl.gz', 'text/html'] })).toEqual({
      multiple: true,
      accept: ['.txt', '.jsonl.gz', 'text/html'],
    });
    expect(validatePickFilesOptions({ multiple: false })).toEqual({ multiple: false });
  });
  it.each([
    [null],
    [[]],
    [{ multiple: 'yes' }],
    [{ multiple: true, accept: '.txt' }],
    [{ multiple: true, accept: ['../../etc'] }],
    [{ multiple: true, accept: ['.t xt'] }],
    [{ multiple: true, accept: Array(51).fill('.txt') }],
  ])('refuses %j', (options) => {
    expect(() => validatePickFilesOptions(options)).toThrow(InvalidArgument);
  });
  it('turns extensions into dialog filters and drops MIME types', () => {
    expect(dialogExtensions(['.TXT', 'text/html', '.mhtml'])).toEqual(['txt', 'mhtml']);
    expect(dialogExtensions(undefined)).toEqual([]);
  });
});

describe('readFile arguments', () => {
  it('accepts a url-safe token and an in-bounds range', () => {
    expect(validateToken('AbC_-0123456789xyzAB')).toBe('AbC_-0123456789xyzAB');
    expect(validateReadRange(0, READ_CHUNK_MAX)).toEqual({ offset: 0, length: READ_CHUNK_MAX });
  });
  it.each([['short'], ['../../../../etc/passwd'], ['/home/user/خبر.txt'], [42]])('refuses token %j', (token) => {
    expect(() => validateToken(token)).toThrow(/not a file token/);
  });
  it.each([
    [-1, 10],
    [0.5, 10],
    [0, 0],
    [0, READ_CHUNK_MAX + 1],
    ['0', 10],
    [0, Number.NaN],
  ])('refuses range %j,%j', (offset, length) => {
    expect(() => validateReadRange(offset, length)).toThrow(InvalidArgument);
  });
});

describe('validateSaveArgs', () => {
  const bytes = new TextEncoder().encode('# ملاحظاتي على مقال التحالف');
  it('accepts an Arabic file name with its bytes', () => {
    expect(
      validateSaveArgs({ suggestedName: 'ملاحظات المقال.md', mime: 'text/markdown;charset=utf-8', bytes })
        .suggestedName,
    ).toBe('ملاحظات المقال.md');
  });
  it.each([
    ['../ملاحظات.md'],
    ['مجلد/ملاحظات.md'],
    ['C:\\ملف.md'],
    ['a\u0000b.md'],
    [''],
    ['   '],
    ['..'],
    ['x'.repeat(201)],
  ])('refuses the name %j', (suggestedName) => {
    expect(() => validateSaveArgs({ suggestedName, mime: 'text/plain', bytes })).toThrow(/suggestedName/);
  });
  it('refuses non-bytes, bad MIME types and oversized data', () => {
    expect(() => validateSaveArgs({ suggestedName: 'a.md', mime: 'text/plain', bytes: 'نص' })).toThrow(/Uint8Array/);
    expect(() => validateSaveArgs({ suggestedName: 'a.md', mime: 'نص', bytes })).toThrow(/MIME/);
    const huge = { byteLength: SAVE_MAX_BYTES + 1 };
    Object.setPrototypeOf(huge, Uint8Array.prototype);
    expect(() => validateSaveArgs({ suggestedName: 'a.md', mime: 'text/plain', bytes: huge })).toThrow(/at most/);
  });
});

describe('small guards', () => {
  it('accepts only ar and en menu languages', () => {
    expect(validateMenuLanguage('ar')).toBe('ar');
    expect(() => validateMenuLanguage('fr')).toThrow(/ar, en/);
  });
  it('knows the app commands', () => {
    expect(isAppCommand('import-folder')).toBe(true);
    expect(isAppCommand('rm -rf')).toBe(false);
  });
  it('recognises only our app:// origin', () => {
    expect(isAppUrl('app://warraq/index.html')).toBe(true);
    expect(isAppUrl('app://warraq/')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://warraq/index.html')).toBe(false);
    expect(isAppUrl('file:///work/dist/renderer/index.html')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('resolveInsideRoot (protocol path traversal)', () => {
  const root = join(sep, 'srv', 'warraq', 'renderer');
  it('maps app paths into the root, "/" to index.html', () => {
    expect(resolveInsideRoot(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveInsideRoot(root, '/fonts/noto-naskh-arabic-arabic-400-normal.woff2')).toBe(
      join(root, 'fonts', 'noto-naskh-arabic-arabic-400-normal.woff2'),
    );
    expect(resolveInsideRoot(root, '/sample/%D9%85%D9%82%D8%A7%D9%84.txt')).toBe(join(root, 'sample', 'مقال.txt'));
  });
  it.each([
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/fonts/..%2f..%2fsecret',
    '/..\\..\\secret',
    '/%5c..%5csecret',
    '/a%00.txt',
    '/%E0%A4%A',
    '//etc/passwd/..',
    '/fonts/../../renderer-other/x',
  ])('rejects %s', (path) => {
    const out = resolveInsideRoot(root, path);
    if (out !== null) expect(out.startsWith(root + sep)).toBe(true);
    else expect(out).toBeNull();
  });
  it('rejects the classic traversals outright', () => {
    expect(resolveInsideRoot(root, '/../../etc/passwd')).toBeNull();
    expect(resolveInsideRoot(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveInsideRoot(root, '/a%00.txt')).toBeNull();
    expect(resolveInsideRoot(root, '/..\\..\\secret')).toBeNull();
  });
});
