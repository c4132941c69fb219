/**
 * The benchmark modules of `npm run bench`, each with the keys it measures, in print order. A
 * module whose file is not there yet prints its keys as missing.
 */
import type { BenchRow, TargetKind } from './bench-row.ts';

export interface BenchKeySpec {
  key: string;
  unit: string;
  target: number;
  kind: TargetKind;
  /** What the figure means, for the table. */
  label: string;
}

export interface BenchModuleSpec {
  /** File name in bench/, exporting `rows(keys)` (see BenchModule). */
  file: string;
  keys: BenchKeySpec[];
}

const spec = (
  key: string,
  unit: string,
  kind: TargetKind,
  target: number,
  label: string,
): BenchKeySpec => ({ key, unit, kind, target, label });

export const BENCH_MODULES: BenchModuleSpec[] = [
  {
    file: 'live-page.ts',
    keys: [
      spec('live_p50_ms', 'ms', 'atMost', 100, 'page: new step drawn, p50 (1,000/s, 1M held)'),
      spec('live_p99_ms', 'ms', 'atMost', 100, 'page: new step drawn, p99 (1,000/s, 1M held)'),
      spec('live_fps', 'fps', 'atLeast', 50, 'page: frames per second meanwhile'),
    ],
  },
  {
    file: 'live-fanout.ts',
    keys: [
      spec('fanout_p99_ms', 'ms', 'atMost', 25, 'server: 200 viewers at 1,000 steps/s, p99'),
      spec('fanout_lost', 'lost', 'atMost', 0, 'server: 200 viewers at 1,000 steps/s, lost'),
      spec('fanout5k_p99_ms', 'ms', 'atMost', 250, 'server: 200 viewers at 5,000 steps/s, p99'),
      spec(
        'fanout_redis_p99_ms',
        'ms',
        'atMost',
        25,
        '2 processes + Redis: 200 viewers, 1,000/s, p99',
      ),
      spec(
        'fanout_redis_lost',
        'lost',
        'atMost',
        0,
        '2 processes + Redis: 200 viewers, 1,000/s, lost',
      ),
    ],
  },
  {
    file: 'big-file.ts',
    keys: [
      spec('big_first_draw_ms', 'ms', 'atMost', 2000, 'page: 1M-packet file, first screenful'),
      spec('big_scroll_fps', 'fps', 'atLeast', 50, 'page: 1M-packet file, scrolling'),
      spec('big_heap_mb', 'MB', 'atMost', 400, 'page: 1M-packet file, JS heap after GC'),
    ],
  },
  {
    file: 'analyze.ts',
    keys: [
      spec('analyze_vs_tshark', 'x', 'atLeast', 3, 'analyze, 500k packets: speed vs tshark'),
      spec('analyze_peak_mb', 'MB', 'atMost', 150, 'analyze, 500k packets: peak RSS'),
    ],
  },
  {
    file: 'share.ts',
    keys: [
      spec('share_seconds', 's', 'atMost', 60, 'server: 60 MB, 900,000-stream capture shared'),
      spec('share_rtt_p50_ms', 'ms', 'atMost', 200, 'server: page round trip during it, p50'),
      spec('share_rtt_p99_ms', 'ms', 'atMost', 200, 'server: page round trip during it, p99'),
      spec('share_rss_mb', 'MB', 'atMost', 300, 'server: RSS growth during it'),
    ],
  },
];

export const BENCH_KEYS: string[] = BENCH_MODULES.flatMap((m) => m.keys.map((k) => k.key));

/** The row printed for a key that was not measured. */
export function missingRow(spec: BenchKeySpec, note: string): BenchRow {
  const { key, unit, target, kind } = spec;
  return { key, figure: null, unit, target, kind, reference: '', note };
}
