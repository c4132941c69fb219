/** Ports of the transport header quoted inside an ICMP or ICMPv6 error. */
import type { QuotedFlow } from './decoded-packet.ts';
import { hasPorts, ipProtoName } from './ip-protocols.ts';
import { u16 } from './read-bytes.ts';

/** Builds the quoted flow, adding ports when the quote holds the first 4 transport bytes. */
export function quotedFlow(
  d: Uint8Array,
  src: string,
  dst: string,
  protocol: number,
  o: number,
  end: number,
): QuotedFlow {
  const flow: QuotedFlow = { src, dst, proto: ipProtoName(protocol) };
  if (hasPorts(protocol) && o + 4 <= end) {
    flow.sport = u16(d, o);
    flow.dport = u16(d, o + 2);
  }
  return flow;
}
