/**
 * The browser build's fetcher (platform/browser-fetch.ts) keeps its own copy of the desktop door's limits,
 * since renderer/platform may import the bridge contract only as types; this keeps the copies equal.
 */
import { describe, expect, it } from 'vitest';
import * as desktop from '../../../electron/ipc/contract';
import * as browser from '../../../renderer/platform/browser-fetch';

describe('fetch limits', () => {
  it('are the same in the desktop door and the browser build', () => {
    expect(browser.NET_MAX_BYTES).toBe(desktop.NET_MAX_BYTES);
    expect(browser.NET_TIMEOUT_MS).toBe(desktop.NET_TIMEOUT_MS);
  });
});
