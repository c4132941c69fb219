/**
 * Finds each retransmission's origin (see RetransmitOrigin): remembers, per direction, the first
 * transmission of the bytes still unacknowledged (and of the last few acknowledged, for spurious
 * retransmissions), bounded like Wireshark's list of unacked segments.
 */
import type { AnalysisFlag } from './packet-analysis.ts';
import type { RetransmitOrigin } from './retransmit-origin.ts';
import { seqAdd, seqGe, seqLe, seqLt } from './seq-math.ts';
import type { SentSegment, TcpDirection } from './tcp-direction.ts';

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
    if (fwd.sent.length < MAX_UNACKED) {
      const end = seqAdd(seg.seq, span);
      fwd.sent.push({
        seq: seg.seq,
        end,
        no: seg.no,
        first: seg.time,
        last: seg.time,
        tries: 0,
      });
    }
    return undefined;
  }
  const covers = (s: SentSegment) => seqLe(s.seq, seg.seq) && seqLt(seg.seq, s.end);
  const o = fwd.sent.find(covers) ?? fwd.sentAcked.findLast(covers);
  if (!o) return undefined; // the original was not captured
  const previous = o.last;
  o.tries++;
  o.last = seg.time;
  const fast = flags.includes('fast_retransmission');
  return {
    original: o.no,
    sinceUs: seg.time - o.first,
    sincePreviousUs: seg.time - previous,
    attempt: o.tries,
    trigger: fast ? 'duplicate_acks' : 'timeout',
    ...(fast ? { dupAcks: Math.max(rev.dupacknum, 0) } : {}),
  };
}

/** Moves what `ack` acknowledges from the unacknowledged list to the short acknowledged one. */
function acknowledge(dir: TcpDirection, ack: number): void {
  const unacked = dir.sent;
  const acked = dir.sentAcked;
  let kept = 0;
  for (const s of unacked) {
    if (seqGe(ack, s.end)) acked.push(s);
    else unacked[kept++] = s;
  }
  unacked.length = kept;
  if (acked.length > MAX_ACKED) acked.splice(0, acked.length - MAX_ACKED);
}
