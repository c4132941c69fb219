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

  it('acknowledged bytes sent again name their original among the last 32 acknowledged only', () => {
    const x = exchange({ address: '10.0.0.1', port: 40000 }, { address: '10.0.0.2', port: 80 });
    const ps = [
      x.c({ flags: ['SYN'], seq: 0 }),
      x.s({ flags: ['SYN', 'ACK'], seq: 5000, ack: 1 }),
      x.c({ flags: ['ACK'], seq: 1, ack: 5001 }),
    ];
    // 40 segments of 10 bytes, each acknowledged before the next (packets 4, 6, … 82).
    for (let i = 0; i < 40; i++) {
      ps.push(x.c({ flags: ['ACK', 'PSH'], seq: 1 + 10 * i, ack: 5001, len: 10 }));
      ps.push(x.s({ flags: ['ACK'], seq: 5001, ack: 11 + 10 * i }));
    }
    const resend = (i: number) =>
      ps.push(x.c({ flags: ['ACK', 'PSH'], seq: 1 + 10 * i, ack: 5001, len: 10 }));
    resend(39); // the last acknowledged: packet 82
    resend(8); // the oldest of the last 32: packet 20
    resend(7); // acknowledged before those 32: forgotten
    const o = origins(ps);
    expect(Object.keys(o)).toEqual(['83', '84']);
    expect([o[83]!.original, o[84]!.original]).toEqual([82, 20]);
  });

  it('new data is no retransmission', () => {
    const ps = scenario('window full');
    expect(origins(ps)).toEqual({});
  });
});
