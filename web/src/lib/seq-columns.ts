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

/** Finds the segment a packet's Ack acknowledges. */
export type AckFinder = (
  p: PacketRecord & { recNo: number },
) => (PacketRecord & { recNo: number }) | null;

/** The columns of `p`; `acked` finds the peer's segment its Ack points past. */
export function seqColumns(
  p: PacketRecord & { recNo: number },
  acked: AckFinder,
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
  const peer = t(`role.${p.analysis?.from === 'client' ? 'server' : 'client'}`);
  const a = acked(p);
  if (a) {
    const m = numbers(a, mode);
    out.ackTitle = t('arith.ack', {
      ack: n.ack,
      seq: m.seq,
      len: a.len,
      extra: extra(a),
      no: a.recNo,
      side: peer,
    });
  } else {
    out.ackTitle = t('arith.ackUnknown', { ack: n.ack, side: peer });
  }
  return out;
}

/**
 * An AckFinder over `records`: for a packet, the peer's latest earlier segment of the same
 * conversation that takes sequence space and ends where the Ack points. Indexed once, so a
 * table of thousands of rows stays cheap.
 */
export function ackFinder(records: readonly SessionRecord[], mode: SeqMode): AckFinder {
  const index = new Map<string, (PacketRecord & { recNo: number })[]>();
  const key = (conv: string | undefined, from: string | undefined, next: number) =>
    `${conv ?? ''}|${from ?? ''}|${next}`;
  for (const r of records) {
    if (r.type !== 'packet' || !r.tcp) continue;
    const { syn, fin } = control(r);
    if (r.len + syn + fin === 0) continue;
    const k = key(r.conv, r.analysis?.from, numbers(r, mode).next);
    const list = index.get(k) ?? [];
    list.push(r);
    index.set(k, list);
  }
  return (p) => {
    const peer = p.analysis?.from === 'client' ? 'server' : 'client';
    const list = index.get(key(p.conv, peer, numbers(p, mode).ack)) ?? [];
    let found: (PacketRecord & { recNo: number }) | null = null;
    for (const r of list) if (r.recNo !== p.recNo && r.time <= p.time) found = r;
    return found;
  };
}
