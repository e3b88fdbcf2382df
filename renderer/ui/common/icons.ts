/**
 * The app's one icon set: Lucide (lucide-static, ISC), bundled as inline SVG. Each icon is imported by
 * name, so esbuild keeps only these (the package is `sideEffects: false`). No emoji or font glyph
 * stands in for an icon anywhere (test/unit/ui/no-glyph-icons.test.ts fails if one does).
 *
 * Use: `html\`<button class="icon-btn" aria-label=${t('x.close')} title=${t('x.close')}>${icon('close')}</button>\``.
 * The icon is `aria-hidden`: the control's name comes from its label, never from the picture.
 * Icons whose meaning has a direction (arrows, chevrons, back, undo/redo, panels) are mirrored in
 * right-to-left text by `iconStyles` (part of `baseStyles`), so `back` points right in Arabic.
 * Size follows the font (1.25em) or `--icon-size`; colour is `currentColor`.
 *
 * Adding one: import it below, add a name to `svgs` (and to `MIRRORED` if it points somewhere).
 */
import { html, css, noChange, unsafeCSS, type CSSResult, type TemplateResult } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import {
  AArrowDown,
  AArrowUp,
  ArrowDown,
  ArrowDownUp,
  ArrowLeft,
  ArrowRight,
  ArrowUp,
  BookOpen,
  Bookmark,
  BookmarkX,
  Check,
  ChevronDown,
  ChevronLeft,
  ChevronRight,
  ChevronUp,
  Copy,
  DatabaseBackup,
  Download,
  Ellipsis,
  EllipsisVertical,
  ExternalLink,
  FilePlus,
  FolderPlus,
  GitCompare,
  Info,
  Keyboard,
  Languages,
  Library,
  ListFilter,
  Minus,
  Moon,
  NotebookPen,
  PanelLeft,
  PanelRight,
  Pencil,
  Plus,
  Quote,
  Redo2,
  RefreshCw,
  Rss,
  Search,
  StickyNote,
  Sun,
  Tag,
  TextSearch,
  Trash2,
  Type,
  Undo2,
  Upload,
  X,
  Newspaper,
} from 'lucide-static';

const svgs = {
  back: ArrowLeft,
  forward: ArrowRight,
  // Keyboard keys (the shortcuts list): physical keys, never mirrored.
  'key-up': ArrowUp,
  'key-down': ArrowDown,
  'key-left': ArrowLeft,
  'key-right': ArrowRight,
  'chevron-forward': ChevronRight,
  'chevron-back': ChevronLeft,
  'chevron-down': ChevronDown,
  'chevron-up': ChevronUp,
  close: X,
  external: ExternalLink,
  note: StickyNote,
  edit: Pencil,
  bookmark: Bookmark,
  'bookmark-remove': BookmarkX,
  quote: Quote,
  copy: Copy,
  delete: Trash2,
  plus: Plus,
  minus: Minus,
  'text-smaller': AArrowDown,
  'text-bigger': AArrowUp,
  typography: Type,
  refresh: RefreshCw,
  undo: Undo2,
  redo: Redo2,
  search: Search,
  find: TextSearch,
  'panel-end': PanelRight,
  'panel-start': PanelLeft,
  export: Download,
  backup: DatabaseBackup,
  import: Upload,
  'import-files': FilePlus,
  'import-folder': FolderPlus,
  language: Languages,
  more: Ellipsis,
  'more-vertical': EllipsisVertical,
  library: Library,
  notebook: NotebookPen,
  feeds: Rss,
  outlet: Newspaper,
  tag: Tag,
  keyboard: Keyboard,
  info: Info,
  check: Check,
  sort: ArrowDownUp,
  filter: ListFilter,
  compare: GitCompare,
  read: BookOpen,
  light: Sun,
  dark: Moon,
} as const;

export type IconName = keyof typeof svgs;

/** Icons that point along the line of text: flipped in right-to-left text. */
const MIRRORED: ReadonlySet<IconName> = new Set<IconName>([
  'back',
  'forward',
  'chevron-forward',
  'chevron-back',
  'undo',
  'redo',
  'panel-end',
  'panel-start',
]);

/** Lucide's markup with its class dropped and made invisible to assistive technology. */
const prepared = new Map<IconName, string>();
function markup(name: IconName): string {
  let s = prepared.get(name);
  if (s === undefined) {
    s = svgs[name]
      .trim()
      .replace(/>\s+</g, '><')
      .replace(/\s+/g, ' ')
      .replace(/\s*class="[^"]*"/, '')
      .replace('<svg', '<svg aria-hidden="true" focusable="false"');
    prepared.set(name, s);
  }
  return s;
}

/** Each icon's SVG parsed once; rows and toolbars insert clones (no HTML parsing per use). */
const parsed = new Map<IconName, SVGElement>();
function svgNode(name: IconName): SVGElement {
  let node = parsed.get(name);
  if (!node) {
    const template = document.createElement('template');
    template.innerHTML = markup(name);
    node = template.content.firstElementChild as SVGElement;
    parsed.set(name, node);
  }
  return node.cloneNode(true) as SVGElement;
}

/** Inserts the icon's SVG; a re-render with the same name leaves the DOM alone. */
class IconDirective extends Directive {
  private name?: IconName;
  render(name: IconName): SVGElement | typeof noChange {
    if (name === this.name) return noChange;
    this.name = name;
    return svgNode(name);
  }
}
const svgOf = directive(IconDirective);

/**
 * The icon `name` as inline SVG in a `<span class="icon">` (mirrored in RTL when it has a direction).
 * One shared template for every icon, the SVG cloned from a parsed copy: the library draws a few
 * icons per row while it scrolls, and parsing markup per row cost frames (issue 18's scroll bench).
 */
export function icon(name: IconName): TemplateResult {
  return html`<span class=${MIRRORED.has(name) ? 'icon mirror' : 'icon'} aria-hidden="true">${svgOf(name)}</span>`;
}

/**
 * The icon `name` as a CSS `url()` of its SVG, for `mask-image` on a pseudo-element painted in
 * `currentColor`: the same Lucide picture without any element. For lists that draw an icon on every
 * row while they scroll (the library), where an inline SVG is five or six elements per row to create,
 * lay out and paint. Mirroring in RTL is then the stylesheet's job (see `isMirrored`).
 */
export function iconMask(name: IconName): CSSResult {
  return unsafeCSS(`url("data:image/svg+xml,${encodeURIComponent(markup(name))}")`);
}

/** Whether `name` is flipped in right-to-left text (for tests and documentation). */
export function isMirrored(name: IconName): boolean {
  return MIRRORED.has(name);
}

/** Every icon name (the glyph test renders them all). */
export const iconNames = Object.keys(svgs) as IconName[];

/** The raw SVG markup of `name`, prepared as `icon()` inserts it. */
export function iconMarkup(name: IconName): string {
  return markup(name);
}

/**
 * Icon layout, in `baseStyles`. `:dir(rtl)` follows the document's direction into shadow trees;
 * `:host-context` is the fallback for engines without `:dir()`.
 */
export const iconStyles = css`
  .icon {
    display: inline-flex;
    inline-size: var(--icon-size, 1.25em);
    block-size: var(--icon-size, 1.25em);
    flex: none;
    vertical-align: -0.25em;
  }
  .icon svg {
    inline-size: 100%;
    block-size: 100%;
    stroke-width: var(--icon-stroke, 2);
  }
  .icon.mirror:dir(rtl) {
    transform: scaleX(-1);
  }
`;
