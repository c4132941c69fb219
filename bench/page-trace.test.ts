import { describe, expect, it } from 'vitest';
import { summarize, traceLine } from './page-trace.ts';

const meta = (tid: number, name: string) => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  pid: 1,
  tid,
  args: { name },
});
/** A complete slice on thread `tid` from `ts` for `dur` µs (CPU time `tdur`, if given). */
const slice = (name: string, ts: number, dur: number, tid = 7, tdur?: number) => ({
  name,
  ph: 'X',
  ts,
  dur,
  pid: 1,
  tid,
  ...(tdur === undefined ? {} : { tdur }),
});

describe('summarize', () => {
  it('splits nested slices into self times by kind and by name, on the main thread only', () => {
    const s = summarize([
      meta(7, 'CrRendererMain'),
      meta(9, 'Compositor'),
      // Frame 1: a task running animation frame callbacks (2 ms of script, 1 ms of forced
      // layout), then style, then paint.
      slice('ThreadControllerImpl::RunTask', 0, 10_000),
      slice('FireAnimationFrame', 100, 3000),
      slice('Layout', 1000, 1000),
      slice('UpdateLayoutTree', 4000, 2000),
      slice('Paint', 7000, 2000),
      // Frame 2: only 4 ms of script, of which 1 ms of a scavenge.
      slice('ThreadControllerImpl::RunTask', 20_000, 5000),
      slice('FireAnimationFrame', 20_100, 4000),
      slice('V8.GC_SCAVENGER_SCAVENGE_PARALLEL', 21_000, 1000),
      // Another thread: not counted.
      slice('Paint', 0, 50_000, 9),
    ]);
    expect(Object.fromEntries(s.kinds)).toEqual({
      script: 5,
      other: 4, // the tasks' time outside any slice of a known kind
      style: 2,
      paint: 2,
      layout: 1,
      gc: 1,
    });
    expect(s.names[0]).toEqual(['FireAnimationFrame', 5]);
    expect(s.busy).toBe(15);
    expect(s.frames).toEqual([10, 5]);
    expect(traceLine(s, 2)).toBe(
      'main thread 7.5 ms a frame (2 frames in 0.0 s): script 2.5, other 2.0, style 1.0, ' +
        'paint 1.0, layout 0.5, gc 0.5; by frame p50 10.0, p90 10.0, max 10.0 ms',
    );
  });

  it("counts a slice's thread CPU time when the trace has it, not the time it waited", () => {
    const s = summarize([
      meta(7, 'CrRendererMain'),
      slice('FireAnimationFrame', 0, 10_000, 7, 4000),
      slice('Layout', 1000, 6000, 7, 1000),
    ]);
    expect(Object.fromEntries(s.kinds)).toEqual({ script: 3, layout: 1 });
    expect(s.busy).toBe(4);
  });
});
