/** Packet decoders: link, network and transport headers of captured frames. */
export * from './decoded-packet.ts';
export { decodePacket, DEFAULT_PREVIEW_BYTES } from './decode-packet.ts';
export { formatIpv4, formatIpv6 } from './addresses.ts';
export { LINKTYPE } from './link-types.ts';
export type { LinkType, LinkTypeName } from './link-types.ts';
export { ETHERTYPE } from './ethertype.ts';
export { IP_PROTO, ipProtoName } from './ip-protocols.ts';
export { TCP_OPTION } from './tcp-options.ts';
export { tcpFlags } from './tcp.ts';
export { ICMP_TYPE } from './icmp.ts';
export { ICMPV6_TYPE } from './icmpv6.ts';
export { IpReassembler, DEFAULT_REASSEMBLY_LIMITS } from './ip-reassembly.ts';
export type { ReassemblyLimits, ReassemblyStats } from './ip-reassembly.ts';
export { reassemblePacket } from './reassemble-packet.ts';
