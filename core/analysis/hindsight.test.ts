import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './analyzer.ts';
import type { PacketResult } from './analyzer.ts';
import type { DecodedPacket } from '../decode/decoded-packet.ts';
import { exchange } from './testdata/packets.ts';

const C = { address: '10.0.0.1', port: 40000 };
const S = { address: '10.0.0.2', port: 80 };

/** Feeds the packets; returns each packet's states as `client/server` after every correction. */
function statesInHindsight(packets: DecodedPacket[]) {
  const a = createAnalyzer();
  const results: PacketResult[] = [];
  const corrected = new Set<number>();
  const open: (number | undefined)[] = [];
  for (const p of packets) {
    const r = a.add(p);
    results.push(r);
    for (const c of r.corrections ?? []) {
      results[c.packet - 1]!.analysis = c.analysis;
      corrected.add(c.packet);
    }
    open.push(a.oldestOpen());
  }
  const states = results.map((r) => `${r.analysis!.states!.client}/${r.analysis!.states!.server}`);
  const marked = results.flatMap((r, i) => (r.analysis!.corrected ? [i + 1] : []));
  return { states, corrected: [...corrected], marked, open };
}

describe('states true in hindsight', () => {
  it.each([
    {
      name: 'refused: the RST shows nothing listened, so the SYN row says server CLOSED',
      packets: () => {
        const x = exchange(C, S);
        return [
          x.c({ flags: ['SYN'], seq: 100 }),
          x.s({ flags: ['RST', 'ACK'], seq: 0, ack: 101 }),
        ];
      },
      states: ['SYN_SENT/CLOSED', 'CLOSED/CLOSED'],
      corrected: [1],
      open: [1, undefined],
    },
    {
      name: 'refused after a retransmitted SYN: every SYN row says server CLOSED',
      packets: () => {
        const x = exchange(C, S);
        return [
          x.c({ flags: ['SYN'], seq: 100 }),
          x.c({ flags: ['SYN'], seq: 100, dt: 1_000_000 }),
          x.s({ flags: ['RST', 'ACK'], seq: 0, ack: 101 }),
        ];
      },
      states: ['SYN_SENT/CLOSED', 'SYN_SENT/CLOSED', 'CLOSED/CLOSED'],
      corrected: [1, 2],
      open: [1, 1, undefined],
    },
    {
      name: 'a SYN sent again: the first was never answered, the server was still in LISTEN',
      packets: () => {
        const x = exchange(C, S);
        return [
          x.c({ flags: ['SYN'], seq: 100 }),
          x.c({ flags: ['SYN'], seq: 100, dt: 1_000_000 }),
          x.s({ flags: ['SYN', 'ACK'], seq: 500, ack: 101 }),
          x.c({ flags: ['ACK'], seq: 101, ack: 501 }),
        ];
      },
      states: [
        'SYN_SENT/LISTEN',
        'SYN_SENT/SYN_RECEIVED',
        'ESTABLISHED/SYN_RECEIVED',
        'ESTABLISHED/ESTABLISHED',
      ],
      corrected: [1],
      open: [1, 1, undefined, undefined],
    },
    {
      name: 'simultaneous open: the other side was opening too, not listening',
      packets: () => {
        const x = exchange(C, S);
        return [
          x.c({ flags: ['SYN'], seq: 100 }),
          x.s({ flags: ['SYN'], seq: 500 }),
          x.c({ flags: ['SYN', 'ACK'], seq: 100, ack: 501 }),
          x.s({ flags: ['SYN', 'ACK'], seq: 500, ack: 101 }),
        ];
      },
      states: [
        'SYN_SENT/SYN_SENT',
        'SYN_RECEIVED/SYN_RECEIVED',
        'SYN_RECEIVED/ESTABLISHED',
        'ESTABLISHED/ESTABLISHED',
      ],
      corrected: [1],
      open: [1, undefined, undefined, undefined],
    },
    {
      name: 'an answered SYN stands: nothing is corrected',
      packets: () => {
        const x = exchange(C, S);
        return [
          x.c({ flags: ['SYN'], seq: 100 }),
          x.s({ flags: ['SYN', 'ACK'], seq: 500, ack: 101 }),
          x.c({ flags: ['ACK'], seq: 101, ack: 501 }),
        ];
      },
      states: ['SYN_SENT/SYN_RECEIVED', 'ESTABLISHED/SYN_RECEIVED', 'ESTABLISHED/ESTABLISHED'],
      corrected: [],
      open: [1, undefined, undefined],
    },
  ])('$name', ({ packets, states, corrected, open }) => {
    const r = statesInHindsight(packets());
    expect(r.states).toEqual(states);
    expect(r.corrected).toEqual(corrected);
    expect(r.marked).toEqual(corrected);
    expect(r.open).toEqual(open);
  });

  it('keeps at most 8 SYN rows of one connection open', () => {
    const x = exchange(C, S);
    const packets = Array.from({ length: 12 }, () =>
      x.c({ flags: ['SYN'], seq: 100, dt: 1_000_000 }),
    );
    const r = statesInHindsight(packets);
    expect(r.open.at(-1)).toBe(5);
  });
});
