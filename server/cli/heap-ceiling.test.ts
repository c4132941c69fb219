/** The heap ceiling collects once garbage passes the slack. */
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
});
