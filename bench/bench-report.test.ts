/** The table and JSON of `npm run bench`: figures beside targets, missing ones as null. */
import { describe, expect, it } from 'vitest';
import { benchJson, benchTable } from './bench-report.ts';
import type { BenchRow } from './bench-row.ts';

const rows: BenchRow[] = [
  { key: 'a_ms', figure: 1234, unit: 'ms', target: 2000, kind: 'atMost', reference: 'was 5 s' },
  { key: 'b_x', figure: 2.5, unit: 'x', target: 3, kind: 'atLeast', reference: 'tshark 9 s' },
  {
    key: 'c_fps',
    figure: null,
    unit: 'fps',
    target: 50,
    kind: 'atLeast',
    reference: '',
    note: 'not there yet',
  },
];

describe('bench report', () => {
  it('JSON has every key, null where missing', () => {
    expect(benchJson(rows)).toEqual({ a_ms: 1234, b_x: 2.5, c_fps: null });
  });

  it('table prints each figure beside its target and whether it is met', () => {
    const lines = benchTable(rows, new Map([['a_ms', 'first draw']])).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^a_ms\s+first draw\s+1,234 ms\s+<= 2,000 ms\s+yes\s+was 5 s$/);
    expect(lines[2]).toMatch(/^b_x\s+2\.50 x\s+>= 3 x\s+NO\s+tshark 9 s$/);
    expect(lines[3]).toMatch(/^c_fps\s+missing\s+>= 50 fps\s+-\s+not there yet$/);
  });
});
