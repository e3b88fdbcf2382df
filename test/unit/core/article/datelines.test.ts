/**
 * A table of datelines as Arab outlets print them, each with the only acceptable reading: the right
 * date (in both calendars where printed) or none. Hijri conversions are Umm al-Qura's, checked
 * against its published tables (25 Sha'ban 1440 = 30 April 2019, 1 Ramadan 1444 = 23 March 2023 …).
 */
import { describe, expect, it } from 'vitest';
import { readDates, type DateReading } from '../../../../renderer/core/article/dates';
import { gregorianToHijri, hijriToGregorian } from '../../../../renderer/core/article/hijri';

const CASES: [string, DateReading | undefined][] = [
  // Gregorian, Levantine month names
  ['دمشق - الأحد 23 آذار 2019', { published: '2019-03-23' }],
  ['بيروت، 9 آذار 2022', { published: '2022-03-09' }],
  ['الخميس 1 تشرين الثاني 2018', { published: '2018-11-01' }],
  ['بغداد في 14 تموز 2020', { published: '2020-07-14' }],
  ['٢٣ كانون الأول ٢٠١٩', { published: '2019-12-23' }],
  // Gregorian, Egyptian / Gulf / Maghrebi month names
  ['القاهرة - 9 مارس 2022', { published: '2022-03-09' }],
  ['الرياض 15 أبريل 2021', { published: '2021-04-15' }],
  ['الرباط في 3 يوليوز 2019', { published: '2019-07-03' }],
  ['الجزائر 5 جويلية 2018', { published: '2018-07-05' }],
  ['٣٠ أغسطس ٢٠١٧', { published: '2017-08-30' }],
  ['آب/أغسطس 12، 2016', { published: '2016-08-12' }],
  // Numeric Gregorian, both digit systems
  ['2019-04-30', { published: '2019-04-30' }],
  ['٣٠/٠٤/٢٠١٩', { published: '2019-04-30' }],
  // Hijri alone: converted with Umm al-Qura and said so
  ['25 شعبان 1440 هـ', { published: '2019-04-30', hijri: '1440-08-25', note: 'from-hijri' }],
  ['٢٥ شعبان ١٤٤٠هـ', { published: '2019-04-30', hijri: '1440-08-25', note: 'from-hijri' }],
  ['الأربعاء 6 شعبان 1443 هـ', { published: '2022-03-09', hijri: '1443-08-06', note: 'from-hijri' }],
  ['غرة رمضان 1444 هـ', { published: '2023-03-23', hijri: '1444-09-01', note: 'from-hijri' }],
  ['10 ذو الحجة 1445 هـ', { published: '2024-06-16', hijri: '1445-12-10', note: 'from-hijri' }],
  ['15 جمادى الأولى 1442هـ', { published: '2020-12-30', hijri: '1442-05-15', note: 'from-hijri' }],
  ['1440/08/25 هـ', { published: '2019-04-30', hijri: '1440-08-25', note: 'from-hijri' }],
  ['١٤٤٠/٠٨/٢٥هـ', { published: '2019-04-30', hijri: '1440-08-25', note: 'from-hijri' }],
  ['جمادى الآخرة 1442 هـ', { hijri: '1442-06' }],
  // Both calendars, the الموافق form
  ['الجمعة 25 شعبان 1440 هـ الموافق 30 نيسان 2019', { published: '2019-04-30', hijri: '1440-08-25' }],
  ['٢٥ شعبان ١٤٤٠ هـ الموافق ٣٠ أبريل ٢٠١٩ م', { published: '2019-04-30', hijri: '1440-08-25' }],
  ['12 ربيع الأول 1441 هـ الموافق 9 تشرين الثاني 2019', { published: '2019-11-09', hijri: '1441-03-12' }],
  ['١٤٤٠/٠٨/٢٥هـ الموافق ٢٠١٩/٠٤/٣٠م', { published: '2019-04-30', hijri: '1440-08-25' }],
  ['الخميس 30 أبريل 2019 الموافق 25 شعبان 1440', { published: '2019-04-30', hijri: '1440-08-25' }],
  // A one-day gap (a sighted month): agreement, no note
  ['الجمعة 26 شعبان 1440 هـ الموافق 30 نيسان 2019', { published: '2019-04-30', hijri: '1440-08-26' }],
  ['29 شعبان 1440 هـ الموافق 3 مايو 2019', { published: '2019-05-03', hijri: '1440-08-29' }],
  // More than a day apart: both kept as printed, flagged, nothing corrected
  [
    '25 شعبان 1440 هـ الموافق 30 أيار 2019',
    { published: '2019-05-30', hijri: '1440-08-25', note: 'calendars-disagree' },
  ],
  ['1 رمضان 1444 هـ الموافق 1 آذار 2023', { published: '2023-03-01', hijri: '1444-09-01', note: 'calendars-disagree' }],
  // None rather than wrong
  ['رجب طيب أردوغان يزور أنقرة', undefined],
  ['31 شباط 2019', undefined],
  ['35 شعبان 1440 هـ', undefined],
  ['1440 قتيلاً في شهر واحد', undefined],
  ['تموز/أغسطس 2019 12', undefined],
  ['صفر من الأهداف', undefined],
];

describe('datelines in both calendars', () => {
  it('has at least 30 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(30));

  it.each(CASES)('%s', (line, expected) => {
    expect(readDates(line)).toEqual(expected);
  });

  it('never gives a Gregorian date the Hijri one contradicts by more than a day without saying so', () => {
    for (const [line] of CASES) {
      const r = readDates(line);
      if (!r?.published || !r.hijri || r.hijri.length < 10 || r.note) continue;
      const [y, m, d] = r.hijri.split('-').map(Number) as [number, number, number];
      const converted = hijriToGregorian({ year: y, month: m, day: d })!;
      expect(Math.abs(Date.parse(converted) - Date.parse(r.published))).toBeLessThanOrEqual(86_400_000);
    }
  });

  it('converts Gregorian to Umm al-Qura and back', () => {
    expect(gregorianToHijri('2019-04-30')).toEqual({ year: 1440, month: 8, day: 25 });
    expect(hijriToGregorian({ year: 1445, month: 9, day: 1 })).toBe('2024-03-11');
    expect(hijriToGregorian({ year: 1445, month: 9 })).toBeUndefined();
  });
});
