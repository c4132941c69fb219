import { describe, expect, it } from 'vitest';
import type { PacketRecord, SessionRecord, SocketStep } from '../records.ts';
import type { Side, StepKind } from '../types.ts';
import type { TcpFlag } from '../decode/decoded-packet.ts';
import { correlate } from './correlate.ts';

let seq = 0;
let time = 1_000_000;

function step(side: Side, kind: StepKind, bytes = 0, code?: string): SessionRecord {
  const s: SocketStep = {
    type: 'step',
    kind,
    time: (time += 10),
    side,
    transport: 'tcp',
    local: { address: '127.0.0.1', port: side === 'client' ? 5000 : 80 },
    remote: null,
    conv: 'c',
    bytes,
    code,
  };
  return { ...s, recNo: ++seq };
}

function pkt(
  from: Side,
  flags: TcpFlag[],
  relSeq: number,
  len = 0,
  phase: 'setup' | 'data' | 'close' | 'reset' = 'data',
): SessionRecord {
  const p: PacketRecord = {
    type: 'packet',
    no: seq + 1,
    time: (time += 10),
    caplen: 60,
    origlen: 60,
    linkType: 1,
    proto: 'TCP',
    len,
    tcp: { seq: relSeq, ack: 0, flags, window: 100, urgent: 0, headerLength: 20, options: {} },
    conv: 'c',
    analysis: { stream: 0, from, seq: relSeq, phase },
  };
  return { ...p, recNo: ++seq };
}

describe('correlate', () => {
  it('ties the classic exchange: connect↔SYN, accept↔ACK, write/read↔data, end↔FIN, peer-end↔peer FIN', () => {
    seq = 0;
    const r = [
      pkt('client', ['SYN'], 0, 0, 'setup'), // 1
      pkt('server', ['SYN', 'ACK'], 0, 0, 'setup'), // 2
      pkt('client', ['ACK'], 1, 0, 'setup'), // 3
      step('client', 'connect'), // 4
      step('server', 'accept'), // 5
      step('client', 'write', 13), // 6
      pkt('client', ['PSH', 'ACK'], 1, 13), // 7
      step('server', 'read', 13), // 8
      step('server', 'write', 44), // 9
      step('server', 'end'), // 10
      pkt('server', ['PSH', 'ACK'], 1, 44), // 11
      pkt('server', ['FIN', 'ACK'], 45, 0, 'close'), // 12
      step('client', 'read', 44), // 13
      step('client', 'peer-end'), // 14
    ];
    const links = correlate(r);
    expect(links.get(4)).toEqual([1]);
    expect(links.get(5)).toEqual([3]);
    expect(links.get(6)).toEqual([7]);
    expect(links.get(8)).toEqual([7]);
    expect(links.get(7)).toEqual([6, 8]);
    expect(links.get(9)).toEqual([11]);
    expect(links.get(10)).toEqual([12]);
    expect(links.get(13)).toEqual([11]);
    expect(links.get(14)).toEqual([12]);
  });

  it.each([
    {
      name: 'two writes coalesced into one segment',
      records: () => [
        step('client', 'write', 5),
        step('client', 'write', 5),
        pkt('client', ['PSH', 'ACK'], 1, 10),
      ],
      expected: { 1: [3], 2: [3], 3: [1, 2] },
    },
    {
      name: 'one write split into two segments, read in one call',
      records: () => [
        step('client', 'write', 100),
        pkt('client', ['ACK'], 1, 60),
        pkt('client', ['PSH', 'ACK'], 61, 40),
        step('server', 'read', 100),
      ],
      expected: { 1: [2, 3], 2: [1, 4], 3: [1, 4], 4: [2, 3] },
    },
    {
      name: 'reset and the peer’s ECONNRESET tie to the RST',
      records: () => [
        step('client', 'reset'),
        pkt('client', ['RST', 'ACK'], 1, 0, 'reset'),
        step('server', 'error', 0, 'ECONNRESET'),
      ],
      expected: { 1: [2], 2: [1, 3], 3: [2] },
    },
  ])('$name', ({ records, expected }) => {
    seq = 0;
    const links = correlate(records());
    expect(Object.fromEntries(links)).toEqual(expected);
  });

  it('ties UDP sends and receives to their datagrams in order', () => {
    seq = 0;
    const udp = (from: Side, len: number): SessionRecord => {
      const r = pkt(from, [], 0, len) as PacketRecord & { recNo: number };
      delete r.tcp;
      return { ...r, proto: 'UDP' };
    };
    const r = [
      step('client', 'udp-send', 4),
      udp('client', 4),
      step('server', 'udp-recv', 4),
      step('server', 'udp-send', 9),
      udp('server', 9),
      step('client', 'udp-recv', 9),
    ];
    expect(Object.fromEntries(correlate(r))).toEqual({
      1: [2],
      2: [1, 3],
      3: [2],
      4: [5],
      5: [4, 6],
      6: [5],
    });
  });

  it('gives nothing without packets (capture off)', () => {
    seq = 0;
    expect(correlate([step('client', 'connect'), step('client', 'write', 3)]).size).toBe(0);
  });
});
