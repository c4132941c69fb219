import { describe, it, expect } from 'vitest';
import { createAnalyzer } from './analyzer.ts';
import { exchange, icmpUnreachable, tcpPacket } from './testdata/packets.ts';
import { CLOSED_LINGER_US } from './flow-table.ts';
import { flagScenarios, numberScenarios, streamScenarios } from './testdata/scenarios.ts';
import type { DecodedPacket } from '../decode/decoded-packet.ts';

const C = { address: '127.0.0.1', port: 50000 };
const S = { address: '127.0.0.1', port: 8080 };

/** A whole connection: handshake, one request and reply, server closes first. */
function connection(x: ReturnType<typeof exchange>, cIsn: number, sIsn: number) {
  return [
    x.c({ flags: ['SYN'], seq: cIsn }),
    x.s({ flags: ['SYN', 'ACK'], seq: sIsn, ack: cIsn + 1, dt: 40 }),
    x.c({ flags: ['ACK'], seq: cIsn + 1, ack: sIsn + 1, dt: 30 }),
    x.c({ flags: ['PSH', 'ACK'], seq: cIsn + 1, ack: sIsn + 1, len: 5, dt: 1000 }),
    x.s({ flags: ['ACK'], seq: sIsn + 1, ack: cIsn + 6 }),
    x.s({ flags: ['PSH', 'ACK'], seq: sIsn + 1, ack: cIsn + 6, len: 5, dt: 400 }),
    x.c({ flags: ['ACK'], seq: cIsn + 6, ack: sIsn + 6 }),
    x.s({ flags: ['FIN', 'ACK'], seq: sIsn + 6, ack: cIsn + 6, dt: 2000 }),
    x.c({ flags: ['FIN', 'ACK'], seq: cIsn + 6, ack: sIsn + 7 }),
    x.s({ flags: ['ACK'], seq: sIsn + 7, ack: cIsn + 7 }),
  ];
}

describe('stream numbering', () => {
  const table = [
    { name: 'a new ISN after FIN starts a new stream', isns: [1000, 90000], expected: [0, 1] },
    {
      name: 'the same ISN after FIN also starts one (the old stream saw FIN)',
      isns: [1000, 1000],
      expected: [0, 1],
    },
  ];
  for (const { name, isns, expected } of table) {
    it(name, () => {
      const a = createAnalyzer();
      const x = exchange(C, S);
      const streams = isns.map((isn) =>
        connection(x, isn, 7000).map((p) => a.add(p).analysis!.stream),
      );
      expect(streams.map((s) => new Set(s).size)).toEqual([1, 1]);
      expect(streams.map((s) => s[0])).toEqual(expected);
    });
  }

  it('a retransmitted SYN stays in its stream; other ports get the next number', () => {
    const a = createAnalyzer();
    const x = exchange(C, S);
    const y = exchange({ address: '127.0.0.1', port: 50001 }, S);
    const got = [
      a.add(x.c({ flags: ['SYN'], seq: 5 })),
      a.add(x.c({ flags: ['SYN'], seq: 5, dt: 1_000_000 })),
      a.add(y.c({ flags: ['SYN'], seq: 9 })),
    ].map((r) => r.analysis!.stream);
    expect(got).toEqual([0, 0, 1]);
  });

  it('a SYN with a new ISN on an open connection starts a new stream too', () => {
    const a = createAnalyzer();
    const x = exchange(C, S);
    a.add(x.c({ flags: ['SYN'], seq: 5 }));
    expect(a.add(x.c({ flags: ['SYN'], seq: 50 })).analysis!.stream).toBe(1);
  });

  it('UDP streams count separately from TCP', () => {
    const a = createAnalyzer();
    const x = exchange(C, S);
    a.add(x.c({ flags: ['SYN'], seq: 5 }));
    const u = exchange({ address: '127.0.0.1', port: 40000 }, { address: '127.0.0.1', port: 9000 });
    const r = [a.add(u.udp(true, 4)), a.add(u.udp(false, 4))];
    expect(r.map((x) => x.analysis)).toEqual([
      { stream: 0, from: 'client', phase: 'data' },
      { stream: 0, from: 'server', phase: 'data' },
    ]);
    expect(r[0]!.conv).toBe('udp 127.0.0.1:40000 > 127.0.0.1:9000');
  });
});

describe('client and server', () => {
  const v6 = { address: '::1', port: 8080 };
  const table = [
    {
      name: 'the SYN sender is the client',
      pkt: tcpPacket(S, C, { flags: ['SYN'], seq: 1 }, 1),
      conv: 'tcp 127.0.0.1:8080 > 127.0.0.1:50000',
    },
    {
      name: 'the SYN,ACK receiver is the client',
      pkt: tcpPacket(S, C, { flags: ['SYN', 'ACK'], seq: 1, ack: 1 }, 1),
      conv: 'tcp 127.0.0.1:50000 > 127.0.0.1:8080',
    },
    {
      name: 'no SYN: the higher port is the client',
      pkt: tcpPacket(S, C, { flags: ['ACK'], seq: 1, ack: 1 }, 1),
      conv: 'tcp 127.0.0.1:50000 > 127.0.0.1:8080',
    },
    {
      name: 'no SYN: a server port wins over port order',
      ports: [50000],
      pkt: tcpPacket(S, C, { flags: ['ACK'], seq: 1, ack: 1 }, 1),
      conv: 'tcp 127.0.0.1:8080 > 127.0.0.1:50000',
    },
    {
      name: 'IPv6 endpoints in brackets',
      pkt: tcpPacket({ address: '::1', port: 40000 }, v6, { flags: ['SYN'], seq: 1 }, 1),
      conv: 'tcp [::1]:40000 > [::1]:8080',
    },
  ];
  for (const { name, pkt, conv, ports } of table) {
    it(name, () => expect(createAnalyzer({ serverPorts: ports }).add(pkt).conv).toBe(conv));
  }

  it('UDP: the first sender is the client unless the other port is a server port', () => {
    const u = exchange({ address: '127.0.0.1', port: 9000 }, { address: '127.0.0.1', port: 40000 });
    expect(createAnalyzer().add(u.udp(true, 1)).conv).toBe('udp 127.0.0.1:9000 > 127.0.0.1:40000');
    expect(createAnalyzer({ serverPorts: [9000] }).add(u.udp(true, 1)).conv).toBe(
      'udp 127.0.0.1:40000 > 127.0.0.1:9000',
    );
  });
});

describe('ICMP errors', () => {
  it('belong to the UDP flow they quote', () => {
    const a = createAnalyzer();
    const cl = { address: '127.0.0.1', port: 40000 };
    const sv = { address: '127.0.0.1', port: 9 };
    const u = exchange(cl, sv);
    const first = a.add(u.udp(true, 3));
    const err = a.add(icmpUnreachable(cl, sv, u.now() + 10));
    expect(err).toEqual({ conv: first.conv, analysis: { stream: 0, from: 'server' } });
    expect(a.conversations()[0]!.packets).toBe(1);
  });

  it('quoting an unknown flow, get nothing', () => {
    expect(createAnalyzer().add(icmpUnreachable(C, S, 5, 'TCP'))).toEqual({});
  });
});

describe('conversation summary', () => {
  it('counts, phases, RTTs and states of a whole connection', () => {
    const a = createAnalyzer();
    const x = exchange(C, S, 0);
    const phases = connection(x, 1000, 7000).map((p) => a.add(p).analysis!.phase);
    expect(phases).toEqual([
      'setup',
      'setup',
      'setup',
      'data',
      'data',
      'data',
      'data',
      'close',
      'close',
      'close',
    ]);
    const [s] = a.conversations();
    expect(s).toMatchObject({
      conv: 'tcp 127.0.0.1:50000 > 127.0.0.1:8080',
      stream: 0,
      packets: 10,
      packetsC2S: 5,
      packetsS2C: 5,
      bytesC2S: 5,
      bytesS2C: 5,
      firstTime: 100,
      state: { client: 'CLOSED', server: 'TIME_WAIT' },
      handshakeRtt: 70,
      synAckRtt: 40,
      responseTime: 500,
    });
    expect(s!.timeWaitSince).toEqual({ server: x.now() - 100 });
    expect(s!.phases.map((p) => [p.phase, p.packets, p.bytesC2S, p.bytesS2C])).toEqual([
      ['setup', 3, 0, 0],
      ['data', 4, 5, 5],
      ['close', 3, 0, 0],
    ]);
  });

  it('an RST ends in the reset phase', () => {
    const a = createAnalyzer();
    const x = exchange(C, S);
    a.add(x.c({ flags: ['SYN'], seq: 1 }));
    const r = a.add(x.s({ flags: ['RST', 'ACK'], seq: 0, ack: 2 }));
    expect(r.analysis).toMatchObject({
      phase: 'reset',
      states: { client: 'CLOSED', server: 'CLOSED' },
      seq: 1,
      ack: 1,
    });
  });
});

describe('bounds', () => {
  it('keeps at most maxFlows flows; the least recently used leaves first', () => {
    const a = createAnalyzer({ maxFlows: 2 });
    const host = (port: number) => ({ address: '127.0.0.1', port });
    for (const port of [1, 2, 3])
      a.add(tcpPacket(host(40000 + port), S, { flags: ['SYN'], seq: port }, port));
    // Flow 1 was evicted: its next packet opens a new stream.
    const again = a.add(tcpPacket(host(40001), S, { flags: ['ACK'], seq: 2, ack: 1 }, 10));
    expect(again.analysis!.stream).toBe(3);
    expect(a.conversations()).toHaveLength(4);
  });

  it('bounds the conversations list', () => {
    const a = createAnalyzer({ maxFlows: 5, maxConversations: 10 });
    for (let i = 0; i < 50; i++)
      a.add(tcpPacket({ address: '127.0.0.1', port: 30000 + i }, S, { flags: ['SYN'], seq: 1 }, i));
    const list = a.conversations();
    expect(list).toHaveLength(10);
    expect(list[9]!.stream).toBe(49);
  });

  it('drops closed flows after they linger', () => {
    const a = createAnalyzer();
    const x = exchange(C, S);
    for (const p of connection(x, 1, 2)) a.add(p);
    // A later packet on another flow, after the linger time, triggers the periodic sweep.
    const other = exchange(
      { address: '127.0.0.1', port: 40000 },
      { address: '127.0.0.1', port: 9 },
      x.now() + CLOSED_LINGER_US + 1,
    );
    for (let i = 0; i < 256; i++) a.add(other.udp(true, 1));
    const late = a.add(x.s({ flags: ['ACK'], seq: 9, ack: 8, dt: CLOSED_LINGER_US + 1_000_000 }));
    expect(late.analysis!.stream).toBe(1);
  });
});

describe('flows made again from dropped ones', () => {
  const scenarios = [...flagScenarios, ...numberScenarios, ...streamScenarios];
  /**
   * Every scenario three times over (see `kept`), each time on a client port of its
   * own and later in time, with a UDP exchange after each: on a table of two flows, each new flow
   * takes the place of one dropped with another history (window scaling, SACK, FINs, RSTs, UDP).
   */
  function packets(): DecodedPacket[] {
    const out: DecodedPacket[] = [];
    let n = 0;
    for (let round = 0; round < 3; round++)
      for (const s of scenarios) {
        const port = 40_000 + n;
        const shift = ++n * 10_000_000;
        // Whole, then cut short (flows dropped mid-exchange: unacknowledged data, duplicates),
        // then without the handshake (flows taken up mid-connection, read before they are set).
        const kept =
          round === 0
            ? s.packets
            : round === 1
              ? s.packets.slice(0, Math.ceil((s.packets.length * 2) / 3))
              : s.packets.slice(3);
        for (const p of kept) {
          const fromClient = p.sport === 50000;
          out.push({
            ...p,
            time: p.time + shift,
            sport: fromClient ? port : p.sport,
            dport: fromClient ? p.dport : port,
          });
        }
        const u = exchange({ address: '127.0.0.2', port }, S, shift + 5_000_000);
        out.push(u.udp(true, 5), u.udp(false, 5));
      }
    return out;
  }
  const run = (recycled: boolean) => {
    const a = createAnalyzer({ maxFlows: 2, reuse: true, maxConversations: recycled ? 0 : 10 });
    const lines = packets().map((p) => JSON.stringify(a.add(p)));
    return { lines, live: a.conversations() };
  };

  it('analyses every packet as new flows do, and keeps the same summaries', () => {
    const fresh = run(false);
    const recycled = run(true);
    expect(recycled.lines.length).toBeGreaterThan(300);
    expect(recycled.lines).toEqual(fresh.lines);
    expect(recycled.live.length).toBe(2);
    expect(recycled.live).toEqual(fresh.live.slice(-2));
  });

  it('takes spares from its own pool only: two analyzers in turn answer as each alone', () => {
    const alone = run(true).lines;
    const a = createAnalyzer({ maxFlows: 2, reuse: true, maxConversations: 0 });
    const b = createAnalyzer({ maxFlows: 3, reuse: true, maxConversations: 0 });
    const bAlone = createAnalyzer({ maxFlows: 3, reuse: true, maxConversations: 0 });
    const list = packets();
    const lines: string[] = [];
    for (const p of list) {
      lines.push(JSON.stringify(a.add(p)));
      // b sees the same packets later in time, so its flows are dropped at other moments.
      const later = { ...p, time: p.time + 1 };
      expect(JSON.stringify(b.add(later))).toBe(JSON.stringify(bAlone.add(later)));
    }
    expect(lines).toEqual(alone);
  });
});
