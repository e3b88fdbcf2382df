/**
 * A fix for @lit-labs/virtualizer 2.1.1: `_positionChildren` reads the `_children` getter (a walk over
 * every child element) once per positioned child, so every scroll step costs O(rows²) DOM walks. This
 * replaces it with code reading the children once, which places rows by top/left offsets. Applied to
 * the Virtualizer class (found through `virtualizerRef`, as the class is not exported) the first time a
 * <lit-virtualizer> has one.
 * Remove when upstream reads `_children` once (check Virtualizer.js's _positionChildren on upgrade).
 */
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';

interface Position {
  top: number;
  left: number;
  width?: number;
  height?: number;
  xOffset?: number;
  yOffset?: number;
}

interface VirtualizerInternals {
  readonly _children: HTMLElement[];
  _first: number;
  _positionChildren(pos: Map<number, Position> | null): void;
}

const fixed = new WeakSet<object>();

function positionChildren(this: VirtualizerInternals, pos: Map<number, Position> | null): void {
  if (!pos) return;
  const children = this._children;
  pos.forEach(({ top, left, width, height, xOffset, yOffset }, index) => {
    const child = children[index - this._first];
    if (!child) return;
    child.style.position = 'absolute';
    child.style.boxSizing = 'border-box';
    // Offsets, not upstream's translate(): a transform gives every row its own transform node, which
    // the compositor walks again at every scroll step (Layerize in a trace of issue 18's bench).
    child.style.transform = '';
    child.style.left = `${left + (xOffset ?? 0)}px`;
    child.style.top = `${top + (yOffset ?? 0)}px`;
    if (width !== undefined) child.style.width = width + 'px';
    if (height !== undefined) child.style.height = height + 'px';
  });
}

export function fixVirtualizerPositioning(host: Element | undefined | null): void {
  const v = (host as unknown as Record<symbol, VirtualizerInternals | undefined> | null)?.[virtualizerRef];
  if (!v) return;
  const proto = Object.getPrototypeOf(v) as VirtualizerInternals;
  if (fixed.has(proto) || typeof proto._positionChildren !== 'function') return;
  fixed.add(proto);
  proto._positionChildren = positionChildren;
}
