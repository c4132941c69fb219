/**
 * The fields compared between Packet Ladder and tshark for one packet, in one shape: numbers as
 * numbers, absent fields left out, TCP flags as the 9-bit field, analysis flags sorted by name.
 */

export interface PacketView {
  no: number;
  src?: string;
  dst?: string;
  sport?: number;
  dport?: number;
  /** tcp.stream or udp.stream. */
  stream?: number;
  seq?: number;
  /** Only when the ACK flag is set (tshark prints 0 otherwise; we print nothing). */
  ack?: number;
  /** tcp.len, or UDP data bytes (udp.length - 8). */
  len?: number;
  win?: number;
  /** FIN = 0x001 … AE = 0x100, like tshark's tcp.flags. */
  flags?: number;
  nextSeq?: number;
  /** ICMP or ICMPv6 type and code. */
  type?: number;
  code?: number;
  /** Names of the tcp.analysis.* flags, without the prefix, sorted. */
  analysis?: string[];
}

/** Drops undefined keys so views compare with toEqual regardless of how they were built. */
export function compact(view: PacketView): PacketView {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(view)) if (v !== undefined) out[k] = v;
  return out as unknown as PacketView;
}
