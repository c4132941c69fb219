/**
 * The benchmark's synthetic traffic: many TCP conversations interleaved (handshake, requests and
 * responses of varied sizes split into MSS segments with ACKs, FIN exchange) and some UDP pairs.
 * Seeded, so every run writes the same file. The 'echo' shape is a class at the echo endpoint:
 * loopback clients (127.0.x.y) each sending one short line and reading it back, ~10 packets each.
 */
import type { FrameSpec } from './decode-frames.ts';
import { mulberry32 } from '../core/random/mulberry32.ts';

const MSS = 1448;
/** Conversations open at once. */
const ACTIVE = 256;
const UDP_SHARE = 0.08;

/** Which traffic: 'mixed' (10.x hosts, web-like exchanges) or 'echo' (loopback echo lines). */
export type TrafficShape =
  | 'mixed' // requests and responses of up to ~40 KB, 1–4 rounds per connection
  | 'echo'; // one short line echoed per connection, loopback addresses

type Spec = Omit<FrameSpec, 'src' | 'dst' | 'sport' | 'dport' | 'udp'> & { fromClient: boolean };

interface Conversation {
  client: number;
  server: number;
  cport: number;
  sport: number;
  script: Spec[];
  next: number;
}

/** One TCP conversation, start to end, as segments (client ISN c, server ISN s). */
function tcpScript(random: () => number, shape: TrafficShape): Spec[] {
  const out: Spec[] = [];
  let c = Math.floor(random() * 2 ** 32);
  let s = Math.floor(random() * 2 ** 32);
  const seg = (fromClient: boolean, flags: number, payload: number, window = 502) => {
    out.push({
      fromClient,
      seq: fromClient ? c : s,
      ack: fromClient ? s : c,
      flags,
      window,
      payload,
    });
    const used = payload + (flags & 0x03 ? 1 : 0);
    if (fromClient) c = (c + used) >>> 0;
    else s = (s + used) >>> 0;
  };
  seg(true, 0x02, 0, 64240);
  seg(false, 0x12, 0, 65160);
  seg(true, 0x10, 0);
  if (shape === 'echo') {
    const line = 4 + Math.floor(random() * 120);
    seg(true, 0x18, line);
    seg(false, 0x10, 0);
    seg(false, 0x18, line);
    seg(true, 0x10, 0);
  }
  const rounds = shape === 'echo' ? 0 : 1 + Math.floor(random() * 4);
  for (let r = 0; r < rounds; r++) {
    seg(true, 0x18, 40 + Math.floor(random() * 700));
    seg(false, 0x10, 0);
    let left = 100 + Math.floor(random() * (random() < 0.2 ? 40_000 : 6_000));
    let unacked = 0;
    while (left > 0) {
      const n = Math.min(MSS, left);
      left -= n;
      seg(false, left === 0 ? 0x18 : 0x10, n);
      if (++unacked === 2 || left === 0) {
        seg(true, 0x10, 0);
        unacked = 0;
      }
    }
  }
  seg(true, 0x11, 0);
  seg(false, 0x11, 0);
  seg(true, 0x10, 0);
  return out;
}

/** Yields `count` frame specs (and times, µs) of interleaved conversations. */
export function* traffic(
  count: number,
  seed = 1,
  shape: TrafficShape = 'mixed',
): Generator<{ spec: FrameSpec; time: number }> {
  const random = mulberry32(seed);
  const echo = shape === 'echo';
  let time = 1_700_000_000_000_000;
  let port = 32768;
  const first = echo ? 0x7f000000 : 0x0a000000;
  const host = (net: number) => (first | (net << 16) | Math.floor(random() * 65535)) >>> 0;
  const open = (): Conversation => {
    port = port >= 60999 ? 32768 : port + 1;
    return {
      client: echo ? host(0) | 2 : host(0),
      server: echo ? 0x7f000001 : host(1),
      cport: port,
      sport: echo ? 7 : [80, 443, 8080][Math.floor(random() * 3)]!,
      script: tcpScript(random, shape),
      next: 0,
    };
  };
  const active = Array.from({ length: ACTIVE }, open);
  const spec: FrameSpec = {
    src: 0,
    dst: 0,
    sport: 0,
    dport: 0,
    udp: false,
    seq: 0,
    ack: 0,
    flags: 0,
    window: 0,
    payload: 0,
  };
  for (let n = 0; n < count;) {
    time += 1 + Math.floor(random() * 50);
    if (random() < (echo ? UDP_SHARE / 4 : UDP_SHARE)) {
      const a = host(2);
      const b = host(3);
      const p = 32768 + Math.floor(random() * 28000);
      Object.assign(spec, {
        src: a,
        dst: b,
        sport: p,
        dport: 7,
        udp: true,
        payload: 20 + Math.floor(random() * 400),
      });
      yield { spec, time };
      n++;
      if (n < count) {
        Object.assign(spec, {
          src: b,
          dst: a,
          sport: 7,
          dport: p,
          payload: 40 + Math.floor(random() * 900),
        });
        yield { spec, time: time + 30 };
        n++;
      }
      continue;
    }
    const k = Math.floor(random() * ACTIVE);
    const conv = active[k]!;
    const s = conv.script[conv.next++]!;
    Object.assign(spec, {
      src: s.fromClient ? conv.client : conv.server,
      dst: s.fromClient ? conv.server : conv.client,
      sport: s.fromClient ? conv.cport : conv.sport,
      dport: s.fromClient ? conv.sport : conv.cport,
      udp: false,
      seq: s.seq,
      ack: s.ack,
      flags: s.flags,
      window: s.window,
      payload: s.payload,
    });
    yield { spec, time };
    n++;
    if (conv.next === conv.script.length) active[k] = open();
  }
}
