import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './analyzer.ts';
import type { RetransmitOrigin } from './retransmit-origin.ts';
import { exchange } from './testdata/packets.ts';
import { flagScenarios } from './testdata/scenarios.ts';

/** Each packet's `retransmits`, by index, for the packets that have one. */
function origins(packets: Parameters<ReturnType<typeof createAnalyzer>['add']>[0][]) {
  const a = createAnalyzer();
  const out: Record<number, RetransmitOrigin> = {};
  packets.forEach((p, i) => {
    const r = a.add(p).analysis?.retransmits;
    if (r) out[i] = r;
  });
  return out;
}

const scenario = (name: string) => flagScenarios.find((s) => s.name === name)!.packets;

describe('where a retransmission comes from', () => {
  it('a timeout: the original packet, how long ago, first try', () => {
    const ps = scenario('spurious retransmission'); // data (3), its ACK (4), the data again (5)
    expect(origins(ps)).toEqual({
      5: {
        original: 4,
        sinceUs: ps[5]!.time - ps[3]!.time,
        sincePreviousUs: ps[5]!.time - ps[3]!.time,
        attempt: 1,
        trigger: 'timeout',
      },
    });
  });

  it('a fast retransmission: after how many duplicate ACKs', () => {
    const ps = scenario('fast retransmission after an ACK and two duplicates');
    expect(origins(ps)[9]).toMatchObject({
      original: 5, // the second data segment (index 4) is the one resent
      attempt: 1,
      trigger: 'duplicate_acks',
      dupAcks: 2,
    });
  });

  it('a SYN tried three times: each names the first, the waits double', () => {
    const x = exchange({ address: '10.0.0.1', port: 40000 }, { address: '10.0.0.2', port: 80 });
    const syn = (dt: number) => x.c({ flags: ['SYN'], seq: 7, window: 64240, dt });
    const ps = [syn(100), syn(1_000_000), syn(2_000_000), syn(4_000_000)];
    const o = origins(ps);
    expect(Object.keys(o)).toEqual(['1', '2', '3']);
    expect([1, 2, 3].map((i) => o[i]!.original)).toEqual([1, 1, 1]);
    expect([1, 2, 3].map((i) => o[i]!.attempt)).toEqual([1, 2, 3]);
    expect([1, 2, 3].map((i) => o[i]!.sincePreviousUs)).toEqual([1_000_000, 2_000_000, 4_000_000]);
    expect(o[3]!.sinceUs).toBe(7_000_000);
  });

  it('new data is no retransmission', () => {
    const ps = scenario('window full');
    expect(origins(ps)).toEqual({});
  });
});
