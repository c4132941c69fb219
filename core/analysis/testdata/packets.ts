/** Builds DecodedPacket objects for analysis tests: a client and a server exchanging segments. */
import type { DecodedPacket, TcpFlag } from '../../decode/decoded-packet.ts';

export interface SegmentSpec {
  flags: readonly TcpFlag[];
  seq: number;
  ack?: number;
  len?: number;
  window?: number;
  wscale?: number;
  /** Microseconds since the previous packet (default 100). */
  dt?: number;
}

export interface Host {
  address: string;
  port: number;
}

/** A pair of hosts; `c()` sends client → server, `s()` server → client, times advance per packet. */
export function exchange(client: Host, server: Host, start = 1_000_000) {
  let time = start;
  const make = (from: Host, to: Host, spec: SegmentSpec): DecodedPacket => {
    time += spec.dt ?? 100;
    return tcpPacket(from, to, spec, time);
  };
  return {
    c: (spec: SegmentSpec) => make(client, server, spec),
    s: (spec: SegmentSpec) => make(server, client, spec),
    udp: (fromClient: boolean, len: number, dt = 100): DecodedPacket => {
      time += dt;
      const [a, b] = fromClient ? [client, server] : [server, client];
      return udpPacket(a, b, len, time);
    },
    now: () => time,
  };
}

export function tcpPacket(from: Host, to: Host, spec: SegmentSpec, time: number): DecodedPacket {
  const len = spec.len ?? 0;
  return {
    time,
    caplen: 54 + len,
    origlen: 54 + len,
    linkType: 1,
    proto: 'TCP',
    ipVersion: from.address.includes(':') ? 6 : 4,
    src: from.address,
    dst: to.address,
    sport: from.port,
    dport: to.port,
    len,
    tcp: {
      seq: spec.seq >>> 0,
      ack: (spec.ack ?? 0) >>> 0,
      flags: [...spec.flags],
      window: spec.window ?? 65535,
      urgent: 0,
      headerLength: 20,
      options: spec.wscale === undefined ? {} : { wscale: spec.wscale },
    },
  };
}

export function udpPacket(from: Host, to: Host, len: number, time: number): DecodedPacket {
  return {
    time,
    caplen: 42 + len,
    origlen: 42 + len,
    linkType: 1,
    proto: 'UDP',
    ipVersion: 4,
    src: from.address,
    dst: to.address,
    sport: from.port,
    dport: to.port,
    len,
  };
}

/** ICMP port unreachable quoting a datagram from `from` to `to`. */
export function icmpUnreachable(from: Host, to: Host, time: number, proto = 'UDP'): DecodedPacket {
  return {
    time,
    caplen: 70,
    origlen: 70,
    linkType: 1,
    proto: 'ICMP',
    ipVersion: 4,
    src: to.address,
    dst: from.address,
    len: 36,
    icmp: { type: 3, code: 3, inner: { src: from.address, dst: to.address, proto, sport: from.port, dport: to.port } },
  };
}
