/**
 * Ties socket calls to the packets they caused, within one conversation: connect ↔ SYN,
 * accept ↔ the handshake's last ACK, write ↔ the segments carrying its bytes (by stream offset, so
 * coalesced and split writes come out right), read ↔ the segments it drained, end ↔ FIN,
 * peer-end ↔ the peer's FIN, reset ↔ RST, UDP send/receive ↔ the datagram.
 */
import type { PacketRecord, SessionRecord, SocketStep } from '../records.ts';
import type { Side } from '../types.ts';

type Step = SocketStep & { recNo: number };
type Packet = PacketRecord & { recNo: number };

/** Both directions: record number → the record numbers of the records it is tied to. */
export type Links = Map<number, number[]>;

interface Range {
  recNo: number;
  start: number;
  end: number;
}

const other = (s: Side): Side => (s === 'client' ? 'server' : 'client');

/** Links for the records of one conversation (any order; sorted by time here). */
export function correlate(records: readonly SessionRecord[]): Links {
  const links: Links = new Map();
  const tie = (a: number, b: number) => {
    push(links, a, b);
    push(links, b, a);
  };
  const sorted = [...records].sort((a, b) => a.time - b.time || a.recNo - b.recNo);
  const steps = sorted.filter((r): r is Step => r.type === 'step');
  const packets = sorted.filter(
    (r): r is Packet => r.type === 'packet' && r.analysis !== undefined,
  );
  if (steps.length === 0 || packets.length === 0) return links;
  const from = (side: Side) => packets.filter((p) => p.analysis!.from === side);

  if (packets.some((p) => p.tcp)) tcpLinks(steps, from, tie);
  else udpLinks(steps, from, tie);
  return links;
}

function tcpLinks(
  steps: Step[],
  from: (s: Side) => Packet[],
  tie: (a: number, b: number) => void,
): void {
  const segs = { client: byteRanges(from('client')), server: byteRanges(from('server')) };
  const offset = { write: { client: 0, server: 0 }, read: { client: 0, server: 0 } };
  const firstWith = (side: Side, flag: string) =>
    from(side).find((p) => p.tcp?.flags.includes(flag as never));
  const used = new Set<number>();
  const once = (step: Step, p: Packet | undefined) => {
    if (p && !used.has(step.recNo)) {
      used.add(step.recNo);
      tie(step.recNo, p.recNo);
    }
  };
  for (const s of steps) {
    const side = s.side;
    switch (s.kind) {
      case 'connect':
        once(
          s,
          from('client').find((p) => p.tcp?.flags.includes('SYN') && !p.tcp.flags.includes('ACK')),
        );
        break;
      case 'accept':
        once(
          s,
          from('client').find(
            (p) =>
              p.tcp?.flags.includes('ACK') &&
              !p.tcp.flags.includes('SYN') &&
              p.analysis!.phase === 'setup',
          ),
        );
        break;
      case 'write': {
        const start = offset.write[side];
        offset.write[side] += s.bytes;
        for (const r of overlapping(segs[side], start, start + s.bytes)) tie(s.recNo, r.recNo);
        break;
      }
      case 'read': {
        const start = offset.read[side];
        offset.read[side] += s.bytes;
        for (const r of overlapping(segs[other(side)], start, start + s.bytes))
          tie(s.recNo, r.recNo);
        break;
      }
      case 'end':
        once(s, firstWith(side, 'FIN'));
        break;
      case 'peer-end':
        once(s, firstWith(other(side), 'FIN'));
        break;
      case 'reset':
        once(s, firstWith(side, 'RST'));
        break;
      case 'error':
        if (s.code === 'ECONNREFUSED' || s.code === 'ECONNRESET')
          once(s, firstWith(other(side), 'RST'));
        break;
      default:
        break;
    }
  }
}

function udpLinks(
  steps: Step[],
  from: (s: Side) => Packet[],
  tie: (a: number, b: number) => void,
): void {
  const sent = { client: 0, server: 0 };
  const received = { client: 0, server: 0 };
  const datagrams = {
    client: from('client').filter((p) => p.proto === 'UDP'),
    server: from('server').filter((p) => p.proto === 'UDP'),
  };
  for (const s of steps) {
    if (s.kind === 'udp-send') {
      const p = datagrams[s.side][sent[s.side]++];
      if (p) tie(s.recNo, p.recNo);
    } else if (s.kind === 'udp-recv') {
      const p = datagrams[other(s.side)][received[s.side]++];
      if (p) tie(s.recNo, p.recNo);
    } else if (s.kind === 'error' && s.code === 'ECONNREFUSED') {
      const icmp = [...from('client'), ...from('server')].find((p) => p.icmp);
      if (icmp) tie(s.recNo, icmp.recNo);
    }
  }
}

/** Each data segment's range in its direction's byte stream (relative seq 1 = offset 0). */
function byteRanges(packets: Packet[]): Range[] {
  const out: Range[] = [];
  for (const p of packets) {
    const seq = p.analysis?.seq;
    if (p.len > 0 && seq !== undefined && seq >= 1)
      out.push({ recNo: p.recNo, start: seq - 1, end: seq - 1 + p.len });
  }
  return out;
}

function overlapping(ranges: Range[], start: number, end: number): Range[] {
  if (end <= start) return [];
  return ranges.filter((r) => r.start < end && r.end > start);
}

function push(map: Links, k: number, v: number): void {
  const list = map.get(k);
  if (!list) map.set(k, [v]);
  else if (!list.includes(v)) list.push(v);
}
