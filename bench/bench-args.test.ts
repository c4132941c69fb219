/** Flags of `npm run bench`: every key by default, subsets in print order, one-line errors. */
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './bench-args.ts';
import { BENCH_KEYS } from './bench-modules.ts';

describe('parseBenchArgs', () => {
  it.each([
    { name: 'no flags: every key, as a table', argv: [], json: false, keys: BENCH_KEYS },
    { name: '--json', argv: ['--json'], json: true, keys: BENCH_KEYS },
    {
      name: '--only with several keys, kept in print order',
      argv: ['--only', 'analyze_peak_mb', 'live_fps'],
      json: false,
      keys: ['live_fps', 'analyze_peak_mb'],
    },
    {
      name: '--only repeated and comma lists',
      argv: ['--json', '--only', 'big_heap_mb,fanout_lost', '--only', 'live_p50_ms'],
      json: true,
      keys: ['live_p50_ms', 'fanout_lost', 'big_heap_mb'],
    },
  ])('$name', ({ argv, json, keys }) => {
    expect(parseBenchArgs(argv)).toEqual({ json, keys });
  });

  it('has exactly the keys of the benchmark table, once each', () => {
    expect(BENCH_KEYS).toEqual([
      'live_p50_ms',
      'live_p99_ms',
      'live_fps',
      'fanout_p99_ms',
      'fanout_lost',
      'fanout5k_p99_ms',
      'fanout_redis_p99_ms',
      'fanout_redis_lost',
      'big_first_draw_ms',
      'big_scroll_fps',
      'big_heap_mb',
      'analyze_vs_tshark',
      'analyze_peak_mb',
      'share_seconds',
      'share_rtt_p50_ms',
      'share_rtt_p99_ms',
      'share_rss_mb',
    ]);
  });

  it.each([
    [['--only', 'nope'], /unknown key "nope"/],
    [['analyze_peak_mb'], /keys go after --only/],
    [['--bogus'], /bogus/],
  ])('%j is refused in one line', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
});
