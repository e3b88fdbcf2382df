/** The per-host concurrency limit and the backoff schedule (services/collect/politeness.ts). */
import { describe, expect, it } from 'vitest';
import {
  BACKOFF_FIRST_MS,
  BACKOFF_MAX_MS,
  HostLimiter,
  retryAfter,
} from '../../../../renderer/services/collect/politeness';

describe('HostLimiter', () => {
  it('runs at most `perHost` tasks per host and `total` overall, and a busy host does not hold up another', async () => {
    const limiter = new HostLimiter(2, 3);
    const running = new Map<string, number>();
    let peak = 0;
    const peaks = new Map<string, number>();
    const gates: (() => void)[] = [];
    const order: string[] = [];
    const task = (host: string, id: string) =>
      limiter.run(host, async () => {
        running.set(host, (running.get(host) ?? 0) + 1);
        peaks.set(host, Math.max(peaks.get(host) ?? 0, running.get(host)!));
        peak = Math.max(
          peak,
          [...running.values()].reduce((a, b) => a + b, 0),
        );
        order.push(id);
        await new Promise<void>((r) => gates.push(r));
        running.set(host, running.get(host)! - 1);
      });
    const all = [task('a', 'a1'), task('a', 'a2'), task('a', 'a3'), task('b', 'b1'), task('b', 'b2')];
    await expect.poll(() => order.length).toBe(3);
    expect(order).toEqual(['a1', 'a2', 'b1']); // a3 waits for its host, b1 goes past it
    while (order.length < 5 || gates.length) {
      gates.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    await Promise.all(all);
    expect(peaks.get('a')).toBe(2);
    expect(peak).toBeLessThanOrEqual(3);
    expect(order.sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
  });

  it('releases the slot when a task fails', async () => {
    const limiter = new HostLimiter(1, 1);
    await expect(
      limiter.run('a', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(limiter.run('a', async () => 'next')).resolves.toBe('next');
  });
});

describe('retryAfter', () => {
  it('doubles from 15 minutes up to a day', () => {
    expect(retryAfter(1, 0)).toBe(BACKOFF_FIRST_MS);
    expect(retryAfter(2, 0)).toBe(2 * BACKOFF_FIRST_MS);
    expect(retryAfter(4, 1000)).toBe(1000 + 8 * BACKOFF_FIRST_MS);
    expect(retryAfter(30, 0)).toBe(BACKOFF_MAX_MS);
  });
});
