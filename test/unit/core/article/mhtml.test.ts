import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  decodeQuotedPrintable,
  headerParam,
  parseMhtmlBytes,
  parseMultipart,
} from '../../../../renderer/core/article/mhtml';
import { fixture } from './fixtures';

const dec = (b: Uint8Array) => new TextDecoder().decode(b);

describe('parseMhtmlBytes', () => {
  it("Chrome's single-file page: quoted-printable HTML part, base64 image part", () => {
    const bytes = fixture('mhtml/page-chrome-qp.mhtml');
    expect(parseMultipart(bytes).parts.map((p) => p.headers.get('content-type'))).toEqual(['text/html', 'image/png']);
    const { article: a, encoding } = parseMhtmlBytes(bytes, { fileName: 'page.mhtml' });
    expect(encoding).toBe('utf-8');
    expect(a.title).toBe('افتتاح مكتبة عامة جديدة في حلب القديمة');
    expect(a.outlet).toBe('شبكة الشهباء');
    expect(a.published).toBe('2021-04-11');
    expect(a.paragraphs).toHaveLength(5);
    expect(a.text.startsWith('افتتحت محافظة حلب')).toBe(true);
    expect(a.text).not.toContain('التعليقات');
    expect(a.source).toEqual({ kind: 'mhtml', name: 'page.mhtml' });
  });

  it('a base64 HTML part in windows-1256 named by the part, with Content-Location as the URL', () => {
    const { article: a, encoding } = parseMhtmlBytes(fixture('mhtml/page-base64-cp1256.mhtml'));
    expect(encoding).toBe('windows-1256');
    expect(a.title).toBe('بلدية عمّان تزرع عشرة آلاف شجرة في الأحياء الشرقية');
    expect(a.url).toBe('https://alrai.example/archive/2006/10/16/trees');
    expect(a.paragraphs).toHaveLength(3);
  });

  it('no boundary, or no HTML part, is a malformed error', () => {
    expect(() => parseMhtmlBytes(fixture('mhtml/no-boundary.mhtml'))).toThrow(
      expect.objectContaining({ code: 'malformed' }),
    );
    const onlyImage = new TextEncoder().encode(
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n',
    );
    expect(() => parseMhtmlBytes(onlyImage)).toThrow(
      expect.objectContaining({ code: 'malformed', reason: expect.stringContaining('text/html') }),
    );
  });
});

describe('transfer encodings', () => {
  it('quoted-printable: soft breaks and =XX bytes (UTF-8 Arabic)', () => {
    expect(dec(decodeQuotedPrintable('=D8=B3=D9=84=D8=A7=\r\n=D9=85 a=3Db'))).toBe('سلام a=b');
  });
  it('base64 with line breaks and without padding', () => {
    expect(dec(decodeBase64('2LPZhNin\r\n2YU='))).toBe('سلام');
    expect(dec(decodeBase64('2LPZhNin2YU'))).toBe('سلام');
  });
  it('headerParam handles quoted and bare values', () => {
    expect(headerParam('multipart/related; type="text/html"; boundary="----A--B----"', 'boundary')).toBe(
      '----A--B----',
    );
    expect(headerParam('text/html; charset=windows-1256', 'charset')).toBe('windows-1256');
    expect(headerParam('text/html', 'charset')).toBeUndefined();
  });
});
