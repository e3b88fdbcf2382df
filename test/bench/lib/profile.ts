/**
 * A Chromium CPU profile (CDP Profiler) read for the benches: the longest stretch of main-thread work
 * without an idle sample (≈ the longest task), and the functions that took its time, by self time and
 * by inclusive time. Used by `BENCH_PROFILE=1 npm run bench -- --only <name>`; build with --dev first
 * so the names are the source's.
 */
import type { CDPSession } from 'playwright-core';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  parent?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
}

export async function stopProfile(cdp: CDPSession): Promise<CpuProfile> {
  const { profile } = await cdp.send('Profiler.stop');
  return profile as unknown as CpuProfile;
}

const label = (f: CallFrame) =>
  `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`;

export interface BusyRun {
  ms: number;
  self: [string, number][];
  inclusive: [string, number][];
}

/**
 * What ran during each main-thread task, given the tasks' [start, duration] in performance.now() ms and
 * `anchor`, the page's performance.now() taken right after the profiler started (≈ profile.startTime).
 */
export function tasksIn(profile: CpuProfile, anchor: number, tasks: [number, number][], top = 12): BusyRun[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;
  const at: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) at.push((t += d));
  return tasks.map(([start, dur]) => {
    const from = profile.startTime + (start - anchor) * 1000;
    const to = from + dur * 1000;
    const idx: number[] = [];
    at.forEach((ts, i) => {
      if (ts >= from && ts <= to) idx.push(i);
    });
    return summarize(profile, byId, idx, dur, top);
  });
}

function summarize(
  profile: CpuProfile,
  byId: Map<number, ProfileNode>,
  idx: number[],
  ms: number,
  top: number,
): BusyRun {
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const i of idx) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    let node = byId.get(profile.samples[i]!);
    self.set(label(node!.callFrame), (self.get(label(node!.callFrame)) ?? 0) + dt);
    const seen = new Set<string>();
    while (node) {
      const l = label(node.callFrame);
      if (!seen.has(l)) incl.set(l, (incl.get(l) ?? 0) + dt);
      seen.add(l);
      node = node.parent === undefined ? undefined : byId.get(node.parent);
    }
  }
  const sorted = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => [k, Math.round(v)] as [string, number]);
  return { ms: Math.round(ms), self: sorted(self), inclusive: sorted(incl) };
}

/** The `count` longest runs of samples with no '(idle)' sample between them, each with its top functions. */
export function longestRuns(profile: CpuProfile, count = 3, top = 12): BusyRun[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;
  const runs: { from: number; to: number; ms: number }[] = [];
  let from = -1;
  let ms = 0;
  profile.samples.forEach((id, i) => {
    const idle = byId.get(id)!.callFrame.functionName === '(idle)';
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (idle) {
      if (from >= 0) runs.push({ from, to: i, ms });
      from = -1;
      ms = 0;
    } else {
      if (from < 0) from = i;
      ms += dt;
    }
  });
  if (from >= 0) runs.push({ from, to: profile.samples.length, ms });
  return runs
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map((r) =>
      summarize(
        profile,
        byId,
        Array.from({ length: r.to - r.from }, (_, k) => r.from + k),
        r.ms,
        top,
      ),
    );
}
