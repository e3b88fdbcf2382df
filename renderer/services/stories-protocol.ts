/**
 * Messages between StoriesService (page) and the story detection worker (workers/stories.worker.ts).
 * Types only. The worker owns the detector's index; it reads texts and writes links, stories and
 * articles' `storyId` to the database itself, then tells the page which articles moved.
 *
 * Page → worker: `start` (load the index; detect whatever has no features yet: the library after an
 * upgrade), `added` (new article ids: detect them incrementally), `bodies-port` (a MessagePort on which an
 * import worker sends `bodies`: the new ids with their texts, batch by batch, straight from worker to
 * worker so the page never copies a text), `removed`, `regroup` (decisions
 * changed: recompute stories from links + decisions; no text is read), `restart` (after a restore: a
 * fresh detector loads the restored library, detects what has no features and regroups everything).
 * Worker → page: `progress` (throttled), `assigned` (article → story changes, already stored),
 * `error`.
 */
import type { StoryBody } from '../core/stories/body';
import type { DetectionProgress } from './stories';

export type ToDetector =
  | { type: 'start' }
  | { type: 'added'; ids: string[] }
  /** The detector's end of a channel from one import worker, which sends BodiesMessage on it. */
  | { type: 'bodies-port'; port: MessagePort }
  | { type: 'removed'; ids: string[] }
  | { type: 'regroup' }
  | { type: 'restart' };

/** Import worker → detector, on a bodies port: new articles with what detection reads of them. */
export interface BodiesMessage {
  type: 'bodies';
  bodies: StoryBody[];
}

export type FromDetector =
  | { type: 'progress'; progress: DetectionProgress }
  /** [articleId, storyId] pairs whose story changed (stored before this message is sent). */
  | { type: 'assigned'; pairs: [string, string][]; links: number }
  | { type: 'error'; message: string };

/** The part of a Worker the service uses (tests pass an in-process fake). */
export interface DetectorPort {
  postMessage(m: ToDetector, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromDetector>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}
