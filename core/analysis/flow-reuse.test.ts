import { describe, it, expect } from 'vitest';
import { FlowReusePool, MAX_SPARE_FLOWS, MAX_SPARE_PHASES } from './flow-reuse.ts';
import { newFlowRecord } from './flow-record.ts';
import type { Transport } from '../types.ts';

const C = { address: '127.0.0.1', port: 50000 };
const S = { address: '127.0.0.1', port: 8080 };
const flow = (transport: Transport, phases = 0) => {
  const rec = newFlowRecord(1, transport, C, S, 0, 0, false);
  for (let i = 0; i < phases; i++)
    rec.summary.phases.push({
      phase: 'data',
      start: i,
      end: i,
      packets: 1,
      bytesC2S: 0,
      bytesS2C: 0,
    });
  return rec;
};

describe('FlowReusePool', () => {
  it('gives back a dropped flow of the same transport only, newest first', () => {
    const pool = new FlowReusePool();
    const [t1, t2, u] = [flow('tcp'), flow('tcp'), flow('udp')];
    for (const r of [t1, u, t2]) pool.giveBack(r);
    expect(pool.take('tcp')).toBe(t2);
    expect(pool.take('tcp')).toBe(t1);
    expect(pool.take('tcp')).toBeUndefined();
    expect(pool.take('udp')).toBe(u);
  });

  it("takes a flow's phase entries and leaves its phase list empty", () => {
    const pool = new FlowReusePool();
    const rec = flow('tcp', 3);
    const entries = [...rec.summary.phases];
    pool.giveBack(rec);
    expect(rec.summary.phases).toEqual([]);
    expect(pool.phaseEntries).toEqual(entries);
    expect(pool.phaseEntries[0]).toBe(entries[0]);
  });

  it('keeps at most MAX_SPARE_FLOWS flows per transport and MAX_SPARE_PHASES entries', () => {
    const pool = new FlowReusePool();
    for (let i = 0; i < MAX_SPARE_FLOWS + 5; i++) pool.giveBack(flow('tcp', 5));
    pool.giveBack(flow('udp'));
    let tcp = 0;
    while (pool.take('tcp')) tcp++;
    expect(tcp).toBe(MAX_SPARE_FLOWS);
    expect(pool.take('udp')).toBeDefined();
    expect(pool.phaseEntries.length).toBe(MAX_SPARE_PHASES);
  });

  it('pools are separate', () => {
    const a = new FlowReusePool();
    const b = new FlowReusePool();
    a.giveBack(flow('tcp', 1));
    expect(b.take('tcp')).toBeUndefined();
    expect(b.phaseEntries).toEqual([]);
  });
});
