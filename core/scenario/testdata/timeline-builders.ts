/** Small builders for hand-made run timelines: socket steps and packets of one conversation. */
import type { TcpFlag } from '../../decode/decoded-packet.ts';
import type { AnalysisFlag } from '../../analysis/packet-analysis.ts';
import type { PacketRecord, SocketStep } from '../../records.ts';
import type { Side, StepKind } from '../../types.ts';
import type { RunTimeline } from '../run-timeline.ts';

export const CONV = 'tcp 127.0.0.1:50000 > 127.0.0.1:23333';
const CLIENT = { address: '127.0.0.1', port: 50000 };
const SERVER = { address: '127.0.0.1', port: 23333 };

let clock = 1_700_000_000_000_000;

export function step(
  side: Side,
  kind: StepKind,
  more: Partial<SocketStep> = {},
): SocketStep {
  return {
    type: 'step',
    kind,
    time: (clock += 100),
    side,
    transport: 'tcp',
    local: side === 'client' ? CLIENT : SERVER,
    remote: side === 'client' ? SERVER : CLIENT,
    conv: CONV,
    bytes: 0,
    ...more,
  };
}

export function steps(side: Side, kinds: string): SocketStep[] {
  return kinds.split(' ').map((k) => step(side, k as StepKind));
}

export function pkt(
  from: Side,
  flags: string,
  len = 0,
  more: { analysis?: AnalysisFlag[]; conv?: string; ipVersion?: 4 | 6 } = {},
): PacketRecord {
  const [src, dst] = from === 'client' ? [CLIENT, SERVER] : [SERVER, CLIENT];
  return {
    type: 'packet',
    no: 1,
    time: (clock += 100),
    caplen: 54 + len,
    origlen: 54 + len,
    linkType: 1,
    proto: 'TCP',
    ipVersion: more.ipVersion ?? 4,
    src: src.address,
    dst: dst.address,
    sport: src.port,
    dport: dst.port,
    len,
    tcp: {
      seq: 1,
      ack: 1,
      flags: flags.split(',') as TcpFlag[],
      window: 65535,
      urgent: 0,
      headerLength: 20,
      options: {},
    },
    conv: more.conv ?? CONV,
    analysis: { stream: 0, from, seq: 1, ack: 1, win: 65535, analysis: more.analysis ?? [] },
  };
}

export function icmpUnreachable(v6 = false): PacketRecord {
  return {
    type: 'packet',
    no: 1,
    time: (clock += 100),
    caplen: 70,
    origlen: 70,
    linkType: 1,
    proto: v6 ? 'ICMPv6' : 'ICMP',
    ipVersion: v6 ? 6 : 4,
    len: 36,
    icmp: { type: v6 ? 1 : 3, code: v6 ? 4 : 3 },
    conv: CONV,
    analysis: { stream: 0, from: 'server' },
  };
}

/** The packets of a classic exchange; `firstFin` decides who closes first. */
export function classicPackets(firstFin: Side = 'server'): PacketRecord[] {
  const other: Side = firstFin === 'server' ? 'client' : 'server';
  return [
    pkt('client', 'SYN'),
    pkt('server', 'SYN,ACK'),
    pkt('client', 'ACK'),
    pkt('client', 'PSH,ACK', 13),
    pkt('server', 'ACK'),
    pkt('server', 'PSH,ACK', 44),
    pkt(firstFin, 'FIN,ACK'),
    pkt(other, 'FIN,ACK'),
    pkt(firstFin, 'ACK'),
  ];
}

export function timeline(
  stepList: SocketStep[],
  packets: PacketRecord[],
  captured = true,
  convs = [CONV],
): RunTimeline {
  return { convs, steps: stepList, packets, captured };
}
