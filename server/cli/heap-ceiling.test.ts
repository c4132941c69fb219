/** The heap ceiling collects once garbage passes the slack, and caps the young generation. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createHeapCeiling } from './heap-ceiling.ts';

const used = () => v8.getHeapStatistics().used_heap_size;

describe('createHeapCeiling', () => {
  it('brings the heap back near what is live once garbage passes the slack', () => {
    const slack = 16 * 2 ** 20;
    const ceiling = createHeapCeiling(slack);
    const start = used();
    // Arrays held until they pass the slack (a collection meanwhile cannot take them), then
    // dropped all at once: garbage in old space that only a full collection gives back.
    const held: number[][][] = [];
    for (let round = 0; round < 40 && used() < start + slack * 2; round++) {
      held.push(Array.from({ length: 2000 }, (_, i) => new Array(200).fill(i)));
    }
    expect(used()).toBeGreaterThan(start + slack);
    held.length = 0;
    ceiling.check();
    expect(used()).toBeLessThan(start + slack);
  });

  it('keeps the young generation to its cap', () => {
    const largest = (cap?: number) => {
      const script = path.join(import.meta.dirname, 'testdata/young-cap.ts');
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', script, ...(cap ? [String(cap)] : [])],
        {
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(run.stderr).toBe('');
      return Number(run.stdout);
    };
    // Uncapped, V8 grows it past 8 MB under this load; capped at 8 MB, it stops there.
    expect(largest()).toBeGreaterThan(8);
    expect(largest(8)).toBeLessThanOrEqual(8);
  });
});
