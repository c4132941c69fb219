/** Analyzer-style texts for one packet: the flag string, the arrow label and the table's info. */
import { TCP_FLAGS, type TcpFlag } from '../decode/decoded-packet.ts';
import type { AnalysisFlag } from '../analysis/packet-analysis.ts';
import type { PacketRecord } from '../protocol.ts';

/** `SYN,ACK` for [SYN, ACK]; `NONE` for a segment with no flag at all. */
export function flagString(flags: readonly TcpFlag[]): string {
  if (flags.length === 0) return 'NONE';
  return [...new Set(flags)].sort((a, b) => TCP_FLAGS.indexOf(a) - TCP_FLAGS.indexOf(b)).join(',');
}

/** The `data-step` value of a packet: TCP flags, else the highest decoded protocol. */
export function packetStep(p: PacketRecord): string {
  if (p.tcp) return flagString(p.tcp.flags);
  return p.proto;
}

/** Sequence numbers as shown: relative from the analysis when present, else raw. */
export function tcpNumbers(p: PacketRecord): { seq: number; ack: number; win: number } | null {
  if (!p.tcp) return null;
  return {
    seq: p.analysis?.seq ?? p.tcp.seq,
    ack: p.analysis?.ack ?? p.tcp.ack,
    win: p.analysis?.win ?? p.tcp.window,
  };
}

/** Whether the Ack field means something (ACK flag set). */
export function hasAck(p: PacketRecord): boolean {
  return p.tcp?.flags.includes('ACK') ?? false;
}

const ICMP_NAMES: Record<string, string> = {
  '4:0:0': 'Echo reply',
  '4:3:0': 'Destination unreachable (network)',
  '4:3:1': 'Destination unreachable (host)',
  '4:3:3': 'Destination unreachable (port)',
  '4:8:0': 'Echo request',
  '4:11:0': 'Time exceeded',
  '6:1:4': 'Destination unreachable (port)',
  '6:1:0': 'Destination unreachable (no route)',
  '6:128:0': 'Echo request',
  '6:129:0': 'Echo reply',
};

function icmpText(p: PacketRecord): string {
  if (!p.icmp) return p.proto;
  const v = p.proto === 'ICMPv6' ? 6 : 4;
  const name = ICMP_NAMES[`${v}:${p.icmp.type}:${p.icmp.code}`];
  return name ?? `type ${p.icmp.type} code ${p.icmp.code}`;
}

/** The arrow label: `SYN Seq=0 Win=65495 MSS=65495`, `PSH,ACK Seq=1 Ack=1 Len=13`, `UDP Len=13`. */
export function packetLabel(p: PacketRecord): string {
  const n = tcpNumbers(p);
  if (p.tcp && n) {
    const parts = [flagString(p.tcp.flags), `Seq=${n.seq}`];
    if (hasAck(p)) parts.push(`Ack=${n.ack}`);
    const syn = p.tcp.flags.includes('SYN');
    const windowNews = p.analysis?.analysis?.some(
      (f) => f.startsWith('zero_window') || f === 'window_update',
    );
    if (syn || windowNews) parts.push(`Win=${n.win}`);
    if (p.len > 0) parts.push(`Len=${p.len}`);
    if (p.tcp.options.mss !== undefined) parts.push(`MSS=${p.tcp.options.mss}`);
    return parts.join(' ');
  }
  if (p.proto === 'UDP') return `UDP Len=${p.len}`;
  if (p.proto.startsWith('ICMP')) return `${p.proto} ${icmpText(p)}`;
  return p.proto;
}

/** Wireshark's bracketed names for analysis flags: `TCP Retransmission`, `TCP Dup ACK 1#1`… */
const ANALYSIS_NAMES: Record<AnalysisFlag, string> = {
  retransmission: 'TCP Retransmission',
  fast_retransmission: 'TCP Fast Retransmission',
  spurious_retransmission: 'TCP Spurious Retransmission',
  out_of_order: 'TCP Out-Of-Order',
  lost_segment: 'TCP Previous segment not captured',
  ack_lost_segment: 'TCP ACKed unseen segment',
  duplicate_ack: 'TCP Dup ACK',
  zero_window: 'TCP ZeroWindow',
  zero_window_probe: 'TCP ZeroWindowProbe',
  zero_window_probe_ack: 'TCP ZeroWindowProbeAck',
  window_full: 'TCP Window Full',
  window_update: 'TCP Window Update',
  keep_alive: 'TCP Keep-Alive',
  keep_alive_ack: 'TCP Keep-Alive ACK',
};

/** `[TCP Dup ACK #2] [TCP Window Full]`, or '' when the analysis found nothing. */
export function analysisNote(p: PacketRecord): string {
  const flags = p.analysis?.analysis ?? [];
  return flags
    .map((f) => {
      const name = ANALYSIS_NAMES[f] ?? f;
      return f === 'duplicate_ack' && p.analysis?.dupAckNum
        ? `[${name} #${p.analysis.dupAckNum}]`
        : `[${name}]`;
    })
    .join(' ');
}

/** The table's info text: every number an analyzer lists, plus the analysis notes. */
export function packetInfo(p: PacketRecord): string {
  const n = tcpNumbers(p);
  let text: string;
  if (p.tcp && n) {
    const parts = [`Seq=${n.seq}`];
    if (hasAck(p)) parts.push(`Ack=${n.ack}`);
    parts.push(`Win=${n.win}`, `Len=${p.len}`);
    const o = p.tcp.options;
    if (o.mss !== undefined) parts.push(`MSS=${o.mss}`);
    if (o.wscale !== undefined) parts.push(`WS=${2 ** o.wscale}`);
    if (o.sackPermitted) parts.push('SACK_PERM');
    text = parts.join(' ');
  } else if (p.proto === 'UDP') {
    text = `${p.sport ?? '?'} → ${p.dport ?? '?'} Len=${p.len}`;
  } else if (p.proto.startsWith('ICMP')) {
    const inner = p.icmp?.inner;
    text =
      icmpText(p) + (inner ? ` (${inner.proto} ${inner.sport ?? ''} → ${inner.dport ?? ''})` : '');
  } else {
    text = p.proto;
  }
  const note = analysisNote(p);
  return note ? `${text} ${note}` : text;
}
