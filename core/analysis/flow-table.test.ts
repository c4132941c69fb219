import { describe, it, expect } from 'vitest';
import type { Transport } from '../types.ts';
import { FlowTable, type FlowEnds } from './flow-table.ts';
import { newFlowRecord, type FlowRecord } from './flow-record.ts';
import { flowHash } from './flow-sides.ts';

const client = (port: number) => ({ address: '10.0.0.1', port });
const server = { address: '10.0.0.2', port: 80 };
const ends = (
  transport: Transport,
  srcAddress: string,
  sport: number,
  dstAddress: string,
  dport: number,
): FlowEnds => ({ transport, srcAddress, sport, dstAddress, dport });
/** Flows that all share one key, as flows whose hashes collide would. */
const flow = (port: number, key = 7): FlowRecord =>
  newFlowRecord(key, 'tcp', client(port), server, port, 0, true);

describe('FlowTable', () => {
  it('tells apart flows with the same key by their ends, in either direction', () => {
    const evicted: FlowRecord[] = [];
    const table = new FlowTable(10, (r) => evicted.push(r));
    const [a, b, c] = [flow(1000), flow(1001), flow(1002)];
    for (const r of [a, b, c]) table.put(r);
    expect(table.size).toBe(3);
    expect(table.touch(7, ends('tcp', '10.0.0.1', 1001, '10.0.0.2', 80))).toBe(b);
    expect(table.peek(7, ends('tcp', '10.0.0.2', 80, '10.0.0.1', 1000))).toBe(a);
    expect(table.peek(7, ends('udp', '10.0.0.1', 1000, '10.0.0.2', 80))).toBeUndefined();
    expect(table.peek(7, ends('tcp', '10.0.0.1', 1003, '10.0.0.2', 80))).toBeUndefined();
    // A new flow between the same ends retires the old one, wherever it was in the chain.
    const b2 = flow(1001);
    table.put(b2);
    expect(evicted).toEqual([b]);
    expect(table.size).toBe(3);
    for (const [port, rec] of [
      [1000, a],
      [1001, b2],
      [1002, c],
    ] as const)
      expect(table.peek(7, ends('tcp', '10.0.0.1', port, '10.0.0.2', 80))).toBe(rec);
    expect([...table.values()]).toEqual([a, c, b2]);
  });

  it('drops the least recently used past its cap, unlinking it from its key', () => {
    const table = new FlowTable(2, () => {});
    const [a, b, c] = [flow(1000), flow(1001), flow(1002)];
    table.put(a);
    table.put(b);
    table.touch(7, ends('tcp', '10.0.0.1', 1000, '10.0.0.2', 80));
    table.put(c);
    expect(table.size).toBe(2);
    expect(table.peek(7, ends('tcp', '10.0.0.1', 1001, '10.0.0.2', 80))).toBeUndefined();
    expect(table.peek(7, ends('tcp', '10.0.0.1', 1000, '10.0.0.2', 80))).toBe(a);
    expect(table.peek(7, ends('tcp', '10.0.0.1', 1002, '10.0.0.2', 80))).toBe(c);
  });
});

describe('flowHash', () => {
  it('is the same both ways, a small non-negative integer, and differs by transport', () => {
    const h = flowHash('tcp', '10.0.0.1', 1000, '10.0.0.2', 80);
    expect(flowHash('tcp', '10.0.0.2', 80, '10.0.0.1', 1000)).toBe(h);
    expect(Number.isInteger(h) && h >= 0 && h < 2 ** 30).toBe(true);
    expect(flowHash('udp', '10.0.0.1', 1000, '10.0.0.2', 80)).not.toBe(h);
    expect(flowHash('tcp', '10.0.0.1', 1001, '10.0.0.2', 80)).not.toBe(h);
  });
});
