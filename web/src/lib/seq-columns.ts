/**
 * The sequence columns of a TCP packet's row, relative (like Wireshark) or absolute (raw header
 * fields), with the arithmetic behind Ack and NextSeq spelled out for hovering.
 */
import type { PacketRecord, SessionRecord } from '../../../core/protocol.ts';
import { hasAck } from './packet-label.ts';
import { t } from './messages.ts';

/** How sequence numbers are shown. */
export type SeqMode =
  | 'relative' // from 0 at the SYN, as Wireshark shows them by default
  | 'absolute'; // the raw 32-bit header fields

export interface SeqColumns {
  seq: number;
  ack?: number;
  nextSeq: number;
  win: number;
  seqTitle: string;
  ackTitle: string;
  nextSeqTitle: string;
}

const MOD = 2 ** 32;

/** Sequence space a segment takes beyond its payload: SYN and FIN count one each. */
function control(p: PacketRecord): { syn: number; fin: number } {
  const f = p.tcp?.flags ?? [];
  return { syn: f.includes('SYN') ? 1 : 0, fin: f.includes('FIN') ? 1 : 0 };
}

function numbers(p: PacketRecord, mode: SeqMode): { seq: number; ack: number; next: number } {
  const tcp = p.tcp!;
  const { syn, fin } = control(p);
  const a = p.analysis;
  if (mode === 'relative' && a?.seq !== undefined) {
    return { seq: a.seq, ack: a.ack ?? tcp.ack, next: a.nextSeq ?? a.seq + p.len + syn + fin };
  }
  return { seq: tcp.seq, ack: tcp.ack, next: (tcp.seq + p.len + syn + fin) % MOD };
}

function extra(p: PacketRecord): string {
  const { syn, fin } = control(p);
  return (syn ? t('arith.syn') : '') + (fin ? t('arith.fin') : '');
}

/** The columns of `p`; `conversation` holds the packets its Ack may acknowledge. */
export function seqColumns(
  p: PacketRecord & { seq: number },
  conversation: readonly SessionRecord[],
  mode: SeqMode,
): SeqColumns | null {
  if (!p.tcp) return null;
  const n = numbers(p, mode);
  const nextSeqTitle = t('arith.nextSeq', {
    next: n.next,
    seq: n.seq,
    len: p.len,
    extra: extra(p),
  });
  const out: SeqColumns = {
    seq: n.seq,
    nextSeq: n.next,
    win: p.analysis?.win ?? p.tcp.window,
    seqTitle: t('arith.seq', { seq: n.seq }),
    ackTitle: '',
    nextSeqTitle,
  };
  if (!hasAck(p)) return out;
  out.ack = n.ack;
  const peer = p.analysis?.from === 'client' ? 'server' : 'client';
  const acked = ackedPacket(p, conversation, mode);
  if (acked) {
    const m = numbers(acked, mode);
    out.ackTitle = t('arith.ack', {
      ack: n.ack,
      seq: m.seq,
      len: acked.len,
      extra: extra(acked),
      no: acked.seq,
      side: t(`role.${peer}`),
    });
  } else {
    out.ackTitle = t('arith.ackUnknown', { ack: n.ack, side: t(`role.${peer}`) });
  }
  return out;
}

/**
 * The peer's latest earlier segment that takes sequence space and ends where `p`'s Ack points:
 * the one it acknowledges.
 */
export function ackedPacket(
  p: PacketRecord & { seq: number },
  conversation: readonly SessionRecord[],
  mode: SeqMode,
): (PacketRecord & { seq: number }) | null {
  const ack = numbers(p, mode).ack;
  let found: (PacketRecord & { seq: number }) | null = null;
  for (const r of conversation) {
    if (r.type !== 'packet' || !r.tcp || r.seq === p.seq || r.conv !== p.conv) continue;
    if (r.time > p.time || r.analysis?.from === p.analysis?.from) continue;
    const { syn, fin } = control(r);
    if (r.len + syn + fin === 0) continue;
    if (numbers(r, mode).next === ack) found = r;
  }
  return found;
}
