/**
 * Wireshark's TCP sequence analysis (tcp_analyze_sequence_number in packet-tcp.c): the
 * tcp.analysis.* flags of one segment, checked in the same order and on the same conditions.
 * Updates the two direction records in place; numbers are raw, 0 meaning "not seen".
 */
import type { TcpFlag } from '../decode/decoded-packet.ts';
import type { AnalysisFlag } from './packet-analysis.ts';
import { MAX_UNACKED_SEGMENTS, type TcpDirection } from './tcp-direction.ts';
import { seqAdd, seqGe, seqGt, seqLe, seqLt, seqSub } from './seq-math.ts';
import { ACK_BIT, FIN_BIT, RST_BIT, SYN_BIT, tcpFlagBits } from '../decode/tcp-flag-bits.ts';

export interface AnalyzedSegment {
  seq: number;
  ack: number;
  len: number;
  flags: readonly TcpFlag[];
  /** `flags` as bits (tcp-flag-bits.ts), when the caller has them. */
  bits?: number;
  /** Raw window field. */
  window: number;
  /** Capture time, µs. */
  time: number;
}

export interface SeqAnalysis {
  flags: AnalysisFlag[];
  dupAckNum?: number;
}

/** Shared by every segment without flags, so remembering "no flags" allocates nothing. */
const NO_FLAGS: readonly AnalysisFlag[] = [];
/** The answer for most segments (no flags, no duplicate ACK): nothing allocated for them. */
const NOTHING: SeqAnalysis = Object.freeze({ flags: NO_FLAGS as AnalysisFlag[] });
/** Flags are collected here and copied out only when there are some (one list, refilled). */
const found: AnalysisFlag[] = [];

/** Wireshark: a retransmission within 20 ms of the duplicate ACKs is a fast one. */
const FAST_RETRANSMIT_US = 20_000;
/** Wireshark's out-of-order window when the initial RTT is not known. */
const DEFAULT_OOO_US = 3_000;

/**
 * Flags for `seg` sent in direction `fwd` (`rev` is the other one). `initialRttUs` is the
 * stream's tcp.analysis.initial_rtt when known. SACK-based fast-retransmission rules are left out.
 */
export function analyzeTcpSequence(
  fwd: TcpDirection,
  rev: TcpDirection,
  seg: AnalyzedSegment,
  initialRttUs?: number,
): SeqAnalysis {
  const { seq, ack, len, window } = seg;
  const bits = seg.bits ?? tcpFlagBits(seg.flags);
  const syn = (bits & SYN_BIT) !== 0;
  const fin = (bits & FIN_BIT) !== 0;
  const rst = (bits & RST_BIT) !== 0;
  const ctl = syn || fin || rst;
  const flags = found;
  flags.length = 0;
  let dupAckNum: number | undefined;

  fwdChecks: {
    if (len === 1 && seq === fwd.nextseq && rev.window === 0) {
      flags.push('zero_window_probe');
      break fwdChecks;
    }
    if (window === 0 && !ctl) flags.push('zero_window');
    if (fwd.nextseq && seqGt(seq, fwd.nextseq) && !rst) flags.push('lost_segment');
    if (len <= 1 && seq === seqSub(fwd.nextseq, 1) && !ctl) flags.push('keep_alive');
    const sameSeqAck = seq === fwd.nextseq && ack === fwd.lastack && !ctl;
    if (len === 0 && window && window !== fwd.window && sameSeqAck) flags.push('window_update');
    if (len > 0 && rev.winScale !== -1 && !ctl) {
      const shift = rev.isFirstAck || rev.winScale === -2 ? 0 : rev.winScale;
      if (seqAdd(seq, len) === seqAdd(rev.lastack, rev.window * 2 ** shift))
        flags.push('window_full');
    }
    if (len === 0 && window && window === fwd.window && sameSeqAck) {
      if (rev.lastsegmentflags.includes('keep_alive')) {
        flags.push('keep_alive_ack');
        break fwdChecks;
      }
    }
    const ackPlusOne = ack === seqAdd(fwd.lastack, 1);
    if (
      len === 0 &&
      window === 0 &&
      window === fwd.window &&
      seq === fwd.nextseq &&
      (ack === fwd.lastack || ackPlusOne) &&
      rev.lastsegmentflags.includes('zero_window_probe') &&
      !ctl
    ) {
      flags.push('zero_window_probe_ack');
      // The receiver took the probe's byte after all (Wireshark issue 10745).
      if (ackPlusOne) rev.nextseq = rev.maxseqtobeacked = ack;
      break fwdChecks;
    }
    if (len === 0 && window && window === fwd.window && sameSeqAck) {
      fwd.dupacknum = fwd.dupacknum === -1 ? 1 : fwd.dupacknum + 1;
      flags.push('duplicate_ack');
      dupAckNum = fwd.dupacknum;
    }
  }

  if (ack !== fwd.lastack) fwd.dupacknum = 0;

  if (rev.maxseqtobeacked && seqGt(ack, rev.maxseqtobeacked) && bits & ACK_BIT) {
    const probeEnd =
      ack === seqAdd(fwd.lastack, 1) &&
      seq === fwd.nextseq &&
      rev.lastsegmentflags.includes('zero_window_probe');
    if (probeEnd) {
      rev.nextseq = rev.maxseqtobeacked = ack;
      flags.push('window_update');
    } else if (seqLt(rev.maxseqtobeacked, rev.nextseq)) {
      // New data was seen past the hole since: flag, and count from what was seen.
      rev.maxseqtobeacked = rev.nextseq;
      flags.push('ack_lost_segment');
    } else {
      // Nothing new from the other side: flag the same hole once, until that side ACKs again.
      if (rev.dupacknum === 0) flags.push('ack_lost_segment');
      rev.dupacknum = -1;
    }
  }

  if (len > 0 || syn || fin) retransmissionChecks(fwd, rev, seg, flags, initialRttUs);
  const kept = flags.length ? flags.slice() : (NO_FLAGS as AnalysisFlag[]);
  record(fwd, rev, seg, kept);
  if (dupAckNum !== undefined) return { flags: kept, dupAckNum };
  return kept.length ? { flags: kept } : NOTHING;
}

/**
 * Retransmission, fast retransmission, spurious retransmission or out-of-order. Like Wireshark,
 * a fast or spurious retransmission is also flagged as a retransmission.
 */
function retransmissionChecks(
  fwd: TcpDirection,
  rev: TcpDirection,
  seg: AnalyzedSegment,
  flags: AnalysisFlag[],
  initialRttUs: number | undefined,
): void {
  const { seq, len } = seg;
  if (flags.includes('keep_alive')) return;
  let notAdvanced = fwd.nextseq !== 0 && seqLt(seq, fwd.nextseq);
  // Data right after a possible zero window probe really adds data.
  if (len > 1 && seqSub(fwd.nextseq, 1) === seq) notAdvanced = false;
  if (len > 0 && rev.lastack && seqLe(seqAdd(seq, len), rev.lastack)) {
    flags.push('spurious_retransmission', 'retransmission');
    return;
  }
  if (!notAdvanced) return;
  const t = seg.time > rev.lastackTime ? seg.time - rev.lastackTime : 0;
  if (t < FAST_RETRANSMIT_US && rev.dupacknum >= 2 && rev.lastack === seq) {
    flags.push('fast_retransmission', 'retransmission');
    return;
  }
  // Out of order: soon after the segment that last moved this side's nextseq on.
  const sinceNext = seg.time > fwd.nextseqTime ? seg.time - fwd.nextseqTime : 0;
  const oooUs = initialRttUs || DEFAULT_OOO_US;
  const end = seqAdd(seq, len);
  if (sinceNext < oooUs) {
    const ctl = (seg.bits ?? tcpFlagBits(seg.flags)) & (SYN_BIT | FIN_BIT) ? 1 : 0;
    // Ending where nextseq is, an empty last segment makes it out of order only if not sent before
    // (a SYN/ACK sent twice in pptp.pcap is a retransmission).
    let seen = false;
    const segments = fwd.segments;
    for (let i = 0; i < fwd.segmentsLength && !seen; i += 2)
      seen = seqGe(seq, segments[i]!) && seqLe(end, segments[i + 1]!);
    if (fwd.nextseq !== seqAdd(end, ctl) || (fwd.lastacklen === 0 && !seen)) {
      flags.push('out_of_order');
      return;
    }
  }
  flags.push('retransmission');
}

/** Remember this segment: nextseq, unacked list, last ack/window/flags; drop what it acks. */
function record(
  fwd: TcpDirection,
  rev: TcpDirection,
  seg: AnalyzedSegment,
  flags: AnalysisFlag[],
): void {
  const { seq, ack, len } = seg;
  const ctl = (seg.bits ?? tcpFlagBits(seg.flags)) & (SYN_BIT | FIN_BIT) ? 1 : 0;
  const probe = flags.includes('zero_window_probe');
  let nextseq = seqAdd(seq, len);
  if ((len || ctl) && fwd.segmentsLength < 2 * MAX_UNACKED_SEGMENTS) {
    nextseq = seqAdd(nextseq, ctl);
    fwd.segments[fwd.segmentsLength++] = seq;
    fwd.segments[fwd.segmentsLength++] = nextseq;
  }
  if (!fwd.nextseq || seqGt(nextseq, seqAdd(fwd.nextseq, ctl))) fwd.lastacklen = len;
  if ((!fwd.nextseq || seqGt(nextseq, fwd.nextseq)) && !probe) {
    fwd.nextseq = nextseq;
    fwd.nextseqTime = seg.time;
  }
  if ((!fwd.maxseqtobeacked || seq === fwd.maxseqtobeacked) && !probe) {
    fwd.maxseqtobeacked = fwd.nextseq;
  }
  fwd.window = seg.window;
  fwd.lastack = ack;
  fwd.lastackTime = seg.time;
  fwd.lastsegmentflags = flags;
  // Drop what this acknowledges, in place (this runs for every segment); the list keeps its store.
  const segments = rev.segments;
  let kept = 0;
  for (let i = 0; i < rev.segmentsLength; i += 2) {
    const next = segments[i + 1]!;
    if (seqGe(ack, next)) continue;
    // Partly acknowledged: from the ack on.
    segments[kept++] = seqGt(ack, segments[i]!) ? ack : segments[i]!;
    segments[kept++] = next;
  }
  rev.segmentsLength = kept;
}
