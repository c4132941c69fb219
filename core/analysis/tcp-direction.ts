/** What the analysis remembers about one direction of a TCP stream (Wireshark's tcp_flow_t). */
import type { AnalysisFlag } from './packet-analysis.ts';

/** Wireshark keeps at most this many unacknowledged segments per direction. */
export const MAX_UNACKED_SEGMENTS = 1000;

/**
 * One first transmission remembered for retransmissions to name (see retransmit-tracker.ts), as
 * `size` numbers in a row of a flat list: its bytes (raw seq to end; SYN and FIN count one), packet
 * number, first and last time sent (µs) and tries. A list of numbers holds them unboxed: no
 * object and no boxed number per entry, for every conversation a capture keeps.
 */
export const SENT = { seq: 0, end: 1, no: 2, first: 3, last: 4, tries: 5, size: 6 } as const;

/** Raw sequence numbers throughout; 0 means "not seen yet", as in Wireshark. */
export interface TcpDirection {
  /** Raw number that relative numbers count from; set on the first segment or ACK seen. */
  baseSeq: number;
  baseSet: boolean;
  /** Window scale shift: -1 unknown, -2 not used, else the shift (RFC 7323 §2.3). */
  winScale: number;
  /** True from a SYN until the first segment with ACK and no SYN (its window is not scaled). */
  isFirstAck: boolean;
  /** Last window field sent (raw, unscaled); 0xffffffff until one is seen. */
  window: number;
  nextseq: number;
  /** Capture time (µs) of the segment that last moved nextseq on (out-of-order is judged from it). */
  nextseqTime: number;
  maxseqtobeacked: number;
  lastack: number;
  /** Capture time (µs) of this direction's last segment. */
  lastackTime: number;
  /** Payload length of the segment that last advanced nextseq. */
  lastacklen: number;
  dupacknum: number;
  lastsegmentflags: readonly AnalysisFlag[];
  /**
   * Sent and not yet acknowledged: raw seq and nextseq of each, in pairs (unboxed numbers), in
   * the first `segmentsLength` entries. The list is never shortened: emptying an array frees its
   * store, which every ack would then grow again.
   */
  segments: number[];
  segmentsLength: number;
  /** First transmissions not yet acknowledged, oldest first, SENT.size numbers each, in the first `sentLength` entries (kept like `segments`). */
  sent: number[];
  sentLength: number;
  /**
   * The most recently acknowledged of them, for spurious retransmissions of acked bytes, oldest
   * first, in the first `sentAckedLength` entries (kept like `segments`).
   */
  sentAcked: number[];
  sentAckedLength: number;
}

/**
 * Lists of numbers with room for three entries of SENT, or three pairs of `segments`, from the
 * start: a short conversation's direction sends a SYN, some data and a FIN. A literal of
 * non-integers makes the store one of unboxed doubles (sequence numbers and µs times do not fit
 * small integers) at its full size at once: a list starting empty would be copied as it grows
 * (16, 42, 80… entries) and again when its first large number changed its kind, and every
 * conversation a capture keeps pays that for three lists per direction. Longer ones grow as usual.
 */
const roomForThree = (): number[] => [
  0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5,
];
const roomForThreePairs = (): number[] => [0.5, 0.5, 0.5, 0.5, 0.5, 0.5];

export function newTcpDirection(): TcpDirection {
  return {
    baseSeq: 0,
    baseSet: false,
    winScale: -1,
    isFirstAck: false,
    window: 0xffffffff,
    nextseq: 0,
    nextseqTime: 0,
    maxseqtobeacked: 0,
    lastack: 0,
    lastackTime: 0,
    lastacklen: 0,
    dupacknum: 0,
    lastsegmentflags: [],
    segments: roomForThreePairs(),
    segmentsLength: 0,
    sent: roomForThree(),
    sentLength: 0,
    sentAcked: roomForThree(),
    sentAckedLength: 0,
  };
}

/**
 * `d` (a direction no one holds any more) made into a new one, as newTcpDirection would make it,
 * in place: its lists keep their room (entries past their lengths are never read).
 */
export function renewTcpDirection(d: TcpDirection): void {
  d.baseSeq = 0;
  d.baseSet = false;
  d.winScale = -1;
  d.isFirstAck = false;
  d.window = 0xffffffff;
  d.nextseq = 0;
  d.nextseqTime = 0;
  d.maxseqtobeacked = 0;
  d.lastack = 0;
  d.lastackTime = 0;
  d.lastacklen = 0;
  d.dupacknum = 0;
  d.lastsegmentflags = [];
  d.segmentsLength = 0;
  d.sentLength = 0;
  d.sentAckedLength = 0;
}
