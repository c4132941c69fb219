/**
 * Relative sequence numbers and window scaling as Wireshark shows them (tcp.seq, tcp.ack,
 * tcp.nxtseq, tcp.window_size). @see RFC 9293 §3.4, RFC 7323 §2
 */
import type { TcpHeader } from '../decode/decoded-packet.ts';
import type { TcpDirection } from './tcp-direction.ts';
import { seqAdd, seqSub } from './seq-math.ts';
import { ACK_BIT, FIN_BIT, SYN_BIT, tcpFlagBits } from '../decode/tcp-flag-bits.ts';

/** Largest shift RFC 7323 §2.3 allows; larger values are treated as 14. */
const MAX_WSCALE = 14;

/**
 * Fix each direction's base on first sight: the ISN from a SYN, else seq-1 (so a mid-connection
 * capture starts at 1, like Wireshark); the other direction's base from the first ACK (ack-1).
 */
export function setBases(
  fwd: TcpDirection,
  rev: TcpDirection,
  tcp: TcpHeader,
  /** tcp.flags as bits (tcp-flag-bits.ts), when the caller has them. */
  bits = tcpFlagBits(tcp.flags),
): void {
  if (!fwd.baseSet) {
    fwd.baseSeq = bits & SYN_BIT ? tcp.seq : seqSub(tcp.seq, 1);
    fwd.baseSet = true;
  }
  if (!rev.baseSet && bits & ACK_BIT) {
    rev.baseSeq = seqSub(tcp.ack, 1);
    rev.baseSet = true;
  }
}

export interface RelativeNumbers {
  seq: number;
  ack?: number;
  nextSeq: number;
}

/**
 * Relative seq/ack/next seq; ack only when the ACK flag is set. Next seq is given on every
 * segment (seq + len, +1 for SYN or FIN), as tshark 4.0 prints tcp.nxtseq on pure ACKs too.
 * Written into `into` when given (e.g. the packet's analysis: no object of their own).
 */
export function relativeNumbers(
  fwd: TcpDirection,
  rev: TcpDirection,
  tcp: TcpHeader,
  len: number,
  into?: Partial<RelativeNumbers>,
  bits = tcpFlagBits(tcp.flags),
): RelativeNumbers {
  const seq = seqSub(tcp.seq, fwd.baseSeq);
  const ctl = bits & (SYN_BIT | FIN_BIT) ? 1 : 0;
  const out = (into ?? {}) as RelativeNumbers;
  out.seq = seq;
  out.nextSeq = seqAdd(seq, len + ctl);
  if (bits & ACK_BIT) out.ack = seqSub(tcp.ack, rev.baseSeq);
  return out;
}

/** tcp.window_size: the raw window shifted by the sender's scale when known; SYNs never scaled. */
export function scaledWindow(
  fwd: TcpDirection,
  tcp: TcpHeader,
  bits = tcpFlagBits(tcp.flags),
): number {
  if (bits & SYN_BIT || fwd.winScale < 0) return tcp.window;
  // A shift, not 2 ** winScale (a call to pow for every segment): winScale is at most 14.
  return tcp.window * (1 << fwd.winScale);
}

/**
 * Take in the window scale option after the segment is analyzed (Wireshark's
 * verify_tcp_window_scaling): scaling is used only when both SYN and SYN,ACK carried it.
 */
export function noteWindowScale(
  fwd: TcpDirection,
  rev: TcpDirection,
  tcp: TcpHeader,
  bits = tcpFlagBits(tcp.flags),
): void {
  const ws = tcp.options.wscale;
  if (ws !== undefined) fwd.winScale = Math.min(ws, MAX_WSCALE);
  if (!(bits & SYN_BIT)) return;
  if (fwd.winScale === -1) {
    fwd.winScale = -2;
    rev.winScale = -2;
  } else if (bits & ACK_BIT && rev.winScale === -2) {
    fwd.winScale = -2;
  }
}
