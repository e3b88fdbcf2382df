/**
 * Interface strings of one feature (scale), Arabic and English side by side. ar.ts and en.ts spread these
 * tables into the app's one string table, so a missing English key still fails type-checking.
 */
export const ar = {
  // The index loads part by part, newest first, and answers from what is loaded meanwhile.
  'search.status.loadingParts': 'جارٍ تحميل الفهرس: {done} من {total} أجزاء — البحث يشمل {count} مقالًا حتى الآن',
} as const;

export const en: Record<keyof typeof ar, string> = {
  'search.status.loadingParts':
    'Loading the index: {done} of {total} parts — searching the {count} articles loaded so far',
};
