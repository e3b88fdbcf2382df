/**
 * Interface strings of one feature (library: selection, bulk actions, interface defects), Arabic and English side by side. ar.ts and en.ts spread these
 * tables into the app's one string table, so a missing English key still fails type-checking.
 */
export const ar = {
  // keys: '<screen>.<name>': 'Arabic text'
} as const;

export const en: Record<keyof typeof ar, string> = {};
