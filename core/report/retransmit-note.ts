/**
 * The short mark a retransmission carries on the ladder and in the table, beside its flags: the
 * packet it repeats, and the timeout that fired or the duplicate ACKs that set it off.
 * `↻ #4 after 1012 ms`, `↻ #8 after 3 dup ACKs`.
 */
import type { PacketRecord } from '../records.ts';
import { analysisNote } from './packet-label.ts';

export function retransmitNote(p: PacketRecord): string {
  const r = p.analysis?.retransmits;
  if (!r) return '';
  const why =
    r.trigger === 'duplicate_acks'
      ? `${r.dupAcks ?? 0} dup ACKs`
      : `${Math.round(r.sincePreviousUs / 1000)} ms`;
  return `↻ #${r.original} after ${why}`;
}

/** The analysis flags' note followed by the retransmission's own (the ladder and table show it). */
export function packetNote(p: PacketRecord): string {
  return [analysisNote(p), retransmitNote(p)].filter((s) => s !== '').join(' ');
}
