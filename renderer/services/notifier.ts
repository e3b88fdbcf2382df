/**
 * Notices the user should see: results, errors, and actions that can be undone.
 * The UI renders `notices` and listens for 'change'. A notice with `undo` keeps it callable
 * until it is dismissed or replaced; Ctrl+Z runs the newest undo.
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

export class Notifier extends EventTarget {
  private next = 1;
  notices: Notice[] = [];

  /** Shows a notice and returns its id. */
  notify(n: Omit<Notice, 'id' | 'timeout'> & { timeout?: number }): number {
    const notice: Notice = { timeout: n.kind === 'error' ? 0 : n.undo ? 10_000 : 5_000, ...n, id: this.next++ };
    this.notices = [...this.notices.slice(-3), notice];
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

  /** Runs the newest pending undo; resolves false when there is none. */
  async undoLatest(): Promise<boolean> {
    const n = [...this.notices].reverse().find((x) => x.undo);
    if (!n?.undo) return false;
    this.dismiss(n.id);
    await n.undo();
    return true;
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
