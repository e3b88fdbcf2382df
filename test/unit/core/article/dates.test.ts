import { describe, expect, it } from 'vitest';
import { parseDate, isoDate, mentionsCalendar, nonDateWords } from '../../../../renderer/core/article/dates';

describe('parseDate', () => {
  const table: Array<[string, string | undefined]> = [
    // Levantine month names
    ['دمشق - الأحد 5 أيار 2019', '2019-05-05'],
    ['21 تشرين الثاني 2019', '2019-11-21'],
    ['الخميس 3 تشرين الأول 2013', '2013-10-03'],
    ['1 كانون الثاني 2020', '2020-01-01'],
    ['31 كانون الأول 2020', '2020-12-31'],
    ['16 تشرين اول 2006', '2006-10-16'],
    ['23 اذار 2019', '2019-03-23'],
    // Gregorian transliterations and their spelling variants
    ['14 إبريل 2017', '2017-04-14'],
    ['14 أبريل 2017', '2017-04-14'],
    ['3 يوليوز 2018', '2018-07-03'],
    ['9 ماي 2016', '2016-05-09'],
    ['9 مايو 2016', '2016-05-09'],
    ['12 أغسطس 2015', '2015-08-12'],
    ['1 جويلية 2014', '2014-07-01'],
    ['2 ديسمبر 2016', '2016-12-02'],
    // combined forms, commas, "عام"
    ['23 آذار/مارس 2019', '2019-03-23'],
    ['4 آب/أغسطس 2020', '2020-08-04'],
    ['15 تموز (يوليو) 2019', '2019-07-15'],
    ['الثلاثاء، 12 شباط / فبراير، 2019', '2019-02-12'],
    ['في 7 من شهر حزيران عام 2011', '2011-06-07'],
    // Arabic-Indic and Persian digits
    ['بيروت، الثلاثاء ١٢ شباط ٢٠١٩', '2019-02-12'],
    ['۵ مهر ۱۳۹۸ — ۲۷ سبتمبر ۲۰۱۹', '2019-09-27'],
    // month first, Latin
    ['مارس 23، 2019', '2019-03-23'],
    ['March 23, 2019', '2019-03-23'],
    ['23 Sept. 2019', '2019-09-23'],
    // numeric
    ['2020/07/15', '2020-07-15'],
    ['2015-07-21 02:51:32', '2015-07-21'],
    ['2019-03-23T10:00:00+03:00', '2019-03-23'],
    ['23/3/2019', '2019-03-23'],
    ['٢٣-٠٣-٢٠١٩', '2019-03-23'],
    ['3/23/2019', '2019-03-23'],
    // unsure → undefined
    ['', undefined],
    ['منذ ساعتين', undefined],
    ['آذار 2019', undefined],
    ['30 شباط 2019', undefined],
    ['29 شباط 2019', undefined],
    ['29 شباط 2020', '2020-02-29'],
    ['12 رجب 1440', undefined],
    ['4 تموز/أغسطس 2020', undefined],
    ['13/13/2019', undefined],
    ['قال الأب 5 كلمات عام 2019', undefined],
  ];
  it.each(table)('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});

describe('isoDate', () => {
  it('rejects days outside the month and years outside 1900–2100', () => {
    expect(isoDate(2019, 4, 31)).toBeUndefined();
    expect(isoDate(1440, 5, 1)).toBeUndefined();
    expect(isoDate(2000, 2, 29)).toBe('2000-02-29');
    expect(isoDate(1900, 2, 29)).toBeUndefined();
  });
});

describe('mentionsCalendar', () => {
  it('finds weekday and month words but not "أحد" meaning "one"', () => {
    expect(mentionsCalendar('يوم الجمعة الماضي')).toBe(true);
    expect(mentionsCalendar('في شهر أيلول')).toBe(true);
    expect(mentionsCalendar('قال أحد المسؤولين')).toBe(false);
  });
});

describe('nonDateWords', () => {
  it.each([
    ['دمشق - الأحد 5 أيار/مايو 2019', 1],
    ['الموصل - الخميس 21 تشرين الثاني 2019', 1],
    ['نشر في: 23/03/2019 - 10:30 ص', 0],
    ['آخر تحديث: 24 آذار 2019 - 14:05 بتوقيت دمشق', 1],
    ['قمة بغداد في 23 آذار 2019 تبحث أمن الحدود', 5],
  ] as const)('%s → %i', (s, n) => {
    expect(nonDateWords(s)).toBe(n);
  });
});
