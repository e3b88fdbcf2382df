import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../renderer/core/search/query';

describe('date filters typed in Hijri (Umm al-Qura)', () => {
  it.each([
    // Sha'ban 1440 ran from 6 April to 5 May 2019.
    ['date:1440-08', 20190406, 20190505],
    ['date:١٤٤٠-٠٨', 20190406, 20190505],
    ['date:1440-08-25', 20190430, 20190430],
    // Ramadan 1444 (23 March–20 April 2023) through the end of Shawwal 1444 (20 May 2023).
    ['date:1444-09..1444-10', 20230323, 20230520],
    // The whole of 1445 AH: 19 July 2023 to 6 July 2024.
    ['date:1445', 20230719, 20240706],
    ['after:1440-09-01 before:1440-10-01', 20190506, 20190603],
    // A Hijri start with a Gregorian end.
    ['date:1440-08-25..2019-05-31', 20190430, 20190531],
  ])('%s', (query, from, to) => {
    const q = parseQuery(query);
    expect([q.dateFrom, q.dateTo, q.warnings]).toEqual([from, to, []]);
  });

  it('warns about a Hijri month that does not exist', () => {
    expect(parseQuery('date:1440-13').warnings).toContain('bad-date:1440-13');
  });
});
