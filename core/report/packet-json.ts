/**
 * The JSON object `packet-ladder analyze` prints for one packet (one line of JSON Lines): the keys
 * are documented in ANALYZE_KEYS and match Wireshark's values (relative sequence numbers).
 */
import type { PacketRecord } from '../records.ts';
import { explain } from '../explain/explain.ts';
import { renderExplanation, type Locale } from '../explain/render-explanation.ts';

export interface PacketJson {
  no: number;
  time: number;
  src?: string;
  dst?: string;
  proto: string;
  len: number;
  sport?: number;
  dport?: number;
  stream?: number;
  flags?: string[];
  seq?: number;
  ack?: number;
  seqRaw?: number;
  ackRaw?: number;
  win?: number;
  options?: object;
  nextSeq?: number;
  analysis?: string[];
  teach?: string[];
  states?: { client: string; server: string };
  corrected?: true;
  phase?: string;
  type?: number;
  code?: number;
  inner?: object;
  fragment?: object;
  reassembled?: object;
  truncated?: boolean;
  malformed?: string;
  file?: string;
  explain?: string;
}

/**
 * `time` is seconds since `firstTime` (µs), rounded to the microsecond. With `lang`, `explain` is
 * the sentence the page shows for the packet.
 */
export function packetJson(
  p: PacketRecord,
  firstTime: number,
  file?: string,
  lang?: Locale,
): PacketJson {
  const a = p.analysis;
  const out: PacketJson = {
    ...(file !== undefined ? { file } : {}),
    no: p.no,
    time: Math.round(p.time - firstTime) / 1e6,
    src: p.src,
    dst: p.dst,
    proto: p.proto,
    len: p.len,
    sport: p.sport,
    dport: p.dport,
  };
  if (p.tcp) {
    Object.assign(out, {
      stream: a?.stream,
      flags: p.tcp.flags,
      seq: a?.seq,
      ack: a?.ack,
      seqRaw: p.tcp.seq,
      ackRaw: p.tcp.flags.includes('ACK') ? p.tcp.ack : undefined,
      win: a?.win ?? p.tcp.window,
      options: p.tcp.options,
      nextSeq: a?.nextSeq,
      analysis: a?.analysis ?? [],
      states: a?.states,
      phase: a?.phase,
    });
    if (a?.teach) out.teach = a.teach;
    if (a?.corrected) out.corrected = true;
  } else if (p.proto === 'UDP' && a) {
    out.stream = a.stream;
  }
  if (p.icmp) Object.assign(out, { type: p.icmp.type, code: p.icmp.code, inner: p.icmp.inner });
  if (p.fragment) out.fragment = p.fragment;
  if (p.reassembled) out.reassembled = p.reassembled;
  if (p.truncated) out.truncated = true;
  if (p.malformed) out.malformed = p.malformed;
  if (lang) out.explain = renderExplanation(explain(p), lang);
  return out;
}

/** Help text for every key, printed by `analyze --help`. */
export const ANALYZE_KEYS: [key: string, meaning: string][] = [
  ['file', 'the file the packet came from (only when several files are given)'],
  ['no', 'frame number in its file, from 1'],
  ['time', 'seconds since the first packet of the file'],
  ['src, dst', 'IPv4 or IPv6 source and destination address'],
  ['proto', 'TCP, UDP, ICMP, ICMPv6, or the highest decoded layer (IPv4, IPv6, ARP, Ethernet…)'],
  ['len', 'payload bytes of that layer (tcp.len, UDP data bytes, ICMP body)'],
  ['sport, dport', 'TCP or UDP source and destination port'],
  ['stream', "conversation index like Wireshark's tcp.stream / udp.stream, from 0"],
  ['flags', 'TCP flags set, from FIN SYN RST PSH ACK URG ECE CWR AE (AE is the old NS bit)'],
  ['seq, ack', 'relative sequence and acknowledgment numbers, as Wireshark shows them by default'],
  ['seqRaw, ackRaw', 'the numbers as on the wire (ackRaw only when ACK is set)'],
  ['win', "window after scaling when the scale is known (Wireshark's tcp.window_size)"],
  [
    'options',
    'TCP options: mss, wscale, sackPermitted, sack [[left, right]…], timestamp {value, echo}',
  ],
  [
    'nextSeq',
    'relative sequence number after this segment (tcp.nxtseq), when it carries data, SYN or FIN',
  ],
  [
    'analysis',
    "Wireshark's tcp.analysis.* flags that apply (retransmission, duplicate_ack, zero_window…)",
  ],
  [
    'teach',
    "what the segment teaches in context, beside analysis (which stays exactly tshark's): keep_alive, keep_alive_ack, zero_window_probe, zero_window_probe_ack, syn_window_unscaled, fin_acks_fin",
  ],
  [
    'states',
    "each side's TCP state after the packet (RFC 9293 names): {client, server}, true in hindsight (a later packet may correct it)",
  ],
  [
    'corrected',
    "true when a later packet changed this packet's states (e.g. a SYN refused with RST)",
  ],
  ['phase', 'setup, data, close or reset'],
  ['type, code', 'ICMP / ICMPv6 type and code'],
  ['inner', 'for ICMP errors, the flow quoted inside: src, dst, proto, sport, dport'],
  ['fragment', 'IP fragment: id, offset (bytes), more'],
  [
    'reassembled',
    "on the fragment that completed an IP datagram: {fragments, bytes}; proto, ports and len are then the whole datagram's",
  ],
  ['truncated', 'true when the capture cut the packet short (snap length)'],
  ['malformed', 'why the packet could not be fully decoded'],
  ['explain', 'the one-sentence explanation the page shows for the packet (--lang en or zh-CN)'],
];
