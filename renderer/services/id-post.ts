/**
 * Posting a library change's ids to a worker without a long task on the page. postMessage clones its
 * message on the sender's thread, and the end of a bulk import announces every article it added at
 * once (~30,000 ids): the search and detection services each cloned them inside the import's last
 * task (issue 12: no main-thread task over 50 ms while detection runs). IdPost splits a long id list
 * into slices and posts one slice per task, in order: a later change waits behind the slices still
 * queued, so a worker never sees a delete before the add it follows.
 */

/** Ids per message: cloning 2,000 short strings takes a few ms. */
export const ID_SLICE = 2000;

/** Runs `f` in a later task (setTimeout 0 in the page; tests may pass their own). */
export type Later = (f: () => void) => void;
const nextTask: Later = (f) => void setTimeout(f, 0);

export class IdPost<M> {
  private readonly queue: M[] = [];
  private scheduled = false;

  constructor(
    private readonly post: (message: M) => void,
    private readonly later: Later = nextTask,
  ) {}

  /**
   * Queues `make(slice)` for each slice of `ids` (one call with [] when empty): the first is posted now
   * when nothing is queued, the rest one per task.
   */
  send(ids: readonly string[], make: (slice: string[]) => M): void {
    for (let i = 0; i === 0 || i < ids.length; i += ID_SLICE) this.queue.push(make(ids.slice(i, i + ID_SLICE)));
    if (!this.scheduled) this.drain();
  }

  /** Queues one message as it is (posted now when nothing is queued). */
  push(message: M): void {
    this.queue.push(message);
    if (!this.scheduled) this.drain();
  }

  private drain(): void {
    this.scheduled = false;
    const m = this.queue.shift();
    if (m === undefined) return;
    this.post(m);
    if (!this.queue.length) return;
    this.scheduled = true;
    this.later(() => this.drain());
  }
}
