/** Picks the transport decoder for an IP packet's protocol number. */
import { decodeIcmp } from './icmp.ts';
import { decodeIcmpv6 } from './icmpv6.ts';
import { IP_PROTO } from './ip-protocols.ts';
import type { TcpHeader } from './decoded-packet.ts';
import type { NetworkResult, TransportResult } from './layer-results.ts';
import { decodeTcp } from './tcp.ts';
import { decodeUdp } from './udp.ts';

/**
 * Decodes the transport layer, or returns undefined when it is not one we read. `preview`: TCP/UDP
 * payload bytes kept as hex. `into` and `tcpInto`: objects a TCP segment's result and header are
 * written into instead of new ones (see decodeTcp).
 */
export function decodeTransport(
  d: Uint8Array,
  ip: NetworkResult,
  preview: number,
  into?: TransportResult,
  tcpInto?: TcpHeader,
): TransportResult | undefined {
  const { payloadOffset: o, end, payloadLength: len } = ip;
  switch (ip.protocol) {
    case IP_PROTO.TCP:
      return decodeTcp(d, o, end, len, preview, into, tcpInto);
    case IP_PROTO.UDP:
      return decodeUdp(d, o, end, len, ip.fragment?.more === true, preview);
    case IP_PROTO.ICMP:
      return ip.proto === 'IPv4' ? decodeIcmp(d, o, end, len) : undefined;
    case IP_PROTO.ICMPV6:
      return ip.proto === 'IPv6' ? decodeIcmpv6(d, o, end, len) : undefined;
    default:
      return undefined;
  }
}
