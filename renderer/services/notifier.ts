/**
 * Notices the user should see: results, errors, and actions that can be undone.
 * The UI renders `notices` and listens for 'change'. A notice's `undo` stays callable after the
 * notice is dismissed or times out (Ctrl+Z runs the newest one still pending, up to UNDO_DEPTH back):
 * a deletion can always be undone, not only while its notice shows.
 */
export type NoticeKind = 'info' | 'success' | 'error';

/** `message` is a string key of the UI string table plus parameters, or plain text. */
export interface Notice {
  id: number;
  kind: NoticeKind;
  message: string;
  params?: Record<string, string | number>;
  undo?: () => Promise<void>;
  /** ms; 0 keeps it until dismissed. */
  timeout: number;
}

/** How many undoable changes Ctrl+Z can reach back. */
const UNDO_DEPTH = 50;

export class Notifier extends EventTarget {
  private next = 1;
  notices: Notice[] = [];
  /** Pending undos, oldest first, by notice id (kept when their notice is dismissed). */
  private undos: { id: number; undo: () => Promise<void> }[] = [];

  /** Shows a notice and returns its id. */
  notify(n: Omit<Notice, 'id' | 'timeout'> & { timeout?: number }): number {
    const notice: Notice = { timeout: n.kind === 'error' ? 0 : n.undo ? 10_000 : 5_000, ...n, id: this.next++ };
    this.notices = [...this.notices.slice(-3), notice];
    if (n.undo) this.undos = [...this.undos.slice(1 - UNDO_DEPTH), { id: notice.id, undo: n.undo }];
    this.changed();
    return notice.id;
  }

  error(message: string, params?: Record<string, string | number>): number {
    return this.notify({ kind: 'error', message, params });
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
    this.changed();
  }

  /** Runs the undo of notice `id` once (its button); resolves false when it already ran. */
  async undo(id: number): Promise<boolean> {
    const entry = this.undos.find((u) => u.id === id);
    this.undos = this.undos.filter((u) => u.id !== id);
    this.dismiss(id);
    if (!entry) return false;
    await entry.undo();
    return true;
  }

  /** Runs the newest pending undo (its notice shown or not); resolves false when there is none. */
  async undoLatest(): Promise<boolean> {
    const last = this.undos.at(-1);
    return last ? this.undo(last.id) : false;
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
