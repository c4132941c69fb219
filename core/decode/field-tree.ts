/**
 * The packet details tree of one frame, built from its raw bytes: every decoded layer (link,
 * IPv4/IPv6, TCP/UDP/ICMP, payload) with each field's value and byte range, as Wireshark's middle
 * pane shows it. Pure; uses the decoders' own layouts to find where each header starts.
 */
import { decodeLink } from './decode-link.ts';
import { field, type FieldNode } from './field-node.ts';
import { linkFields } from './field-tree-link.ts';
import { ipv4Fields, ipv6Fields } from './field-tree-ip.ts';
import { icmpFields, tcpFields, udpFields, type TcpContext } from './field-tree-transport.ts';
import { IP_PROTO } from './ip-protocols.ts';
import { decodeIpv4 } from './ipv4.ts';
import { decodeIpv6 } from './ipv6.ts';

export type { FieldNode, LayerId } from './field-node.ts';
export type { TcpContext } from './field-tree-transport.ts';

/** Headers each transport needs captured in full before its fields are named. */
const MIN: Record<number, number> = {
  [IP_PROTO.TCP]: 20,
  [IP_PROTO.UDP]: 8,
  [IP_PROTO.ICMP]: 8,
  [IP_PROTO.ICMPV6]: 8,
};

/** The layers of `data` (a frame of `linkType`), outermost first; never throws. */
export function buildFieldTree(
  linkType: number,
  data: Uint8Array,
  tcp: TcpContext = {},
): FieldNode[] {
  const layers: FieldNode[] = [
    field('frame', data.length, 0, data.length, [field('frame.len', data.length, 0, data.length)]),
  ];
  const link = decodeLink(linkType, data);
  if (!link) return layers;
  const header = linkFields(linkType, data, link.offset);
  if (header) layers.push(header.node);
  if (link.network !== 'IPv4' && link.network !== 'IPv6') return layers;
  const v4 = link.network === 'IPv4';
  const ip = v4 ? decodeIpv4(data, link.offset) : decodeIpv6(data, link.offset);
  if (data.length - link.offset < (v4 ? 20 : 40) || (ip.malformed && !ip.src)) return layers;
  layers.push(v4 ? ipv4Fields(data, link.offset) : ipv6Fields(data, link.offset, ip.payloadOffset));
  const o = ip.payloadOffset;
  const proto = ip.protocol;
  if (proto === undefined || o + (MIN[proto] ?? Infinity) > data.length) return layers;
  let t: FieldNode;
  if (proto === IP_PROTO.TCP) t = tcpFields(data, o, ip.end, tcp);
  else if (proto === IP_PROTO.UDP) t = udpFields(data, o);
  else t = icmpFields(data, o, proto === IP_PROTO.ICMP ? 'icmp' : 'icmpv6');
  layers.push(t);
  const start = t.offset + t.length;
  const end = Math.min(ip.end, data.length);
  if (end > start) layers.push(field('data', end - start, start, end - start));
  return layers;
}

/** Every node of `tree`, depth first (for lookups by id in tests and the page). */
export function* walkFields(tree: readonly FieldNode[]): Generator<FieldNode> {
  for (const n of tree) {
    yield n;
    if (n.children) yield* walkFields(n.children);
  }
}
