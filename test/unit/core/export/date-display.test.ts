import { describe, expect, it } from 'vitest';
import { displayDate, formatGregorian, formatHijri } from '../../../../renderer/core/export';

const both = { published: '2019-04-30', publishedHijri: '1440-08-25' };

describe('dates as the reader chose to see them', () => {
  it('names March by region: Levantine آذار, Egyptian and Gulf مارس, Maghrebi مارس (and ماي for May)', () => {
    expect(formatGregorian({ year: 2022, month: 3, day: 9 }, 'ar', 'levantine')).toBe('٩ آذار ٢٠٢٢');
    expect(formatGregorian({ year: 2022, month: 3, day: 9 }, 'ar', 'egyptian')).toBe('٩ مارس ٢٠٢٢');
    expect(formatGregorian({ year: 2022, month: 3, day: 9 }, 'ar', 'maghrebi')).toBe('٩ مارس ٢٠٢٢');
    expect(formatGregorian({ year: 2022, month: 5 }, 'ar', 'maghrebi')).toBe('ماي ٢٠٢٢');
    expect(formatGregorian({ year: 2022, month: 3, day: 9 }, 'en', 'egyptian')).toBe('9 March 2022');
  });

  it('prints Hijri dates with هـ / AH', () => {
    expect(formatHijri({ year: 1440, month: 8, day: 25 }, 'ar')).toBe('٢٥ شعبان ١٤٤٠ هـ');
    expect(formatHijri({ year: 1440, month: 8, day: 25 }, 'en')).toBe('25 Shaʿban 1440 AH');
  });

  it('shows Gregorian, Hijri or both; the printed Hijri date first, else Umm al-Qura of the Gregorian one', () => {
    expect(displayDate(both, { calendar: 'gregorian', months: 'levantine' }, 'ar')).toBe('٣٠ نيسان ٢٠١٩');
    expect(displayDate(both, { calendar: 'hijri', months: 'levantine' }, 'ar')).toBe('٢٥ شعبان ١٤٤٠ هـ');
    expect(displayDate(both, { calendar: 'both', months: 'egyptian' }, 'ar')).toBe('٢٥ شعبان ١٤٤٠ هـ — ٣٠ أبريل ٢٠١٩');
    // A one-day gap printed by the outlet is shown as printed, not recomputed.
    expect(
      displayDate(
        { published: '2019-04-30', publishedHijri: '1440-08-26' },
        { calendar: 'hijri', months: 'levantine' },
        'ar',
      ),
    ).toBe('٢٦ شعبان ١٤٤٠ هـ');
    expect(displayDate({ published: '2022-03-09' }, { calendar: 'hijri', months: 'levantine' }, 'en')).toBe(
      '6 Shaʿban 1443 AH',
    );
    expect(displayDate({ publishedHijri: '1442-06' }, { calendar: 'gregorian', months: 'levantine' }, 'ar')).toBe(
      'جمادى الآخرة ١٤٤٢ هـ',
    );
    expect(displayDate({}, { calendar: 'both', months: 'levantine' }, 'ar')).toBe('');
  });
});
