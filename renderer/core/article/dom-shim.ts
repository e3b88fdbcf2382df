/**
 * The slice of the DOM that core's HTML import reads, as narrow local interfaces.
 *
 * core compiles without the DOM lib (renderer/core/tsconfig.json), but linkedom's and readability's
 * type declarations name DOM types (`Window`, `Document`, `Node`). We never name those types here:
 * linkedom's document is cast once to `MiniDocument`, and readability receives it as `never` (assignable
 * to its `Document` parameter under either tsconfig), returning its article root through a serializer
 * cast back to `MiniElement`. linkedom is a pure-JS DOM, so this runs the same in Node, workers and
 * the renderer.
 */
import { parseHTML } from 'linkedom';

export interface MiniNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<MiniNode>;
}

export interface MiniElement extends MiniNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): MiniElement | null;
  querySelectorAll(selector: string): ArrayLike<MiniElement>;
  remove(): void;
}

export interface MiniDocument {
  readonly documentElement: MiniElement | null;
  readonly body: MiniElement | null;
  readonly title: string;
  querySelector(selector: string): MiniElement | null;
  querySelectorAll(selector: string): ArrayLike<MiniElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/**
 * Adds the <html> and <body> tags a page lacks (a fragment, a cut save): linkedom puts content that
 * precedes or lacks <body> outside document.body, and drops later siblings of a bare first element.
 */
export function withHtmlAndBody(html: string): string {
  let h = html;
  if (!/<body[\s>]/i.test(h)) {
    const at = /<\/head\s*>/i.exec(h) ?? /<html[^>]*>/i.exec(h);
    const cut = at ? at.index + at[0].length : (/^\s*<!doctype[^>]*>/i.exec(h)?.[0].length ?? 0);
    h = h.slice(0, cut) + '<body>' + h.slice(cut);
  }
  if (!/<html[\s>]/i.test(h)) {
    const cut = /^\s*<!doctype[^>]*>/i.exec(h)?.[0].length ?? 0;
    h = h.slice(0, cut) + '<html>' + h.slice(cut);
  }
  return h;
}

/** A DOM document for an HTML string (never throws: malformed markup gives what the parser recovered). */
export function parseDocument(html: string): MiniDocument {
  return parseHTML(withHtmlAndBody(html)).document as unknown as MiniDocument;
}
