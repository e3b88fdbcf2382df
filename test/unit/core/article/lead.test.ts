import { describe, expect, it } from 'vitest';
import { leadOf, LEAD_CHARS } from '../../../../renderer/core/article/lead';

const para = (text: string, from = 0) => ({ start: from, end: text.length });

describe('leadOf', () => {
  it('takes the first body paragraph, skipping the title and empty paragraphs', () => {
    const text = 'العنوان\n\n \n\nأعلن التحالف   اليوم\nعن هدنة.';
    const paragraphs = [
      { start: 0, end: 7 },
      { start: 9, end: 10 },
      { start: 12, end: text.length },
    ];
    expect(leadOf(text, paragraphs, { start: 0, end: 7 })).toBe('أعلن التحالف اليوم عن هدنة.');
  });

  it('cuts a long paragraph at a word boundary with an ellipsis, and removes bidi controls', () => {
    const text = `\u202e${'كلمة '.repeat(200)}`;
    const lead = leadOf(text, [para(text)]);
    expect(lead.length).toBeLessThanOrEqual(LEAD_CHARS + 1);
    expect(lead.endsWith('كلمة…')).toBe(true);
    expect(lead).not.toMatch(/\u202e/);
  });

  it('is empty for an article without body text', () => {
    expect(leadOf('', [])).toBe('');
  });
});
