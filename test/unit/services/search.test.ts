/**
 * SearchService over an in-process port: a newer search supersedes one still in flight, library
 * changes reach the worker as updates, status broadcasts become 'status' events, and the worker's
 * errors reject the right request.
 */
import { describe, it, expect, vi } from 'vitest';
import { SearchService, isSuperseded } from '../../../renderer/services/search';
import { ID_SLICE } from '../../../renderer/services/id-post';
import type { LibraryChange, LibraryService } from '../../../renderer/services/library';
import type {
  ReplyMessage,
  RequestMessage,
  SearchPort,
  SearchStatus,
} from '../../../renderer/services/search-protocol';

class FakePort implements SearchPort {
  sent: RequestMessage[] = [];
  onerror: ((e: ErrorEvent) => void) | null = null;
  private listener: (e: MessageEvent<ReplyMessage>) => void = () => {};
  postMessage(msg: RequestMessage): void {
    this.sent.push(msg);
  }
  addEventListener(_type: 'message', fn: (e: MessageEvent<ReplyMessage>) => void): void {
    this.listener = fn;
  }
  reply(msg: ReplyMessage): void {
    this.listener({ data: msg } as MessageEvent<ReplyMessage>);
  }
}

function setup() {
  const library = new EventTarget() as unknown as LibraryService;
  const port = new FakePort();
  const service = new SearchService(library, () => port);
  service.start();
  return { library, port, service };
}

const response = (total: number) => ({ total, hits: [], warnings: [], tookMs: 1 });

describe('SearchService', () => {
  it('a newer search supersedes the one still waiting; the newer one resolves', async () => {
    const { port, service } = setup();
    const first = service.search('التحالف');
    const second = service.search('التحالف الدولي', { sort: 'date' });
    await expect(first).rejects.toSatisfy(isSuperseded);
    const [, m2] = port.sent;
    expect(m2!.req).toMatchObject({ type: 'search', query: 'التحالف الدولي', options: { sort: 'date' } });
    port.reply({ seq: port.sent[0]!.seq, ok: false, error: 'superseded', superseded: true }); // late answer: ignored
    port.reply({ seq: m2!.seq, ok: true, result: response(3) });
    expect((await second).total).toBe(3);
  });

  it('snippets and hits are not superseded by searches', async () => {
    const { port, service } = setup();
    const hits = service.hits('a1', 'اذار');
    const s1 = service.search('اذار');
    service.search('آذار').catch(() => {});
    await expect(s1).rejects.toSatisfy(isSuperseded);
    port.reply({ seq: port.sent[0]!.seq, ok: true, result: [{ start: 4, end: 8 }] });
    expect(await hits).toEqual([{ start: 4, end: 8 }]);
  });

  it('forwards library changes to the worker and ignores empty ones', () => {
    const { library, port } = setup();
    library.dispatchEvent(new CustomEvent<LibraryChange>('change', { detail: { added: ['x'], removed: ['y'] } }));
    library.dispatchEvent(new CustomEvent<LibraryChange>('change', { detail: { added: [], removed: [] } }));
    expect(port.sent.map((m) => m.req)).toEqual([{ type: 'update', added: ['x'], removed: ['y'] }]);
  });

  it('sends a big change a slice of ids per task, so the page never clones them all at once', async () => {
    const { library, port } = setup();
    const added = Array.from({ length: ID_SLICE * 2 + 1 }, (_, i) => `n${i}`);
    library.dispatchEvent(new CustomEvent<LibraryChange>('change', { detail: { added, removed: ['old'] } }));
    // Now: the removal and the first slice; then one slice per task.
    expect(port.sent.map((m) => m.req)).toEqual([
      { type: 'update', added: [], removed: ['old'] },
      { type: 'update', added: added.slice(0, ID_SLICE), removed: [] },
    ]);
    await vi.waitFor(() => expect(port.sent).toHaveLength(4));
    const req = port.sent.map((m) => m.req as { added: string[] });
    expect(req.slice(1).map((r) => r.added.length)).toEqual([ID_SLICE, ID_SLICE, 1]);
    expect(req.flatMap((r) => r.added)).toEqual(added);
  });

  it('turns status broadcasts into status events and keeps the latest', () => {
    const { port, service } = setup();
    const seen: string[] = [];
    service.addEventListener('status', (e) => seen.push((e as CustomEvent<SearchStatus>).detail.state));
    const status: SearchStatus = {
      state: 'building',
      done: 10,
      total: 40,
      size: 0,
      loaded: 0,
      built: 0,
      segments: 0,
      loadMs: 3,
      reason: 'missing',
      buildMs: 0,
    };
    port.reply({ seq: 0, status });
    port.reply({ seq: 0, status: { ...status, state: 'ready', done: 40 } });
    expect(seen).toEqual(['building', 'ready']);
    expect(service.status.done).toBe(40);
  });

  it('loaded() resolves once the worker has left loading (ready, building or error), not before', async () => {
    const library = new EventTarget() as unknown as LibraryService;
    const port = new FakePort();
    const service = new SearchService(library, () => port);
    let done = false;
    const loaded = service.loaded().then(() => (done = true));
    service.start();
    const status = { ...service.status, state: 'loading' as const, done: 1, total: 2, size: 5 };
    port.reply({ seq: 0, status });
    await Promise.resolve();
    expect(done).toBe(false);
    port.reply({ seq: 0, status: { ...status, state: 'building', reason: 'stale' } });
    await loaded;
    expect(done).toBe(true);
    // Once loaded, later callers resolve at once.
    await service.loaded();
  });

  it('a worker error rejects only its request; after dispose everything rejects', async () => {
    const { port, service } = setup();
    const r = service.rebuild({ builders: 1 });
    expect(port.sent[0]!.req).toEqual({ type: 'rebuild', builders: 1 });
    port.reply({ seq: port.sent[0]!.seq, ok: false, error: 'quota: disk full' });
    await expect(r).rejects.toThrow('quota: disk full');
    const pending = service.snippets(['a'], 'x');
    service.dispose();
    await expect(pending).rejects.toThrow('search stopped');
    await expect(service.search('x')).rejects.toThrow('search not started');
  });

  it('a worker that fails to start turns the status to error', () => {
    const { port, service } = setup();
    const seen: SearchStatus[] = [];
    service.addEventListener('status', (e) => seen.push((e as CustomEvent<SearchStatus>).detail));
    port.onerror!({ message: 'Failed to load search.worker.js' } as ErrorEvent);
    expect(service.status).toMatchObject({ state: 'error', message: 'Failed to load search.worker.js' });
    expect(seen).toHaveLength(1);
  });
});
