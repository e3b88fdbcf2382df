/**
 * Manual split and merge: a decision is stored, then the affected stories are regrouped on this
 * thread (a story's members and their links: a few rows) with the same pure grouping the worker uses,
 * so detection later respects the decision. Undo removes the decision and regroups again.
 */
import type { ArticleMeta, Story, StoryDecision, StoryLink } from '../core/model';
import { groupStories } from '../core/stories/group';
import type { StoriesRepo } from '../storage/stories-repo';
import type { LibraryService } from './library';
import { toRow } from './stories-rows';

export interface RegroupUndo {
  /** Story ids that changed. */
  stories: string[];
  /** Reverts; resolves with the story ids that changed back. */
  undo(): Promise<string[]>;
}

/** A Story record for members (their metas carry editions, outlets, dates). */
export function storyOf(id: string, members: ArticleMeta[]): Story {
  const row = toRow(id, members, (o) => o);
  const story: Story = { id, articleIds: row.articleIds, outletCount: row.outletCount, editionCount: row.editionCount };
  if (row.earliest) story.earliest = row.earliest;
  return story;
}

export class Regrouper {
  constructor(
    private readonly repo: StoriesRepo,
    private readonly library: LibraryService,
  ) {}

  private members(storyId: string): string[] {
    return this.library
      .allMeta()
      .filter((m) => (m.storyId ?? m.id) === storyId)
      .map((m) => m.id);
  }

  async split(articleId: string): Promise<RegroupUndo> {
    const storyId = this.library.meta(articleId)?.storyId ?? articleId;
    const ids = this.members(storyId);
    const others = ids.filter((id) => id !== articleId);
    if (!others.length) return { stories: [], undo: async () => [] };
    return this.decide(
      { id: `split|${articleId}|${Date.now()}`, kind: 'split', left: [articleId], right: others, at: Date.now() },
      ids,
    );
  }

  async merge(storyA: string, storyB: string): Promise<RegroupUndo> {
    const left = this.members(storyA);
    const right = this.members(storyB);
    if (!left.length || !right.length || storyA === storyB) return { stories: [], undo: async () => [] };
    return this.decide({ id: `merge|${storyA}|${storyB}|${Date.now()}`, kind: 'merge', left, right, at: Date.now() }, [
      ...left,
      ...right,
    ]);
  }

  /** Takes assignments the worker already stored into the library's metas; returns the stories touched. */
  assign(pairs: ReadonlyArray<readonly [string, string]>): string[] {
    const touched = new Set<string>();
    for (const [id, s] of pairs) {
      touched.add(s);
      const old = this.library.meta(id)?.storyId;
      if (old) touched.add(old);
    }
    this.library.patchMetas(pairs.map(([id, storyId]) => ({ id, storyId })));
    return [...touched];
  }

  private async decide(d: StoryDecision, ids: string[]): Promise<RegroupUndo> {
    await this.repo.putDecision(d);
    const stories = await this.regroupIds(ids);
    return {
      stories,
      undo: async () => {
        await this.repo.deleteDecision(d.id);
        return this.regroupIds(ids);
      },
    };
  }

  /** Regroups these articles from their links and every decision; stores and patches what moved. */
  async regroupIds(ids: string[]): Promise<string[]> {
    const links = new Map<string, StoryLink>();
    for (const id of ids) for (const l of await this.repo.linksOf(id)) links.set(l.id, l);
    const decisions = await this.repo.decisions();
    const metas = new Map(ids.map((id) => [id, this.library.meta(id)]));
    const order = (id: string): number => metas.get(id)?.importedAt ?? Number.MAX_SAFE_INTEGER;
    const grouping = groupStories(ids, [...links.values()], decisions, order);
    const before = new Set(ids.map((id) => metas.get(id)?.storyId ?? id));
    const groups = new Map<string, ArticleMeta[]>();
    for (const [id, s] of grouping) {
      const m = metas.get(id);
      if (!m) continue;
      if (!groups.has(s)) groups.set(s, []);
      groups.get(s)!.push({ ...m, storyId: s });
    }
    const put = [...groups].map(([s, members]) => storyOf(s, members));
    const removed = [...before].filter((s) => !groups.has(s));
    const moved = [...grouping].filter(([id, s]) => (metas.get(id)?.storyId ?? id) !== s);
    await this.repo.applyStories(put, removed, moved);
    this.library.patchMetas(moved.map(([id, storyId]) => ({ id, storyId })));
    return [...new Set([...before, ...groups.keys()])];
  }
}
