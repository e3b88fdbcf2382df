/** The few words the export formats print themselves, in Arabic and English. */
import type { HighlightColor } from '../model';
import type { ExportLang } from './common';

export interface ExportLabels {
  heading: string;
  tags: string;
  /** The line listing the article's own tags under its citation. */
  articleTags: string;
  colour: string;
  articleNote: string;
  colours: Record<HighlightColor, string>;
}

export const LABELS: Record<ExportLang, ExportLabels> = {
  ar: {
    heading: 'ملاحظات من ورّاق',
    tags: 'الوسوم',
    articleTags: 'وسوم المقال',
    colour: 'اللون',
    articleNote: 'ملاحظة على المقال كله',
    colours: { yellow: 'أصفر', green: 'أخضر', blue: 'أزرق', pink: 'وردي', purple: 'بنفسجي' },
  },
  en: {
    heading: 'Notes from Warraq',
    tags: 'Tags',
    articleTags: 'Article tags',
    colour: 'Colour',
    articleNote: 'Note on the whole article',
    colours: { yellow: 'yellow', green: 'green', blue: 'blue', pink: 'pink', purple: 'purple' },
  },
};

/** Highlight colours as CSS, matched to the reader's light theme. */
export const COLOR_CSS: Record<HighlightColor, string> = {
  yellow: '#fff1a8',
  green: '#c8f0c0',
  blue: '#c4e0ff',
  pink: '#ffd0e0',
  purple: '#e2d4ff',
};
