/**
 * Page furniture that survives extraction, removed by general rules on the text blocks rather than by
 * a list of sites: consent banners (what they say about cookies, and their buttons), share bars
 * (short runs of platform names), "related"/"read also"/"most read" blocks and the link lists under
 * them, and copyright lines. Rules look at a block's words and at how much of it is link text, so
 * they hold on pages whose class names mean nothing (x9f3, k7), which is where class-based cleaning
 * fails. A block is dropped only when it is short: a paragraph that mentions Facebook stays.
 */

/** A text block of a page: its text, whether it came from a heading, and the share of it inside links. */
export interface TextBlock {
  text: string;
  heading: boolean;
  /** Characters inside <a> divided by all characters, 0..1. */
  linkRatio?: number;
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[أإآ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[\u064b-\u065f\u0640]/g, '');
const wordsOf = (s: string) =>
  fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

// A consent banner speaks of cookies, tracking or consent.
const CONSENT =
  /ملفات تعريف الارتباط|ملفات الارتباط|الكوكيز|كوكيز|ملفات تعريف|سياسه الخصوصيه|\bcookies?\b|\bconsent\b|\bgdpr\b/i;
// Its buttons: accept, refuse, settings.
const CONSENT_BUTTONS = new Set([
  'موافق',
  'اوافق',
  'قبول',
  'اقبل',
  'رفض',
  'ارفض',
  'اداره',
  'الخيارات',
  'الاعدادات',
  'اعدادات',
  'تخصيص',
  'المزيد',
  'معرفه',
  'الكل',
  'حسنا',
  'accept',
  'all',
  'reject',
  'agree',
  'ok',
  'manage',
  'settings',
  'preferences',
  'options',
  'decline',
  'got',
  'it',
]);

// Share bars: platform names and the verbs around them.
const PLATFORMS = new Set([
  'فيسبوك',
  'فيس',
  'بوك',
  'تويتر',
  'واتساب',
  'واتس',
  'تلغرام',
  'تيليغرام',
  'تليجرام',
  'لينكدان',
  'انستغرام',
  'انستجرام',
  'ماسنجر',
  'يوتيوب',
  'facebook',
  'twitter',
  'x',
  'whatsapp',
  'telegram',
  'linkedin',
  'instagram',
  'messenger',
  'pinterest',
  'reddit',
  'email',
]);
const SHARE_WORDS = new Set([
  ...PLATFORMS,
  'شارك',
  'شاركها',
  'شاركوا',
  'مشاركه',
  'المقال',
  'الخبر',
  'عبر',
  'علي',
  'عن',
  'البريد',
  'الالكتروني',
  'طباعه',
  'اطبع',
  'نسخ',
  'انسخ',
  'الرابط',
  'رابط',
  'تم',
  'share',
  'on',
  'print',
  'copy',
  'link',
  'mail',
  'via',
  'tweet',
  'اب',
]);

// Labels over lists of other articles, and "read also" lines.
const RELATED_LABEL =
  /^(?:(?:اخبار|مواضيع|مقالات|تقارير|قصص|اخبار اخري)\s+)?(?:ذات صله|ذو صله|مرتبطه|متعلقه)$|^(?:اقرا|طالع|شاهد|تابع)\s+(?:ايضا|المزيد|كذلك)|^الاكثر\s+(?:قراءه|مشاهده|تداولا|تعليقا)|^(?:قد يعجبك|ننصحك بقراءه|لا تفوت|مقالات اخري|المزيد من)|^(?:related|read more|read also|see also|most read|more stories|you may also like)\b/;
const READ_ALSO = /^(?:اقرا|طالع|شاهد)\s+(?:ايضا|كذلك|المزيد)\s*[:：-]?/;
const COPYRIGHT = /^(?:جميع الحقوق محفوظه|حقوق النشر|©|copyright\b|all rights reserved)/;

// What a banner says besides the cookies: who uses them, and what continuing or clicking means.
const CONSENT_ASK =
  /نستخدم|يستخدم (?:هذا )?الموقع|توافق|بالموافقه|موافقتك|قبول|\bwe use\b|\bthis (?:site|website) uses\b|\baccept|\bagree/i;

function isConsent(b: TextBlock): boolean {
  const t = fold(b.text);
  return wordsOf(t).length <= 40 && CONSENT.test(t) && CONSENT_ASK.test(t);
}

function isConsentButtons(b: TextBlock): boolean {
  const w = wordsOf(b.text);
  return w.length > 0 && w.length <= 6 && w.every((x) => CONSENT_BUTTONS.has(x));
}

/** A short block made of platform names and sharing words, with at least one platform or "share". */
export function isShareBar(b: TextBlock): boolean {
  const w = wordsOf(b.text);
  if (!w.length || w.length > 14) return false;
  const shareLike = w.filter((x) => SHARE_WORDS.has(x)).length;
  const named = w.some((x) => PLATFORMS.has(x) || x === 'شارك' || x === 'share' || x === 'مشاركه');
  return named && shareLike / w.length >= 0.6;
}

function isRelatedLabel(b: TextBlock): boolean {
  const t = fold(b.text)
    .replace(/[:：.…\s]+$/, '')
    .trim();
  return wordsOf(t).length <= 5 && RELATED_LABEL.test(t);
}

/** A short block that is (nearly) all link: an entry of a list of other articles. */
function isLinkEntry(b: TextBlock): boolean {
  return (b.linkRatio ?? 0) >= 0.8 && wordsOf(b.text).length <= 25;
}

/**
 * The blocks without page furniture. Consent text and the buttons right after it, share bars, related
 * labels with the link entries under them, "read also: …" lines, copyright lines, and runs of two or
 * more link entries are dropped; everything else stays in order.
 */
export function dropClutter<B extends TextBlock>(blocks: readonly B[]): B[] {
  const out: B[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const t = fold(b.text);
    if (isConsent(b)) {
      while (blocks[i + 1] && isConsentButtons(blocks[i + 1]!)) i++;
      continue;
    }
    if (isShareBar(b) || (COPYRIGHT.test(t) && wordsOf(t).length <= 20)) continue;
    if (READ_ALSO.test(t) && wordsOf(t).length <= 30) continue;
    if (isRelatedLabel(b)) {
      while (blocks[i + 1] && isLinkEntry(blocks[i + 1]!)) i++;
      continue;
    }
    const inRun = (i > 0 && isLinkEntry(blocks[i - 1]!)) || (i + 1 < blocks.length && isLinkEntry(blocks[i + 1]!));
    if (isLinkEntry(b) && inRun) continue;
    out.push(b);
  }
  return out;
}
