/**
 * Captures that exercise what a sharded `analyze` must get exactly right: IP fragments, ICMP
 * errors quoting a flow, a client port reused for a new connection, SYNs corrected in hindsight,
 * many flows at once, interleaved with ordinary conversations. Ethernet, classic pcap.
 */
import { writeFrame, type FrameSpec } from '../../../bench/decode-frames.ts';
import { ipv4Fragments, tcpSegment, udpDatagram } from '../../../core/decode/testdata/fragments.ts';
import { IP_PROTO, LINKTYPE } from '../../../core/decode/index.ts';
import { writePcap } from '../../../core/pcap/index.ts';
import { mulberry32 } from '../../../core/random/mulberry32.ts';
import { quickShard } from '../analyze-shard-key.ts';

const ip = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
const SYN = 0x02;
const ACK = 0x10;
const PSH_ACK = 0x18;
const FIN_ACK = 0x11;
const RST = 0x04;

type Frame = { data: Uint8Array; time: number };

function frame(spec: Partial<FrameSpec> & Pick<FrameSpec, 'src' | 'dst' | 'sport' | 'dport'>) {
  const full: FrameSpec = { udp: false, seq: 0, ack: 0, flags: ACK, window: 512, payload: 0, ...spec };
  const out = new Uint8Array(14 + 20 + 60 + full.payload);
  return out.slice(0, writeFrame(out, new DataView(out.buffer), 0, full));
}

/** An Ethernet frame around a raw IPv4 datagram. */
function ethernet(datagram: Uint8Array): Uint8Array {
  const f = new Uint8Array(14 + datagram.length);
  f[12] = 0x08;
  f.set(datagram, 14);
  return f;
}

/** ICMP port unreachable from `from` about the UDP datagram `src:sport → dst:dport`. */
function portUnreachable(src: number, sport: number, dst: number, dport: number): Uint8Array {
  const d = new Uint8Array(20 + 8 + 28);
  const v = new DataView(d.buffer);
  d[0] = 0x45;
  v.setUint16(2, d.length);
  d[8] = 64;
  d[9] = IP_PROTO.ICMP;
  v.setUint32(12, dst);
  v.setUint32(16, src);
  d[20] = 3;
  d[21] = 3;
  const q = 28; // the quoted datagram: IPv4 header and UDP header
  d[q] = 0x45;
  v.setUint16(q + 2, 28 + 4);
  d[q + 8] = 64;
  d[q + 9] = IP_PROTO.UDP;
  v.setUint32(q + 12, src);
  v.setUint32(q + 16, dst);
  v.setUint16(q + 20, sport);
  v.setUint16(q + 22, dport);
  v.setUint16(q + 24, 12);
  return ethernet(d);
}

/** One TCP conversation's frames (handshake, a request and its echo, close). */
function conversation(client: number, cport: number, server: number, isn: number): Uint8Array[] {
  const c = { src: client, dst: server, sport: cport, dport: 7 };
  const s = { src: server, dst: client, sport: 7, dport: cport };
  return [
    frame({ ...c, flags: SYN, seq: isn, window: 64240 }),
    frame({ ...s, flags: SYN | ACK, seq: 9000, ack: isn + 1 }),
    frame({ ...c, seq: isn + 1, ack: 9001 }),
    frame({ ...c, flags: PSH_ACK, seq: isn + 1, ack: 9001, payload: 20 }),
    frame({ ...s, flags: PSH_ACK, seq: 9001, ack: isn + 21, payload: 20 }),
    frame({ ...c, flags: FIN_ACK, seq: isn + 21, ack: 9021 }),
    frame({ ...s, flags: FIN_ACK, seq: 9021, ack: isn + 22 }),
    frame({ ...c, seq: isn + 22, ack: 9022 }),
  ];
}

/** Interleaves the frame lists at random (each list keeps its order), times 20 µs apart. */
function interleave(lists: Uint8Array[][], seed: number): Frame[] {
  const random = mulberry32(seed);
  const open = lists.map((l) => ({ l, i: 0 }));
  const out: Frame[] = [];
  let time = 1_700_000_000_000_000;
  while (open.length > 0) {
    const k = Math.floor(random() * Math.min(open.length, 64));
    const o = open[k]!;
    out.push({ data: o.l[o.i++]!, time: (time += 20) });
    if (o.i === o.l.length) open.splice(k, 1);
  }
  return out;
}

/** Fragments, ICMP errors, a reused port, SYNs corrected in hindsight, among 400 conversations. */
export function edgeCaseCapture(): Uint8Array {
  const server = ip(10, 0, 0, 1);
  const lists: Uint8Array[][] = [];
  for (let i = 0; i < 400; i++) lists.push(conversation(ip(10, 1, i >> 8, i & 255), 40000 + i, server, i * 7919));
  const a = ip(10, 2, 0, 1);
  // The same client port twice: the second SYN (new ISN, after the close) starts a new stream.
  lists.push([...conversation(a, 50000, server, 1000), ...conversation(a, 50000, server, 777777)]);
  // A SYN answered by RST, then sent again: the first SYN's line is corrected.
  const b = { src: ip(10, 2, 0, 2), dst: server, sport: 50001, dport: 7 };
  lists.push([
    frame({ ...b, flags: SYN, seq: 5 }),
    frame({ src: server, dst: b.src, sport: 7, dport: 50001, flags: RST | ACK, ack: 6 }),
    frame({ ...b, flags: SYN, seq: 5 }),
  ]);
  // A UDP flow refused by ICMP errors, and one fragmented UDP and one fragmented TCP datagram.
  const u = { src: ip(10, 3, 0, 1), dst: ip(10, 3, 0, 2), sport: 53000, dport: 9, udp: true };
  lists.push([
    frame({ ...u, payload: 12 }),
    portUnreachable(u.src, u.sport, u.dst, u.dport),
    frame({ ...u, payload: 12 }),
    portUnreachable(u.src, u.sport, u.dst, u.dport),
  ]);
  const specs = [
    { offset: 0, length: 1480, more: true },
    { offset: 1480, length: 1480, more: true },
    { offset: 2960, length: 48, more: false },
  ];
  const src = [10, 4, 0, 1];
  const dst = [10, 4, 0, 2];
  const udp = udpDatagram(5353, 5353, 3000);
  lists.push(ipv4Fragments(udp, IP_PROTO.UDP, 1, specs, src, dst).map(ethernet));
  const tcp = tcpSegment(41000, 7, 1, 1, 2988);
  lists.push(ipv4Fragments(tcp, IP_PROTO.TCP, 2, specs, src, dst).map(ethernet));
  return writePcap(interleave(lists, 7), LINKTYPE.ETHERNET);
}

/** UDP flows to port 53, each one datagram, owned by `shard` of 2 (see quickShard), from `i`. */
function flowsOwnedBy(shard: number, count: number, start: number): [Uint8Array[], number] {
  const out: Uint8Array[] = [];
  let i = start;
  for (; out.length < count; i++) {
    const f = frame({
      src: ip(10, 8, (i >> 8) & 255, i & 255),
      dst: ip(10, 9, 0, 1),
      sport: 20000 + (i >> 16),
      dport: 53,
      udp: true,
      payload: 4,
    });
    if (quickShard(LINKTYPE.ETHERNET, f, 2) === shard) out.push(f);
  }
  return [out, i];
}

function capture(frames: Uint8Array[]): Uint8Array {
  let time = 1_700_000_000_000_000;
  return writePcap(
    frames.map((data) => ({ data, time: (time += 10) })),
    LINKTYPE.ETHERNET,
  );
}

/**
 * Where two threads' analysis would part from one thread's, over the flows the analyzer keeps
 * (10,000, each thread its half): `'thread'` — a thread forgets a flow the one-thread run keeps
 * (6,000 flows, all of one thread's, then the first again); `'one'` — the one-thread run forgets a
 * flow its thread keeps (a TCP flow, 5,600 flows of the other thread and 4,900 of its own, then
 * the TCP flow again).
 */
export function manyFlowsCapture(forgets: 'thread' | 'one'): Uint8Array {
  if (forgets === 'thread') {
    const [flows] = flowsOwnedBy(0, 6_001, 0);
    return capture([...flows, flows[0]!]);
  }
  const tcp = (seq: number) =>
    frame({ src: ip(10, 7, 0, 1), dst: ip(10, 7, 0, 2), sport: 45000, dport: 80, flags: PSH_ACK, seq, payload: 10 });
  const idle = tcp(100);
  const owner = quickShard(LINKTYPE.ETHERNET, idle, 2);
  const [others, next] = flowsOwnedBy(1 - owner, 5_600, 0);
  const [own] = flowsOwnedBy(owner, 4_900, next);
  return capture([idle, ...others, ...own, tcp(110)]);
}
