/**
 * Remembers the window's size, position and maximized state in `<userData>/window-state.json`.
 * The file is validated on read and the bounds clamped to a display that exists now (a laptop
 * undocked from its second screen must not reopen the window off-screen).
 */
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_HEIGHT, MIN_WIDTH, type Bounds } from './policy';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_STATE: WindowState = { width: 1280, height: 800, maximized: false };
const FILE = 'window-state.json';
// Coordinates beyond ±100,000 px come from a corrupted file, not a real desktop.
const LIMIT = 100_000;
// At least this much of the title bar must be on a display for the window to count as visible.
const VISIBLE = 80;

const isCoord = (v: unknown): v is number => Number.isInteger(v) && Math.abs(v as number) <= LIMIT;
const isSize = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0 && (v as number) <= LIMIT;

/** Returns the saved state if it has the right shape; null for anything else (missing fields, strings, NaN). */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isSize(v.width) || !isSize(v.height) || typeof v.maximized !== 'boolean') return null;
  const state: WindowState = { width: v.width, height: v.height, maximized: v.maximized };
  if (isCoord(v.x) && isCoord(v.y)) {
    state.x = v.x;
    state.y = v.y;
  }
  return state;
}

function overlaps(a: Rect, b: Rect): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w >= VISIBLE && h >= Math.min(VISIBLE, a.height);
}

/**
 * Bounds that fit the given work areas: size clamped to the largest display (and the minimum size);
 * the position kept only if its top strip shows on some display, else dropped so Electron centres it.
 */
export function clampToDisplays(state: WindowState, workAreas: readonly Rect[]): Bounds {
  const maxW = Math.max(MIN_WIDTH, ...workAreas.map((a) => a.width));
  const maxH = Math.max(MIN_HEIGHT, ...workAreas.map((a) => a.height));
  const width = Math.min(Math.max(state.width, MIN_WIDTH), maxW);
  const height = Math.min(Math.max(state.height, MIN_HEIGHT), maxH);
  if (state.x === undefined || state.y === undefined) return { width, height };
  const titleStrip = { x: state.x, y: state.y, width, height: VISIBLE };
  if (!workAreas.some((area) => overlaps(titleStrip, area))) return { width, height };
  return { x: state.x, y: state.y, width, height };
}

/** Reads the saved state from `dir`; DEFAULT_STATE when the file is missing or invalid. */
export function loadWindowState(dir: string): WindowState {
  try {
    return parseWindowState(JSON.parse(readFileSync(join(dir, FILE), 'utf8'))) ?? DEFAULT_STATE;
  } catch {
    return DEFAULT_STATE;
  }
}

/** Writes the state atomically (temp file + rename). Returns false if the disk refused; never throws. */
export function saveWindowState(dir: string, state: WindowState): boolean {
  try {
    const tmp = join(dir, `${FILE}.tmp`);
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, join(dir, FILE));
    return true;
  } catch {
    return false;
  }
}
