/** Key/value settings and per-article reading positions. */
import type { ReadingState, Setting } from '../core/model';
import type { WarraqDb } from './db';
import { guard } from './errors';

export class SettingsRepo {
  constructor(private readonly db: WarraqDb) {}

  /** All settings as a map (a handful of rows; read once at start-up). */
  async all(): Promise<Map<string, unknown>> {
    const rows = await guard(() => this.db.settings.toArray());
    return new Map(rows.map((r: Setting) => [r.key, r.value]));
  }

  set(key: string, value: unknown): Promise<string> {
    return guard(() => this.db.settings.put({ key, value }));
  }

  getReading(articleId: string): Promise<ReadingState | undefined> {
    return guard(() => this.db.reading.get(articleId));
  }

  putReading(state: ReadingState): Promise<string> {
    return guard(() => this.db.reading.put(state));
  }

  /** The most recently read article, for "continue reading". */
  lastRead(): Promise<ReadingState | undefined> {
    return guard(() => this.db.reading.orderBy('updatedAt').last());
  }
}
