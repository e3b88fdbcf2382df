/**
 * The bundle of services the UI receives through `@lit/context` (see ui/context.ts).
 * Constructed once in renderer/main.ts. A feature adds its service here and there, nothing else.
 */
import type { Platform } from '../platform/platform';
import type { LibraryService } from './library';
import type { SettingsService } from './settings';
import type { Notifier } from './notifier';
import type { SearchService } from './search';
import type { ImportService } from './importer';
import type { AnnotationsService } from './annotations';
import type { ExporterService } from './exporter';
import type { BackupService } from './backup';
import type { StoriesService } from './stories';
import type { FeedsService } from './collect/feeds';
import type { SaveLinkService } from './collect/save-link';
import type { WatchService } from './collect/watch';
import type { ImportHistory } from './collect/history';
import type { CountsService } from './counts';

export interface Services {
  platform: Platform;
  notifier: Notifier;
  settings: SettingsService;
  library: LibraryService;
  search: SearchService;
  importer: ImportService;
  annotations: AnnotationsService;
  exporter: ExporterService;
  backup: BackupService;
  stories: StoriesService;
  /** Collect: feeds (with their own ImportService), save by link, watched folders, the import history. */
  feeds: FeedsService;
  links: SaveLinkService;
  watch: WatchService;
  history: ImportHistory;
  /** The sidebar's counts (outlets, tags, notes, bookmarks), from indexes. */
  counts: CountsService;
}
