/**
 * Being a polite client: at most a few requests to one host at a time (and a few more overall), and a
 * growing pause after a feed fails before the schedule asks it again.
 */

/** Runs tasks with at most `perHost` at once per host and `total` at once overall; the rest wait in order. */
export class HostLimiter {
  private readonly active = new Map<string, number>();
  private running = 0;
  private readonly waiting: { host: string; go: () => void }[] = [];

  constructor(
    private readonly perHost = 2,
    private readonly total = 6,
  ) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    // A waiter's slot is taken for it by the task that wakes it, so no newcomer can slip in between.
    if (this.free(host)) this.take(host);
    else await new Promise<void>((go) => this.waiting.push({ host, go }));
    try {
      return await task();
    } finally {
      this.release(host);
    }
  }

  private free(host: string): boolean {
    return this.running < this.total && (this.active.get(host) ?? 0) < this.perHost;
  }

  private take(host: string): void {
    this.running++;
    this.active.set(host, (this.active.get(host) ?? 0) + 1);
  }

  private release(host: string): void {
    this.running--;
    const n = (this.active.get(host) ?? 1) - 1;
    if (n) this.active.set(host, n);
    else this.active.delete(host);
    // Wake the first waiter that may go now (a waiter for a busy host does not block one for another host).
    const i = this.waiting.findIndex((w) => this.free(w.host));
    if (i >= 0) {
      const [w] = this.waiting.splice(i, 1);
      this.take(w!.host);
      w!.go();
    }
  }
}

/** First pause after a failure, and the longest. */
export const BACKOFF_FIRST_MS = 15 * 60_000;
export const BACKOFF_MAX_MS = 24 * 60 * 60_000;

/** When a feed that has now failed `failures` times in a row may be asked again: 15 min, 30, 60 … up to a day. */
export function retryAfter(failures: number, now: number): number {
  const wait = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, failures - 1));
  return now + wait;
}
