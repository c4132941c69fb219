/** Small synthetic TCP exchanges, each with what Wireshark says about some of its packets. */
import type { DecodedPacket } from '../../decode/decoded-packet.ts';
import type { PacketAnalysis } from '../packet-analysis.ts';
import { exchange } from './packets.ts';

export interface Scenario {
  name: string;
  packets: DecodedPacket[];
  /** Expected analysis fields by packet index (0-based); unlisted fields are not checked. */
  expected: Record<number, Partial<PacketAnalysis>>;
}

const C = { address: '127.0.0.1', port: 50000 };
const S = { address: '127.0.0.1', port: 8080 };

/** Client ISN 1000, server ISN 5000; window scaling only when `ws` is given. */
function handshake(ws?: number) {
  const x = exchange(C, S);
  const p = [
    x.c({ flags: ['SYN'], seq: 1000, window: 65535, wscale: ws }),
    x.s({ flags: ['SYN', 'ACK'], seq: 5000, ack: 1001, window: 65535, wscale: ws }),
    x.c({ flags: ['ACK'], seq: 1001, ack: 5001, window: 512 }),
  ];
  return { x, p };
}

function build(name: string, f: (h: ReturnType<typeof handshake>) => DecodedPacket[], expected: Scenario['expected'], ws?: number): Scenario {
  const h = handshake(ws);
  return { name, packets: [...h.p, ...f(h)], expected };
}

const data = (seq: number, len: number, dt?: number) =>
  ({ flags: ['PSH', 'ACK'], seq, ack: 5001, len, window: 512, dt }) as const;
const sack = (ack: number, window = 512, dt?: number) => ({ flags: ['ACK'], seq: 5001, ack, window, dt }) as const;

export const flagScenarios: Scenario[] = [
  build('retransmission', ({ x }) => [x.c({ ...data(1001, 10) }), x.c(data(1001, 10, 300_000))], {
    3: { analysis: undefined, seq: 1, nextSeq: 11 },
    4: { analysis: ['retransmission'], seq: 1 },
  }),
  build('spurious retransmission', ({ x }) => [x.c(data(1001, 10)), x.s(sack(1011)), x.c(data(1001, 10, 300_000))], {
    5: { analysis: ['spurious_retransmission', 'retransmission'] },
  }),
  build(
    'fast retransmission after an ACK and two duplicates',
    ({ x }) => [
      x.c(data(1001, 10)),
      x.c(data(1011, 10)),
      x.c(data(1021, 10)),
      x.s(sack(1011)),
      x.s(sack(1011)),
      x.s(sack(1011)),
      x.c(data(1011, 10)),
    ],
    {
      7: { analysis: ['duplicate_ack'], dupAckNum: 1 },
      8: { analysis: ['duplicate_ack'], dupAckNum: 2 },
      9: { analysis: ['fast_retransmission', 'retransmission'] },
    },
  ),
  build(
    'lost segment, then out of order',
    ({ x }) => [x.c(data(1001, 10)), x.c(data(1021, 10)), x.s(sack(1011, 512, 50)), x.c(data(1011, 10, 50))],
    { 4: { analysis: ['lost_segment'] }, 6: { analysis: ['out_of_order'] } },
  ),
  // Judged from the time of the segment that last moved nextseq on, even for bytes already sent
  // (tcpdump's bgp-shutdown-msg-variations.pcap: three SYNs with data within 3 ms).
  build(
    'a shorter copy soon after the segment that moved nextseq on: out of order',
    ({ x }) => [x.c(data(1001, 20)), x.c(data(1001, 10, 50)), x.c(data(1001, 5, 50))],
    { 4: { analysis: ['out_of_order'] }, 5: { analysis: ['out_of_order'] } },
  ),
  build('ACK of a segment never seen', ({ x }) => [x.c(data(1001, 10)), x.s(sack(1021))], {
    4: { analysis: ['ack_lost_segment'] },
  }),
  // tshark 4.0 flags an ACK past a hole again only once new data was seen beyond it; further ACKs
  // for the same hole are not flagged (seen on loopback captures whose kernel buffer dropped data).
  build(
    'ACK of a segment never seen, then data after the hole, its ACK, a FIN past it',
    ({ x }) => [
      x.c(data(1001, 10)),
      x.s(sack(1021)),
      x.c(data(1021, 10)),
      x.s(sack(1031)),
      x.s({ flags: ['FIN', 'ACK'], seq: 5001, ack: 1041, window: 512 }),
    ],
    {
      4: { analysis: ['ack_lost_segment'] },
      5: { analysis: ['lost_segment'] },
      6: { analysis: ['ack_lost_segment'] },
    },
  ),
  build(
    'ACKs past the same hole, a duplicate ACK between them',
    ({ x }) => [
      x.c(data(1001, 10)),
      x.s(sack(1021)),
      x.s(sack(1031)),
      x.c({ flags: ['ACK'], seq: 1011, ack: 5001, window: 512 }),
      x.s(sack(1041)),
    ],
    { 4: { analysis: ['ack_lost_segment'] }, 6: { analysis: ['duplicate_ack'], dupAckNum: 1 } },
  ),
  build(
    'zero window, probe and probe ACK',
    ({ x }) => [x.c(data(1001, 10)), x.s(sack(1011, 0)), x.c(data(1011, 1, 200_000)), x.s(sack(1011, 0))],
    {
      4: { analysis: ['zero_window'] },
      5: { analysis: ['zero_window_probe'] },
      6: { analysis: ['zero_window', 'zero_window_probe_ack'] },
    },
  ),
  build('window full', ({ x }) => [x.c(data(1001, 10)), x.s(sack(1011, 30)), x.c(data(1011, 30))], {
    5: { analysis: ['window_full'] },
  }),
  build('window update', ({ x }) => [x.c(data(1001, 10)), x.s(sack(1011, 100)), x.s(sack(1011, 200))], {
    5: { analysis: ['window_update'] },
  }),
  build(
    'keep-alive and its ACK',
    ({ x }) => [x.c(data(1001, 10)), x.s(sack(1011)), x.c({ ...data(1010, 0, 1_000_000), flags: ['ACK'] }), x.s(sack(1011))],
    { 5: { analysis: ['keep_alive'], seq: 10 }, 6: { analysis: ['keep_alive_ack'] } },
  ),
];

const WRAP = 0xfffffff0;

/** Relative numbers and window scaling. */
export const numberScenarios: Scenario[] = [
  (() => {
    const x = exchange(C, S);
    return {
      name: 'relative numbers across the 2^32 wrap, scaled windows',
      packets: [
        x.c({ flags: ['SYN'], seq: WRAP, window: 65535, wscale: 7 }),
        x.s({ flags: ['SYN', 'ACK'], seq: 7, ack: WRAP + 1, window: 65535, wscale: 2 }),
        x.c({ flags: ['ACK'], seq: WRAP + 1, ack: 8, window: 512 }),
        x.c({ flags: ['PSH', 'ACK'], seq: WRAP + 1, ack: 8, len: 100, window: 512 }),
        x.s({ flags: ['ACK'], seq: 8, ack: (WRAP + 101) >>> 0, window: 1000 }),
        x.c({ flags: ['FIN', 'ACK'], seq: (WRAP + 101) >>> 0, ack: 8, window: 512 }),
      ],
      expected: {
        0: { seq: 0, ack: undefined, nextSeq: 1, win: 65535 },
        1: { seq: 0, ack: 1, nextSeq: 1, win: 65535 },
        2: { seq: 1, ack: 1, nextSeq: 1, win: 512 * 128 },
        3: { seq: 1, ack: 1, nextSeq: 101, win: 512 * 128 },
        4: { seq: 1, ack: 101, win: 4000 },
        5: { seq: 101, nextSeq: 102 },
      },
    };
  })(),
  (() => {
    const x = exchange(C, S);
    return {
      name: 'no scaling when the SYN,ACK has no window scale',
      packets: [
        x.c({ flags: ['SYN'], seq: 1, window: 65535, wscale: 7 }),
        x.s({ flags: ['SYN', 'ACK'], seq: 9, ack: 2, window: 65535 }),
        x.c({ flags: ['ACK'], seq: 2, ack: 10, window: 512 }),
      ],
      expected: { 2: { win: 512 } },
    };
  })(),
  (() => {
    const x = exchange(C, S);
    return {
      name: 'mid-connection capture starts at 1, window unscaled',
      packets: [
        x.c({ flags: ['PSH', 'ACK'], seq: 123456, ack: 777, len: 10, window: 300 }),
        x.s({ flags: ['ACK'], seq: 777, ack: 123466, window: 400 }),
      ],
      expected: { 0: { seq: 1, ack: 1, nextSeq: 11, win: 300 }, 1: { seq: 1, ack: 11, win: 400 } },
    };
  })(),
];

/** Port reuse: the same ports, a second connection after the first closed; and a refused one. */
export const streamScenarios: Scenario[] = [
  (() => {
    const x = exchange(C, S);
    const conn = (c: number, s: number) => [
      x.c({ flags: ['SYN'], seq: c, window: 1000 }),
      x.s({ flags: ['SYN', 'ACK'], seq: s, ack: c + 1, window: 1000 }),
      x.c({ flags: ['ACK'], seq: c + 1, ack: s + 1, window: 1000 }),
      x.c({ flags: ['FIN', 'ACK'], seq: c + 1, ack: s + 1, window: 1000 }),
      x.s({ flags: ['FIN', 'ACK'], seq: s + 1, ack: c + 2, window: 1000 }),
      x.c({ flags: ['ACK'], seq: c + 2, ack: s + 2, window: 1000 }),
    ];
    return {
      name: 'port reuse opens a new stream',
      packets: [...conn(100, 200), ...conn(9100, 9200), x.c({ flags: ['SYN'], seq: 300, window: 1000 }), x.s({ flags: ['RST', 'ACK'], seq: 0, ack: 301, window: 0 })],
      expected: { 0: { stream: 0 }, 5: { stream: 0 }, 6: { stream: 1 }, 11: { stream: 1 }, 12: { stream: 2 }, 13: { stream: 2, seq: 1 } },
    };
  })(),
];
