/**
 * Interface strings of one feature (safety), Arabic and English side by side. ar.ts and en.ts spread these
 * tables into the app's one string table, so a missing English key still fails type-checking.
 */
export const ar = {
  // Import limits and archive rows (issue 13)
  'import.reason.too-large':
    'الملف أكبر من الحد: يستورد ورّاق المقالات (ملفاً أو سجلاً في أرشيف) حتى ٦٤ ميغابايت. قسّمه إلى ملفات أصغر.',
  'import.reason.too-deep': 'صفحة الويب متداخلة العناصر بعمق يتجاوز ١٠٠٠ مستوى، فرُفضت بدل أن تُقرأ ببطء.',
  'import.reason.csv-quote': 'الصف {line}: علامة اقتباس غير مغلقة أو في غير موضعها؛ تُرك هذا الصف واستُورد باقي الملف.',
  'import.reason.csv-cells': 'الصف {line}: عدد خلاياه يختلف عن عدد أعمدة العنوان؛ تُرك هذا الصف واستُورد باقي الملف.',
  // Restore: each problem keeps its own words (issue 13)
  'restore.error.layout': 'النسخة الاحتياطية تالفة: السجل {record} ليس بهيئة سجل نسخة احتياطية. لم يتغيّر شيء.',
  'restore.error.invalid': 'النسخة الاحتياطية تالفة: السجل {record} ليس صفاً صالحاً في جدول {table}. لم يتغيّر شيء.',
  'restore.error.unknownTable':
    'السجل {record} ينتمي إلى جدول لا يعرفه ورّاق ({table}): الملف تالف أو من برنامج آخر. لم يتغيّر شيء.',
  'restore.error.tooLong':
    'النسخة الاحتياطية تالفة: السجل {record} أطول من أي سجل ممكن (أكثر من ٦٤ ميغابايت). لم يتغيّر شيء.',
  'restore.error.notJson': 'النسخة الاحتياطية تالفة: السجل {record} ليس JSON سليماً. لم يتغيّر شيء.',
  'restore.error.gzipBomb':
    'الملف المضغوط يتمدد أكثر من مئة ضعف، وهذا لا يحدث لأي نسخة احتياطية؛ رُفض احتياطاً من قنبلة فك ضغط. لم يتغيّر شيء.',
  'restore.error.duplicate':
    'النسخة الاحتياطية غير متسقة: السجل {record} يكرر المعرّف {id} في جدول {table}. لم يتغيّر شيء.',
  'restore.error.missingText': 'النسخة الاحتياطية غير متسقة: المقال {id} بلا نص فيها، فلن يمكن فتحه. لم يتغيّر شيء.',
  'restore.error.orphanText': 'النسخة الاحتياطية غير متسقة: النص في السجل {record} لا ينتمي إلى أي مقال. لم يتغيّر شيء.',
  'restore.error.dangling':
    'النسخة الاحتياطية غير متسقة: تعليق أو إشارة مرجعية أو نسخة منشورة أو تصحيح (السجل {record}) يشير إلى المقال {id} وهو ليس في النسخة ولا في المكتبة. لم يتغيّر شيء.',
  'restore.error.passphrase': 'عبارة المرور غير صحيحة، أو الملف ليس مشفّراً بها. لم يتغيّر شيء.',
  'restore.error.encrypted': 'هذه النسخة الاحتياطية مشفّرة: أدخل عبارة المرور لاسترجاعها. لم يتغيّر شيء.',
  'restore.recovering': 'يجري التراجع عن استرجاع انقطع قبل أن يكتمل…',
  'restore.recovered': 'انقطع استرجاع سابق قبل أن يكتمل، فأُلغي عند البدء: المكتبة كما كانت قبله ({rows} صفاً أُزيلت).',
  // Encrypted backups (issue 13)
  'backup.encrypt': 'تشفير النسخة الاحتياطية بعبارة مرور',
  'backup.lostPassphrase':
    'لا يمكن استرجاع عبارة المرور إذا ضاعت: لن يستطيع أحد، ولا ورّاق نفسه، فتح هذه النسخة من دونها. احفظها في مكان آمن.',
  'backup.passphrase': 'عبارة المرور',
  'backup.passphraseAgain': 'أعد كتابة عبارة المرور',
  'backup.mismatch': 'العبارتان غير متطابقتين.',
  'backup.showStrength': 'إظهار قوة عبارة المرور',
  'backup.strength.weak': 'القوة: ضعيفة (نحو {bits} بت). أطِلها بكلمات أكثر.',
  'backup.strength.fair': 'القوة: مقبولة (نحو {bits} بت).',
  'backup.strength.strong': 'القوة: قوية (نحو {bits} بت).',
  'backup.strength.very-strong': 'القوة: قوية جداً (نحو {bits} بت).',
  'restore.passphrase': 'عبارة مرور النسخة',
  'restore.unlock.title': 'فتح نسخة احتياطية مشفّرة',
  'restore.unlock.explain': 'الملف «{name}» مشفّر. أدخل عبارة المرور التي شُفّر بها؛ يُتحقق منه كاملاً قبل أن يتغيّر أي شيء.',
  'restore.unlock.run': 'فتح واسترجاع',
  'restore.unlock.cancel': 'عدم الاسترجاع',
} as const;

export const en: Record<keyof typeof ar, string> = {
  'import.reason.too-large':
    'Too large: Warraq imports articles (a file, or a record of an archive) of up to 64 MB. Split it into smaller files.',
  'import.reason.too-deep':
    'The web page nests its elements more than 1,000 levels deep; it was refused rather than read slowly.',
  'import.reason.csv-quote':
    'Row {line}: a quote is never closed or is misplaced; this row was skipped, the rest of the file was imported.',
  'import.reason.csv-cells':
    'Row {line} has a different number of cells from the header; this row was skipped, the rest of the file was imported.',
  'restore.error.layout': 'The backup is damaged: record {record} is not laid out as a backup record. Nothing changed.',
  'restore.error.invalid': 'The backup is damaged: record {record} is not a valid row of {table}. Nothing changed.',
  'restore.error.unknownTable':
    'Record {record} belongs to a table this Warraq does not know ({table}): the file is damaged or from another program. Nothing changed.',
  'restore.error.tooLong':
    'The backup is damaged: record {record} is longer than any record can be (over 64 MB). Nothing changed.',
  'restore.error.notJson': 'The backup is damaged: record {record} is not valid JSON. Nothing changed.',
  'restore.error.gzipBomb':
    'The compressed file expands more than a hundred times, which no backup does; it was refused as a possible decompression bomb. Nothing changed.',
  'restore.error.duplicate':
    'The backup is inconsistent: record {record} repeats the id {id} in {table}. Nothing changed.',
  'restore.error.missingText':
    'The backup is inconsistent: article {id} has no text in it, so it could not be opened. Nothing changed.',
  'restore.error.orphanText':
    'The backup is inconsistent: the text in record {record} belongs to no article. Nothing changed.',
  'restore.error.dangling':
    'The backup is inconsistent: an annotation, bookmark, edition or correction (record {record}) points at article {id}, which is neither in the backup nor in the library. Nothing changed.',
  'restore.error.passphrase': 'The passphrase is wrong, or the file was not encrypted with it. Nothing changed.',
  'restore.error.encrypted': 'This backup is encrypted: enter its passphrase to restore it. Nothing changed.',
  'restore.recovering': 'Undoing a restore that was interrupted before it finished…',
  'restore.recovered':
    'A restore was interrupted before it finished and was undone at start: the library is as it was before it ({rows} rows removed).',
  'backup.encrypt': 'Encrypt the backup with a passphrase',
  'backup.lostPassphrase':
    'A lost passphrase cannot be recovered: nobody, not even Warraq, can open this backup without it. Keep it somewhere safe.',
  'backup.passphrase': 'Passphrase',
  'backup.passphraseAgain': 'Passphrase again',
  'backup.mismatch': 'The two passphrases differ.',
  'backup.showStrength': 'Show passphrase strength',
  'backup.strength.weak': 'Strength: weak (about {bits} bits). Make it longer, with more words.',
  'backup.strength.fair': 'Strength: fair (about {bits} bits).',
  'backup.strength.strong': 'Strength: strong (about {bits} bits).',
  'backup.strength.very-strong': 'Strength: very strong (about {bits} bits).',
  'restore.passphrase': 'Backup passphrase',
  'restore.unlock.title': 'Open an encrypted backup',
  'restore.unlock.explain':
    '“{name}” is encrypted. Enter the passphrase it was encrypted with; it is verified whole before anything changes.',
  'restore.unlock.run': 'Open and restore',
  'restore.unlock.cancel': 'Do not restore',
};
