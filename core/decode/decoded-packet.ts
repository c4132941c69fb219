/** The plain object every decoder chain produces for one frame (no I/O, no events). */

/** TCP header flags, in the order analyzers print them. AE is the old NS (ECN nonce) bit. */
export type TcpFlag = 'FIN' | 'SYN' | 'RST' | 'PSH' | 'ACK' | 'URG' | 'ECE' | 'CWR' | 'AE';

/**
 * Every flag in the order analyzers print them (`SYN,ACK`, `FIN,ACK`), which is also bit order:
 * flag i is bit i of the 12-bit flags field (AE is bit 8). @see RFC 9293 §3.1, RFC 3540
 */
export const TCP_FLAGS: readonly TcpFlag[] = [
  'FIN',
  'SYN',
  'RST',
  'PSH',
  'ACK',
  'URG',
  'ECE',
  'CWR',
  'AE',
];

/** TCP options that matter for analysis. @see RFC 9293 §3.2, RFC 7323, RFC 2018 */
export interface TcpOptions {
  mss?: number;
  /** Window scale shift count. */
  wscale?: number;
  sackPermitted?: boolean;
  /** SACK blocks as [left, right) raw sequence numbers. */
  sack?: [number, number][];
  timestamp?: { value: number; echo: number };
}

export interface TcpHeader {
  /** Raw sequence number. */
  seq: number;
  /** Raw acknowledgment number. */
  ack: number;
  flags: TcpFlag[];
  /** Window field as sent (not scaled). */
  window: number;
  urgent: number;
  headerLength: number;
  options: TcpOptions;
}

/** The flow quoted inside an ICMP error: the packet that caused it. */
export interface QuotedFlow {
  src: string;
  dst: string;
  proto: string;
  sport?: number;
  dport?: number;
}

export interface IcmpInfo {
  type: number;
  code: number;
  /** For errors (destination unreachable, time exceeded…): the quoted flow. */
  inner?: QuotedFlow;
}

export interface DecodedPacket {
  /** Capture time, microseconds since the Unix epoch. */
  time: number;
  /** Bytes captured. */
  caplen: number;
  /** Bytes on the wire. */
  origlen: number;
  /** Link-layer type of the capture (LINKTYPE_* number). */
  linkType: number;
  /** Highest decoded layer: 'TCP', 'UDP', 'ICMP', 'ICMPv6', 'IPv4', 'IPv6', 'ARP', 'Ethernet'… */
  proto: string;
  ipVersion?: 4 | 6;
  src?: string;
  dst?: string;
  sport?: number;
  dport?: number;
  /** Payload bytes of the highest decoded layer (TCP/UDP data; ICMP body). */
  len: number;
  tcp?: TcpHeader;
  icmp?: IcmpInfo;
  /** IPv4/IPv6 fragment (only the first fragment carries the transport header). */
  fragment?: { id: number; offset: number; more: boolean };
  /** On the fragment that completed an IP datagram: how many fragments, how many bytes. */
  reassembled?: { fragments: number; bytes: number };
  /** Up to 256 bytes of the transport payload as lowercase hex, for previews. */
  payloadHex?: string;
  /** Cut short by the snap length: decoded as far as it goes. */
  truncated?: boolean;
  /** Why the packet could not be fully decoded. */
  malformed?: string;
}
