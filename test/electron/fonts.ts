/** The fonts Chromium really used to draw an element's text (DevTools protocol), for the desktop launch tests. */
import type { Page } from 'playwright-core';

interface CdpNode {
  nodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function findNode(n: CdpNode, attr: string, value: string): CdpNode | undefined {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === attr && a[i + 1] === value) return n;
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
    const hit = findNode(c, attr, value);
    if (hit) return hit;
  }
  return undefined;
}

/** Font family names used for the first element with `attr` = `value`, most glyphs first. */
export async function usedFonts(page: Page, attr: string, value: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const node = findNode(root, attr, value);
  if (!node) throw new Error(`no node with ${attr}=${value}`);
  const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId })) as {
    fonts: { familyName: string; glyphCount: number }[];
  };
  return fonts.sort((a, b) => b.glyphCount - a.glyphCount).map((f) => f.familyName);
}
