/**
 * Which analysis thread of a sharded `analyze` owns a packet: the one its flow hashes to, so every
 * packet that reads or changes a flow's state (both directions, and ICMP errors quoting it) is
 * analysed by the same thread. Packets that touch no flow are spread by number. `quickShard`
 * finds the owner of the common packet (Ethernet, IPv4 unfragmented, TCP or UDP) from its bytes,
 * so a thread need not decode the packets it does not own; it agrees with `shardOf`.
 */
import type { DecodedPacket } from '../../core/decode/decoded-packet.ts';
import { normalizeAddress } from '../../core/conversation-id.ts';
import { LINKTYPE } from '../../core/decode/link-types.ts';

const IPV4_DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** An IPv4 address as its 32 bits; any other address as a hash of its text. */
function addressNumber(address: string): number {
  const m = IPV4_DOTTED.exec(address);
  if (m) return ((+m[1]! << 24) | (+m[2]! << 16) | (+m[3]! << 8) | +m[4]!) >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < address.length; i++) h = Math.imul(h ^ address.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function endpointHash(address: number, port: number): number {
  const h = Math.imul(address ^ Math.imul(port, 0x9e3779b1), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

/** The same for A→B and B→A: a sum of the two ends, its bits spread before the modulo. */
function owner(a: number, b: number, shards: number): number {
  const h = Math.imul((a + b) >>> 0, 0x9e3779b1) >>> 0;
  return (h >>> 16) % shards;
}

function flowOwner(src: string, sport: number, dst: string, dport: number, shards: number) {
  return owner(
    endpointHash(addressNumber(normalizeAddress(src)), sport),
    endpointHash(addressNumber(normalizeAddress(dst)), dport),
    shards,
  );
}

/**
 * The owner (0 to shards-1) of packet number `no`, decided as the analyzer finds flows: an ICMP
 * error by the flow it quotes, a packet with addresses and ports by its own (after reassembly).
 */
export function shardOf(p: DecodedPacket, no: number, shards: number): number {
  const q = p.icmp?.inner;
  if (q) {
    if (q.sport === undefined || q.dport === undefined) return no % shards;
    return flowOwner(q.src, q.sport, q.dst, q.dport, shards);
  }
  if (p.src === undefined || p.dst === undefined || p.sport === undefined || p.dport === undefined)
    return no % shards;
  return flowOwner(p.src, p.sport, p.dst, p.dport, shards);
}

const ETHERNET_HEADER = 14;
const ETHERTYPE_IPV4 = 0x0800;
const TCP = 6;
const UDP = 17;

/**
 * `shardOf` of the frame without decoding it, for Ethernet frames with an unfragmented IPv4
 * datagram carrying a whole TCP or UDP header; -1 for any other frame (decode it, then shardOf).
 */
export function quickShard(linkType: number, d: Uint8Array, shards: number): number {
  if (linkType !== LINKTYPE.ETHERNET || d.length < ETHERNET_HEADER + 20) return -1;
  if (((d[12]! << 8) | d[13]!) !== ETHERTYPE_IPV4) return -1;
  const ip = ETHERNET_HEADER;
  const ihl = (d[ip]! & 0x0f) * 4;
  if (d[ip]! >> 4 !== 4 || ihl < 20) return -1;
  // More fragments, or not the first: reassembly decides.
  if ((d[ip + 6]! & 0x3f) !== 0 || d[ip + 7] !== 0) return -1;
  const proto = d[ip + 9];
  const t = ip + ihl;
  if ((proto !== TCP || d.length < t + 20) && (proto !== UDP || d.length < t + 8)) return -1;
  const total = (d[ip + 2]! << 8) | d[ip + 3]!;
  if (total < ihl + (proto === TCP ? 20 : 8)) return -1;
  const src = ((d[ip + 12]! << 24) | (d[ip + 13]! << 16) | (d[ip + 14]! << 8) | d[ip + 15]!) >>> 0;
  const dst = ((d[ip + 16]! << 24) | (d[ip + 17]! << 16) | (d[ip + 18]! << 8) | d[ip + 19]!) >>> 0;
  const sport = (d[t]! << 8) | d[t + 1]!;
  const dport = (d[t + 2]! << 8) | d[t + 3]!;
  return owner(endpointHash(src, sport), endpointHash(dst, dport), shards);
}
