import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_STATE,
  clampToDisplays,
  loadWindowState,
  parseWindowState,
  saveWindowState,
} from '../../../electron/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('parseWindowState', () => {
  it('keeps a well-formed state', () => {
    expect(parseWindowState({ x: 100, y: 50, width: 1200, height: 700, maximized: true })).toEqual({
      x: 100,
      y: 50,
      width: 1200,
      height: 700,
      maximized: true,
    });
  });
  it.each([
    [null],
    ['{"width":1}'],
    [{ width: '1200', height: 700, maximized: false }],
    [{ width: 1200, height: 700 }],
    [{ width: -5, height: 700, maximized: false }],
    [{ width: 1e9, height: 700, maximized: false }],
    [{ width: 1.5, height: 700, maximized: false }],
  ])('refuses %j', (value) => {
    expect(parseWindowState(value)).toBeNull();
  });
  it('drops a position that is not two integers', () => {
    expect(parseWindowState({ x: 'يسار', y: 0, width: 1000, height: 700, maximized: false })).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
  });
});

describe('clampToDisplays', () => {
  it('keeps a window that is on a connected display', () => {
    expect(
      clampToDisplays({ x: 1600, y: 100, width: 1200, height: 800, maximized: false }, [laptop, rightMonitor]),
    ).toEqual({ x: 1600, y: 100, width: 1200, height: 800 });
  });
  it('drops the position when its display was unplugged, so the window opens centred', () => {
    expect(clampToDisplays({ x: 1600, y: 100, width: 1200, height: 800, maximized: false }, [laptop])).toEqual({
      width: 1200,
      height: 800,
    });
  });
  it('shrinks an oversized window to the largest display and grows a tiny one to the minimum', () => {
    expect(clampToDisplays({ width: 5000, height: 4000, maximized: false }, [laptop])).toEqual({
      width: 1440,
      height: 900,
    });
    expect(clampToDisplays({ width: 100, height: 100, maximized: false }, [laptop])).toEqual({
      width: 720,
      height: 480,
    });
  });
  it('drops a position whose title bar is above the screen', () => {
    expect(clampToDisplays({ x: 10, y: -500, width: 1000, height: 600, maximized: false }, [laptop])).toEqual({
      width: 1000,
      height: 600,
    });
  });
});

describe('load and save', () => {
  it('round-trips through the file and falls back on garbage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warraq-state-'));
    expect(loadWindowState(dir)).toEqual(DEFAULT_STATE);
    expect(saveWindowState(dir, { x: 5, y: 6, width: 900, height: 600, maximized: false })).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8'))).toEqual({
      x: 5,
      y: 6,
      width: 900,
      height: 600,
      maximized: false,
    });
    expect(loadWindowState(dir)).toEqual({ x: 5, y: 6, width: 900, height: 600, maximized: false });
    writeFileSync(join(dir, 'window-state.json'), '{"width": "واسع"');
    expect(loadWindowState(dir)).toEqual(DEFAULT_STATE);
    expect(saveWindowState(join(dir, 'missing', 'deeper'), DEFAULT_STATE)).toBe(false);
  });
});
