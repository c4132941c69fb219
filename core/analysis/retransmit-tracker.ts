/**
 * Finds each retransmission's origin (see RetransmitOrigin): remembers, per direction, the first
 * transmission of the bytes still unacknowledged (and of the last few acknowledged, for spurious
 * retransmissions), bounded like Wireshark's list of unacked segments.
 */
import type { AnalysisFlag } from './packet-analysis.ts';
import type { RetransmitOrigin } from './retransmit-origin.ts';
import { seqAdd, seqGe, seqLe, seqLt } from './seq-math.ts';
import { SENT, type TcpDirection } from './tcp-direction.ts';

const MAX_UNACKED = 1000;
const MAX_ACKED = 32;

export interface TracedSegment {
  /** Raw sequence and acknowledgment numbers. */
  seq: number;
  ack: number;
  hasAck: boolean;
  len: number;
  syn: boolean;
  fin: boolean;
  time: number;
  /** This packet's number. */
  no: number;
}

/**
 * Remembers `seg` (sent in direction `fwd`, after tshark's flags were found) and, when it is a
 * retransmission whose original was captured, says where it comes from. `rev.dupacknum` is the
 * receiver's count of duplicate ACKs (tcp-seq-analysis keeps it).
 */
export function traceRetransmission(
  fwd: TcpDirection,
  rev: TcpDirection,
  seg: TracedSegment,
  flags: readonly AnalysisFlag[],
): RetransmitOrigin | undefined {
  if (seg.hasAck) acknowledge(rev, seg.ack);
  const span = seg.len + (seg.syn ? 1 : 0) + (seg.fin ? 1 : 0);
  if (span === 0) return undefined;
  if (!flags.includes('retransmission')) {
    const n = fwd.sentLength;
    if (n < MAX_UNACKED * SENT.size) {
      const sent = fwd.sent;
      sent[n + SENT.seq] = seg.seq;
      sent[n + SENT.end] = seqAdd(seg.seq, span);
      sent[n + SENT.no] = seg.no;
      sent[n + SENT.first] = seg.time;
      sent[n + SENT.last] = seg.time;
      sent[n + SENT.tries] = 0;
      fwd.sentLength = n + SENT.size;
    }
    return undefined;
  }
  let list = fwd.sent;
  let o = firstCovering(list, fwd.sentLength, seg.seq);
  if (o === -1) {
    list = fwd.sentAcked;
    o = lastCovering(list, fwd.sentAckedLength, seg.seq);
  }
  if (o === -1) return undefined; // the original was not captured
  const previous = list[o + SENT.last]!;
  const tries = ++list[o + SENT.tries]!;
  list[o + SENT.last] = seg.time;
  const fast = flags.includes('fast_retransmission');
  return {
    original: list[o + SENT.no]!,
    sinceUs: seg.time - list[o + SENT.first]!,
    sincePreviousUs: seg.time - previous,
    attempt: tries,
    trigger: fast ? 'duplicate_acks' : 'timeout',
    ...(fast ? { dupAcks: Math.max(rev.dupacknum, 0) } : {}),
  };
}

const covers = (list: number[], i: number, seq: number) =>
  seqLe(list[i + SENT.seq]!, seq) && seqLt(seq, list[i + SENT.end]!);

/** Index of the first entry holding `seq` among the first `length` numbers (-1 when none). */
function firstCovering(list: number[], length: number, seq: number): number {
  for (let i = 0; i < length; i += SENT.size) if (covers(list, i, seq)) return i;
  return -1;
}

/** Index of the last entry holding `seq` among the first `length` numbers (-1 when none). */
function lastCovering(list: number[], length: number, seq: number): number {
  for (let i = length - SENT.size; i >= 0; i -= SENT.size) if (covers(list, i, seq)) return i;
  return -1;
}

/** Moves what `ack` acknowledges from the unacknowledged list to the short acknowledged one. */
function acknowledge(dir: TcpDirection, ack: number): void {
  const unacked = dir.sent;
  const acked = dir.sentAcked;
  let kept = 0;
  let ackedLength = dir.sentAckedLength;
  for (let i = 0; i < dir.sentLength; i += SENT.size) {
    if (seqGe(ack, unacked[i + SENT.end]!)) {
      for (let f = 0; f < SENT.size; f++) acked[ackedLength++] = unacked[i + f]!;
    } else {
      if (kept !== i) for (let f = 0; f < SENT.size; f++) unacked[kept + f] = unacked[i + f]!;
      kept += SENT.size;
    }
  }
  dir.sentLength = kept;
  // Moved to the front in place (splice would allocate the list it removes); the list keeps its
  // store, like the unacknowledged one.
  const over = ackedLength - MAX_ACKED * SENT.size;
  if (over > 0) {
    acked.copyWithin(0, over, ackedLength);
    ackedLength -= over;
  }
  dir.sentAckedLength = ackedLength;
}
