/**
 * Interface strings of one feature (fidelity), Arabic and English side by side. ar.ts and en.ts spread these
 * tables into the app's one string table, so a missing English key still fails type-checking.
 */
export const ar = {
  'dates.settings': 'عرض التواريخ',
  'dates.calendar': 'التقويم',
  'dates.calendar.gregorian': 'ميلادي',
  'dates.calendar.hijri': 'هجري',
  'dates.calendar.both': 'هجري وميلادي',
  'dates.months': 'أسماء الأشهر',
  'dates.months.levantine': 'شامية وعراقية (آذار)',
  'dates.months.egyptian': 'مصرية وخليجية (مارس)',
  'dates.months.maghrebi': 'مغاربية (مارس، ماي)',
  'dates.fromHijri': 'حُوِّل من التاريخ الهجري المطبوع (تقويم أم القرى)',
  'dates.disagree': 'التاريخان المطبوعان لا يتفقان: {hijri} مقابل {gregorian}',
  'reader.agency': 'المصدر الأصلي',
  'reader.via': 'نقلاً عن {agency}',
} as const;

export const en: Record<keyof typeof ar, string> = {
  'dates.settings': 'Date display',
  'dates.calendar': 'Calendar',
  'dates.calendar.gregorian': 'Gregorian',
  'dates.calendar.hijri': 'Hijri',
  'dates.calendar.both': 'Hijri and Gregorian',
  'dates.months': 'Month names',
  'dates.months.levantine': 'Levantine and Iraqi (آذار)',
  'dates.months.egyptian': 'Egyptian and Gulf (مارس)',
  'dates.months.maghrebi': 'Maghrebi (مارس, ماي)',
  'dates.fromHijri': 'Converted from the printed Hijri date (Umm al-Qura calendar)',
  'dates.disagree': 'The printed dates disagree: {hijri} against {gregorian}',
  'reader.agency': 'Original source',
  'reader.via': 'via {agency}',
};
