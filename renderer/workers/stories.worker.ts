/**
 * The story detection worker: owns the StoryDetector (the library's index) for the page's lifetime,
 * on its own connection to the shared IndexedDB. Protocol: services/stories-protocol.ts. Messages are
 * handled one at a time, in order, so an import's `added` never races a `removed`.
 */
import { WarraqDb } from '../storage/db';
import { StoriesRepo } from '../storage/stories-repo';
import { StoryDetector } from '../services/stories-detector';
import type { BodiesMessage, FromDetector, ToDetector } from '../services/stories-protocol';

const scope = self as unknown as {
  postMessage(m: FromDetector): void;
  onmessage: ((e: MessageEvent<ToDetector>) => void) | null;
};

let detector: StoryDetector | null = null;
let chain: Promise<void> = Promise.resolve();

function run(task: () => Promise<void>): void {
  chain = chain.then(task).catch((e: unknown) => {
    scope.postMessage({ type: 'error', message: (e as Error)?.message ?? String(e) });
  });
}

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'start') {
    if (detector) return;
    const d = new StoryDetector(new StoriesRepo(new WarraqDb()), (m) => scope.postMessage(m));
    detector = d;
    run(() => d.start());
    return;
  }
  if (msg.type === 'restart') {
    // After a restore: the library in the database is another one; the old index is dropped.
    const d = new StoryDetector(new StoriesRepo(new WarraqDb()), (m) => scope.postMessage(m));
    detector = d;
    run(async () => {
      await d.start();
      await d.regroupAll();
    });
    return;
  }
  const d = detector;
  if (!d) return;
  if (msg.type === 'added') run(() => d.add(msg.ids));
  else if (msg.type === 'bodies-port')
    msg.port.onmessage = (b: MessageEvent<BodiesMessage>) => {
      const { bodies } = b.data;
      const current = detector;
      if (current)
        run(() =>
          current.add(
            bodies.map((x) => x.id),
            bodies,
          ),
        );
    };
  else if (msg.type === 'removed') run(() => d.remove(msg.ids));
  else run(() => d.reloadDecisions());
};
