import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../../renderer/ui/notebook/parse-day';

describe('parseDay', () => {
  it.each([
    ['25/3/2024', '2024-03-25'],
    ['٢٥/٣/٢٠٢٤', '2024-03-25'],
    ['۲۵/۰۳/۲۰۲۴', '2024-03-25'],
    ['25-03-2024', '2024-03-25'],
    ['25.3.2024', '2024-03-25'],
    ['2024-03-25', '2024-03-25'],
    ['  ', ''],
  ])('%s → %s', (typed, iso) => {
    expect(parseDay(typed)).toBe(iso);
  });

  it.each(['31/2/2024', '3/25/2024', 'أمس', '2024', '12/2024'])('%s is not a date', (typed) => {
    expect(parseDay(typed)).toBeUndefined();
  });

  it('formats back in the interface digits', () => {
    expect(formatDay('2024-03-05', true)).toBe('٠٥/٠٣/٢٠٢٤');
    expect(formatDay('2024-03-05', false)).toBe('05/03/2024');
    expect(parseDay(formatDay('2024-03-05', true))).toBe('2024-03-05');
  });
});
