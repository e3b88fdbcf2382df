/**
 * The opening of an extracted article: the headline repeated as a paragraph, the byline ("كتب: رامي
 * الحسن — 9 آذار 2022", the author's name alone), the dateline and agency lines. They are metadata
 * and leave the body; the body starts at the first block that is none of them.
 */
import type { TextBlock } from './clutter';
import { readDates, type DateReading } from './dates';
import { isByline, isDateline } from './text-header';

export interface Opening {
  /** Index of the first body block. */
  skip: number;
  /** The headline block, when the page had no title of its own to compare with. */
  title?: string;
  /** The author named by a byline block. */
  author?: string;
  dates?: DateReading;
}

const bare = (x: string) => x.replace(/[\s\u00a0"«»'.،:|\-–—]+/g, '');
const LEAD = /^(?:بقلم|كتب|كتبت|كتبه|بواسطة|إعداد|اعداد)\s*:?\s*/;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** "كتب: رامي الحسن — 9 آذار 2022" → the name and the date; undefined when the line has no lead word. */
export function bylineWithDate(s: string): { author?: string; dates?: DateReading } | undefined {
  if (!LEAD.test(s) || words(s) > 14) return undefined;
  const [name = '', ...rest] = s.replace(LEAD, '').split(/\s+[-–—|]\s+|\s*[—–|،,]\s*/);
  const author = name.trim() && words(name) <= 5 && !/\d/.test(name) ? name.trim() : undefined;
  const dates = rest.length ? readDates(rest.join(' ')) : undefined;
  return author || dates ? { author, dates } : undefined;
}

function looksLikeHeadline(s: string, next: string): boolean {
  return words(s) <= 15 && s.length <= 150 && !/[.،:;!؟?]$/.test(s) && words(next) > 15;
}

/**
 * Reads the opening blocks: a heading, a block repeating a known title (the page's own title or first
 * heading), or (with `guessHeadline`, for a page with neither) a short line above a long paragraph is the headline; a block naming
 * the known author, a byline, or a dateline are metadata. Stops at the first other block, and always
 * leaves at least one block for the body.
 */
export function openingOf(
  blocks: readonly TextBlock[],
  known: { titles: (string | undefined)[]; author?: string; guessHeadline?: boolean },
): Opening {
  const titles = new Set(known.titles.filter((t): t is string => !!t?.trim()).map(bare));
  const author = known.author?.trim() ? bare(known.author) : undefined;
  const out: Opening = { skip: 0 };
  for (let i = 0; i < Math.min(6, blocks.length - 1); i++) {
    const b = blocks[i]!;
    const text = b.text;
    if (
      titles.has(bare(text)) ||
      (!out.title && (b.heading || (known.guessHeadline === true && looksLikeHeadline(text, blocks[i + 1]!.text))))
    ) {
      out.title ??= text;
    } else if (author && bare(text) === author) {
      out.author ??= text;
    } else if (bylineWithDate(text)) {
      const r = bylineWithDate(text)!;
      out.author ??= r.author;
      out.dates ??= r.dates;
    } else if (isDateline(text)) {
      out.dates ??= readDates(text);
    } else if (!isByline(text)) {
      break;
    }
    out.skip = i + 1;
  }
  return out;
}
