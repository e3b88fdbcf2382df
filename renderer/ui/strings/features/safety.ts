/**
 * Interface strings of one feature (safety), Arabic and English side by side. ar.ts and en.ts spread these
 * tables into the app's one string table, so a missing English key still fails type-checking.
 */
export const ar = {
  // Import limits and archive rows (issue 13)
  'import.reason.too-large': 'الملف أكبر من الحد: يستورد ورّاق المقالات (ملفاً أو سجلاً في أرشيف) حتى ٦٤ ميغابايت. قسّمه إلى ملفات أصغر.',
  'import.reason.too-deep': 'صفحة الويب متداخلة العناصر بعمق يتجاوز ١٠٠٠ مستوى، فرُفضت بدل أن تُقرأ ببطء.',
  'import.reason.csv-quote': 'الصف {line}: علامة اقتباس غير مغلقة أو في غير موضعها؛ تُرك هذا الصف واستُورد باقي الملف.',
  'import.reason.csv-cells': 'الصف {line}: عدد خلاياه يختلف عن عدد أعمدة العنوان؛ تُرك هذا الصف واستُورد باقي الملف.',
} as const;

export const en: Record<keyof typeof ar, string> = {
  'import.reason.too-large': 'Too large: Warraq imports articles (a file, or a record of an archive) of up to 64 MB. Split it into smaller files.',
  'import.reason.too-deep': 'The web page nests its elements more than 1,000 levels deep; it was refused rather than read slowly.',
  'import.reason.csv-quote': 'Row {line}: a quote is never closed or is misplaced; this row was skipped, the rest of the file was imported.',
  'import.reason.csv-cells': 'Row {line} has a different number of cells from the header; this row was skipped, the rest of the file was imported.',
};
