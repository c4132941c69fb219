/** Everything the analysis adds to one TCP segment of a tracked stream, and what it remembers. */
import type { Side } from '../types.ts';
import type { TcpHeader } from '../decode/decoded-packet.ts';
import type { PacketAnalysis } from './packet-analysis.ts';
import type { FlowRecord, TcpFlowState } from './flow-record.ts';
import type { ConversationSummary, PhaseSummary } from './conversation-summary.ts';
import { countPacket } from './flow-record.ts';
import { analyzeTcpSequence, type AnalyzedSegment } from './tcp-seq-analysis.ts';
import { traceRetransmission, type TracedSegment } from './retransmit-tracker.ts';
import { noteWindowScale, relativeNumbers, scaledWindow, setBases } from './tcp-numbering.ts';
import { advanceTcpStates, statePair } from './tcp-state.ts';
import { addToPhases, packetPhase } from './phase-tracker.ts';
import { teachLabels, type TeachContext } from './teach-labels.ts';
import { ACK_BIT, FIN_BIT, RST_BIT, SYN_BIT, tcpFlagBits } from '../decode/tcp-flag-bits.ts';

/** A TCP segment as the flow sees it. */
export interface TcpSegmentIn {
  time: number;
  len: number;
  tcp: TcpHeader;
}

/** True when this SYN or SYN,ACK opens a new stream on the same ports (Wireshark's rule). */
export function opensNewStream(
  t: TcpFlowState,
  tcp: TcpHeader,
  from: Side,
  /** tcp.flags as bits (tcp-flag-bits.ts), when the caller has them. */
  bits = tcpFlagBits(tcp.flags),
): boolean {
  if (!(bits & SYN_BIT)) return false;
  const fwd = from === 'client' ? t.dirs.client : t.dirs.server;
  return fwd.baseSet && (tcp.seq !== fwd.baseSeq || t.sawFin || t.sawRst);
}

/**
 * What the checks below are given, one object each, filled again for every segment: they read
 * them and keep nothing of them (three objects a segment less to collect).
 */
const seqIn: AnalyzedSegment = {
  seq: 0,
  ack: 0,
  len: 0,
  flags: [],
  bits: 0,
  window: 0,
  time: 0,
};
const traceIn: TracedSegment = {
  seq: 0,
  ack: 0,
  hasAck: false,
  len: 0,
  syn: false,
  fin: false,
  time: 0,
  no: 0,
};
const teachIn: TeachContext = {
  flags: [],
  bits: 0,
  len: 0,
  analysis: [],
  peerWindow: 0,
  ownWindow: 0,
  ownWindowInSyn: false,
  peerLast: [],
  peerBefore: 'UNKNOWN',
  peerAfter: 'UNKNOWN',
};

/**
 * A segment's analysis with every field from the start (undefined ones JSON leaves out): fields
 * added later would go to a separate store, regrown as they come.
 */
export function newTcpAnalysis(): PacketAnalysis {
  return {
    stream: 0,
    from: 'client',
    seq: 0,
    nextSeq: 0,
    ack: undefined,
    win: undefined,
    states: undefined,
    phase: undefined,
    analysis: undefined,
    dupAckNum: undefined,
    teach: undefined,
    retransmits: undefined,
  };
}

/** `since` with `side` entering TIME_WAIT at `time`, as a new object (the old one may be shared). */
function timeWaitFrom(
  since: ConversationSummary['timeWaitSince'],
  side: Side,
  time: number,
): ConversationSummary['timeWaitSince'] {
  // Named keys: a spread followed by a computed key makes a slow dictionary object.
  return side === 'client' ? { ...since, client: time } : { ...since, server: time };
}

export function analyzeTcpSegment(
  rec: FlowRecord,
  t: TcpFlowState,
  seg: TcpSegmentIn,
  from: Side,
  /** This packet's number (from 1), for retransmissions to name their original. */
  no = 0,
  /** Filled instead of a new analysis (for a caller done with it before the next segment). */
  into?: PacketAnalysis,
  /** Phase entries to fill again instead of new ones (see flow-reuse.ts). */
  phaseSpares?: PhaseSummary[],
): PacketAnalysis {
  const { tcp, len, time } = seg;
  // Both sides by name, not t.dirs[from]: V8 reads a property named by a variable through a slow
  // (megamorphic) lookup once it has seen two names, and these are read for every segment.
  const fromClient = from === 'client';
  const fwd = fromClient ? t.dirs.client : t.dirs.server;
  const rev = fromClient ? t.dirs.server : t.dirs.client;
  // Worked out once: every check below asks about the flags.
  const bits = tcpFlagBits(tcp.flags);
  const syn = (bits & SYN_BIT) !== 0;
  const ack = (bits & ACK_BIT) !== 0;
  const fin = (bits & FIN_BIT) !== 0;

  // A retransmitted SYN: undo what a missing RST may have done to nextseq (Wireshark issue 17616).
  if (syn && !ack && fwd.baseSet) fwd.nextseq = fwd.maxseqtobeacked;
  setBases(fwd, rev, tcp, bits);
  const out = into ?? newTcpAnalysis();
  out.stream = rec.summary.stream;
  out.from = from;
  out.seq = 0;
  out.nextSeq = 0;
  out.ack = undefined;
  out.win = undefined;
  out.states = undefined;
  out.phase = undefined;
  out.analysis = undefined;
  out.dupAckNum = undefined;
  out.teach = undefined;
  out.retransmits = undefined;
  relativeNumbers(fwd, rev, tcp, len, out, bits);
  const win = scaledWindow(fwd, tcp, bits);
  // What the lessons look at, before the sequence analysis updates the directions.
  const ownWindow = fwd.window;
  const ownWindowInSyn = fwd.isFirstAck;
  const peerLast = rev.lastsegmentflags;
  seqIn.seq = tcp.seq;
  seqIn.ack = tcp.ack;
  seqIn.len = len;
  seqIn.flags = tcp.flags;
  seqIn.bits = bits;
  seqIn.window = tcp.window;
  seqIn.time = time;
  const seqAnalysis = analyzeTcpSequence(fwd, rev, seqIn, rec.summary.handshakeRtt);

  traceIn.seq = tcp.seq;
  traceIn.ack = tcp.ack;
  traceIn.hasAck = ack;
  traceIn.len = len;
  traceIn.syn = syn;
  traceIn.fin = fin;
  traceIn.time = time;
  traceIn.no = no;
  const origin = traceRetransmission(fwd, rev, traceIn, seqAnalysis.flags);

  const s = rec.summary;
  if (syn && !ack) {
    t.lastSynTime = time;
    t.firstSynTime ??= time;
  }
  if (syn && ack && t.firstSynTime !== undefined) s.synAckRtt ??= time - t.firstSynTime;
  if (!syn && ack && t.lastSynTime !== undefined) s.handshakeRtt ??= time - t.lastSynTime;
  if (syn) fwd.isFirstAck = true;
  else if (ack) fwd.isFirstAck = false;
  noteWindowScale(fwd, rev, tcp, bits);
  if (ack && fin) t.sawFin = true;
  if (bits & RST_BIT) t.sawRst = true;

  // seqIn still holds this segment's flags and numbers: all the state machine reads.
  const nextStates = advanceTcpStates(t.conn, seqIn, from);
  teachIn.flags = tcp.flags;
  teachIn.bits = bits;
  teachIn.len = len;
  teachIn.analysis = seqAnalysis.flags;
  teachIn.peerWindow = rev.window;
  teachIn.ownWindow = ownWindow;
  teachIn.ownWindowInSyn = ownWindowInSyn;
  teachIn.peerLast = peerLast;
  teachIn.peerBefore = fromClient ? t.conn.server : t.conn.client;
  teachIn.peerAfter = fromClient ? nextStates.server : nextStates.client;
  const teach = teachLabels(teachIn);
  // Unchanged states (most segments) keep the same objects: nothing new to remember.
  if (nextStates !== t.conn || !t.states) {
    if (nextStates.client === 'TIME_WAIT' && t.conn.client !== 'TIME_WAIT')
      s.timeWaitSince = timeWaitFrom(s.timeWaitSince, 'client', time);
    if (nextStates.server === 'TIME_WAIT' && t.conn.server !== 'TIME_WAIT')
      s.timeWaitSince = timeWaitFrom(s.timeWaitSince, 'server', time);
    t.conn = nextStates;
    t.states = statePair(t.conn.client, t.conn.server);
    s.state = t.states;
    const { client, server } = t.states;
    const done =
      (client === 'CLOSED' || client === 'TIME_WAIT') &&
      (server === 'CLOSED' || server === 'TIME_WAIT');
    if (done) rec.closedAt ??= time;
    else rec.closedAt = undefined;
  }
  const states = t.states;

  const handshakeAck =
    from === 'client' && t.sawSynAck && !t.handshakeDone && ack && !syn && len === 0;
  if (syn && ack) t.sawSynAck = true;
  else if (from === 'client' && t.sawSynAck && ack && !syn) t.handshakeDone = true;
  const phase = packetPhase(t.phase, tcp.flags, handshakeAck, bits);
  t.phase = phase === 'setup' && t.handshakeDone ? 'data' : phase;
  addToPhases(s.phases, phase, time, from, len, phaseSpares);
  countPacket(rec, from, time, len);

  out.win = win;
  out.states = states;
  out.phase = phase;
  if (seqAnalysis.flags.length) out.analysis = seqAnalysis.flags;
  if (seqAnalysis.dupAckNum !== undefined) out.dupAckNum = seqAnalysis.dupAckNum;
  if (teach) out.teach = teach;
  if (origin) out.retransmits = origin;
  return out;
}
