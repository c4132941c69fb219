/**
 * A performance trace of a page for a while (Chrome DevTools Protocol Tracing): the self time of
 * each kind of work on the renderer's main thread (script, style, layout, paint, garbage
 * collection…) per frame drawn, so a benchmark can say where each frame's time goes. Times are
 * the thread's CPU time where the trace has it, so other programs on the machine do not count.
 */
import type { Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** CPU time of the thread in the slice (µs): what it cost, whatever else the machine ran. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Trace event names → the kind of work they are (events not listed count as "other"). */
const KIND: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.compile': 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  TimerFire: 'script',
  RunMicrotasks: 'script',
  'V8.Execute': 'script',
  UpdateLayoutTree: 'style',
  ParseHTML: 'style',
  Layout: 'layout',
  HitTest: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  UpdateLayerTree: 'paint',
  CompositeLayers: 'paint',
  Commit: 'paint',
};

/** V8's and Blink's collections come under many names (V8.GC_SCAVENGER_SCAVENGE_PARALLEL…). */
function kindOf(name: string): string | undefined {
  return KIND[name] ?? (/^(V8\.GC|BlinkGC)|GC$/.test(name) ? 'gc' : undefined);
}

export interface TraceSummary {
  /** Milliseconds traced. */
  ms: number;
  /** Kind of work → main-thread self milliseconds, biggest first. */
  kinds: [string, number][];
  /** Trace event name → main-thread self milliseconds, biggest first. */
  names: [string, number][];
  /** Main-thread milliseconds, all kinds together (idle excluded). */
  busy: number;
  /** Main-thread milliseconds of each frame (from one animation frame callback to the next). */
  frames: number[];
}

/** Traces the page while `during()` runs. */
export async function traceSummary(
  page: Page,
  during: () => Promise<unknown>,
): Promise<TraceSummary> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  // The protocol types trace events as string maps; they carry numbers (ts, dur…).
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    categories: [
      'devtools.timeline',
      'disable-by-default-devtools.timeline',
      'disable-by-default-devtools.timeline.frame',
      'v8',
      'blink.user_timing',
    ].join(','),
    transferMode: 'ReportEvents',
  });
  await during();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  return summarize(events);
}

export function summarize(events: readonly TraceEvent[]): TraceSummary {
  // The renderer's main thread: the CrRendererMain with the most complete events.
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const count = new Map<string, number>();
  for (const e of events)
    if (e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`))
      count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
  const slices = events
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && (e.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

  // Self time: each slice's time minus that of the slices nested in it.
  const self = new Map<string, number>();
  const byName = new Map<string, number>();
  const stack: { end: number; kind: string; name: string }[] = [];
  let busy = 0;
  const frames: number[] = [];
  let top = 0;
  const close = (upTo: number) => {
    while (stack.length > 0 && stack.at(-1)!.end <= upTo) stack.pop();
  };
  const ts = slices.map((e) => e.ts);
  for (const e of slices) {
    close(e.ts);
    const dur = e.tdur ?? e.dur!;
    const parent = stack.at(-1);
    // A slice without a kind takes its parent's (V8 internals inside a script call are script).
    const kind = kindOf(e.name) ?? parent?.kind ?? 'other';
    // A frame starts with the task that runs its animation frame callbacks.
    const raf = e.name === 'FireAnimationFrame';
    if (!parent) top = dur / 1000;
    if (!parent && !raf && frames.length > 0) frames[frames.length - 1]! += top;
    if (raf && parent && frames.length > 0) frames[frames.length - 1]! -= top;
    if (raf) frames.push(top);
    if (parent) {
      self.set(parent.kind, (self.get(parent.kind) ?? 0) - dur);
      byName.set(parent.name, (byName.get(parent.name) ?? 0) - dur);
    } else busy += dur;
    self.set(kind, (self.get(kind) ?? 0) + dur);
    byName.set(e.name, (byName.get(e.name) ?? 0) + dur);
    stack.push({ end: e.ts + e.dur!, kind, name: e.name });
  }
  const ms = ts.length > 1 ? (ts.at(-1)! - ts[0]!) / 1000 : 0;
  const ranked = (m: Map<string, number>) =>
    [...m]
      .map(([k, us]) => [k, us / 1000] as [string, number])
      .filter(([, v]) => v > 0.5)
      .sort((a, b) => b[1] - a[1]);
  return { ms, kinds: ranked(self), names: ranked(byName), busy: busy / 1000, frames };
}

/** One line per `frames` frames: "main thread 12.3 ms a frame: script 5.1, layout 3.0, …". */
export function traceLine(s: TraceSummary, frames: number): string {
  const n = Math.max(1, frames);
  const sorted = [...s.frames].sort((a, b) => a - b);
  const q = (p: number) =>
    (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(1);
  return (
    `main thread ${(s.busy / n).toFixed(1)} ms a frame (${frames} frames in ` +
    `${(s.ms / 1000).toFixed(1)} s): ` +
    s.kinds.map(([k, v]) => `${k} ${(v / n).toFixed(1)}`).join(', ') +
    `; by frame p50 ${q(0.5)}, p90 ${q(0.9)}, max ${q(1)} ms`
  );
}
