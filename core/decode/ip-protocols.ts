/** IP protocol numbers (IPv4 protocol / IPv6 next header) the decoders act on. */

/** @see https://www.iana.org/assignments/protocol-numbers */
export const IP_PROTO = {
  HOP_BY_HOP: 0, // IPv6 hop-by-hop options
  ICMP: 1,
  TCP: 6,
  UDP: 17,
  ROUTING: 43, // IPv6 routing header
  FRAGMENT: 44, // IPv6 fragment header
  ESP: 50, // encrypted: nothing after it is readable
  AH: 51,
  ICMPV6: 58,
  NO_NEXT_HEADER: 59,
  DEST_OPTIONS: 60, // IPv6 destination options
  SCTP: 132,
  UDPLITE: 136,
} as const;

const NAMES: Record<number, string> = {
  1: 'ICMP',
  6: 'TCP',
  17: 'UDP',
  58: 'ICMPv6',
  132: 'SCTP',
  136: 'UDPLite',
};

/** Display name of a transport protocol number ('TCP', 'UDP', … or 'IP proto N'). */
export function ipProtoName(n: number): string {
  return NAMES[n] ?? `IP proto ${n}`;
}

/** Protocols whose header starts with 16-bit source and destination ports. */
export function hasPorts(n: number): boolean {
  return n === IP_PROTO.TCP || n === IP_PROTO.UDP || n === IP_PROTO.SCTP || n === IP_PROTO.UDPLITE;
}
