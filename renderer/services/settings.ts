/**
 * Preferences, read once at start-up and written through at once (a user would miss a lost theme).
 * Emits 'change' with the key in `detail`.
 */
import { DEFAULT_READER_PREFS, type ReaderPrefs, type ReadingState, type UiLanguage } from '../core/model';
import { DEFAULT_DATE_PREFS, type DatePrefs } from '../core/export/date-display';
import type { SettingsRepo } from '../storage/settings-repo';

export type LibrarySortKey = 'date' | 'title' | 'outlet' | 'imported';
export interface LibraryPrefs {
  sort: LibrarySortKey;
  descending: boolean;
  outlet: string;
}

export interface SettingsShape {
  language: UiLanguage;
  reader: ReaderPrefs;
  library: LibraryPrefs;
  seeded: boolean;
  /** How dates show: calendar(s) and Gregorian month names by region. */
  dates: DatePrefs;
}

const DEFAULTS: SettingsShape = {
  language: 'ar',
  reader: DEFAULT_READER_PREFS,
  library: { sort: 'imported', descending: true, outlet: '' },
  seeded: false,
  dates: DEFAULT_DATE_PREFS,
};

export class SettingsService extends EventTarget {
  private values = new Map<string, unknown>();

  constructor(private readonly repo: SettingsRepo) {
    super();
  }

  async load(): Promise<void> {
    this.values = await this.repo.all();
  }

  get<K extends keyof SettingsShape>(key: K): SettingsShape[K] {
    const v = this.values.get(key) as SettingsShape[K] | undefined;
    if (v === undefined) return DEFAULTS[key];
    // Merge objects with defaults so settings written by an older build gain new fields.
    if (typeof v === 'object' && v !== null && !Array.isArray(v))
      return { ...(DEFAULTS[key] as object), ...v } as SettingsShape[K];
    return v;
  }

  /** Stores a value; rejects with StorageError if it could not be written (the old value stays). */
  async set<K extends keyof SettingsShape>(key: K, value: SettingsShape[K]): Promise<void> {
    await this.repo.set(key, value);
    this.values.set(key, value);
    this.dispatchEvent(new CustomEvent('change', { detail: key }));
  }

  getReading(articleId: string): Promise<ReadingState | undefined> {
    return this.repo.getReading(articleId);
  }

  saveReading(state: Omit<ReadingState, 'updatedAt'>): Promise<string> {
    return this.repo.putReading({ ...state, updatedAt: Date.now() });
  }

  lastRead(): Promise<ReadingState | undefined> {
    return this.repo.lastRead();
  }
}
