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
    expect(pool.take('udp')).toBe(u);
    for (const r of [t1, t2, u]) expect(pool.take(r.summary.transport)).not.toBe(r);
  });

  it('makes a blank flow when none is left, of the same hidden class as a renewed one', () => {
    const pool = new FlowReusePool();
    const fresh = newFlowRecord(1, 'tcp', C, S, 0, 0, true);
    fresh.summary.responseTime = 5; // set later on a flow made new: its keys come in another order
    const keys = (r: ReturnType<typeof flow>) => [
      Object.keys(r),
      Object.keys(r.summary),
      Object.keys(r.tcp ?? {}),
    ];
    const renew = (spare: ReturnType<typeof flow>) =>
      newFlowRecord(2, 'tcp', C, S, 1, 10, true, spare, '');
    const blank = renew(pool.take('tcp'));
    pool.giveBack(blank);
    const again = renew(pool.take('tcp'));
    expect(again).toBe(blank);
    expect(keys(blank)).toEqual(keys(renew(pool.take('tcp'))));
    expect(keys(blank)).not.toEqual(keys(fresh));
    expect(renew(new FlowReusePool().take('udp'))).toEqual(
      newFlowRecord(2, 'tcp', C, S, 1, 10, true, undefined, ''),
    );
  });

  it("takes a flow's phase entries and leaves its phase list empty, the same list", () => {
    const pool = new FlowReusePool();
    const rec = flow('tcp', 3);
    const list = rec.summary.phases;
    const entries = [...list].reverse();
    pool.giveBack(rec);
    expect(rec.summary.phases).toBe(list);
    expect(list).toEqual([]);
    expect(pool.phaseEntries).toEqual(entries);
    expect(pool.phaseEntries[0]).toBe(entries[0]);
  });

  it('keeps at most MAX_SPARE_FLOWS flows per transport and MAX_SPARE_PHASES entries', () => {
    const pool = new FlowReusePool();
    const given = new Set<object>();
    for (let i = 0; i < MAX_SPARE_FLOWS + 5; i++) {
      const rec = flow('tcp', 5);
      given.add(rec);
      pool.giveBack(rec);
    }
    const u = flow('udp');
    pool.giveBack(u);
    let kept = 0;
    for (let i = 0; i < MAX_SPARE_FLOWS + 5; i++) if (given.has(pool.take('tcp'))) kept++;
    expect(kept).toBe(MAX_SPARE_FLOWS);
    expect(pool.take('udp')).toBe(u);
    expect(pool.phaseEntries.length).toBe(MAX_SPARE_PHASES);
  });

  it('pools are separate', () => {
    const a = new FlowReusePool();
    const b = new FlowReusePool();
    const rec = flow('tcp', 1);
    a.giveBack(rec);
    expect(b.take('tcp')).not.toBe(rec);
    expect(b.phaseEntries).toEqual([]);
  });
});
