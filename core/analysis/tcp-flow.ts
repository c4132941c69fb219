/** Everything the analysis adds to one TCP segment of a tracked stream, and what it remembers. */
import type { Side } from '../types.ts';
import type { TcpHeader } from '../decode/decoded-packet.ts';
import type { PacketAnalysis } from './packet-analysis.ts';
import type { FlowRecord, TcpFlowState } from './flow-record.ts';
import { countPacket } from './flow-record.ts';
import { analyzeTcpSequence } from './tcp-seq-analysis.ts';
import { traceRetransmission } from './retransmit-tracker.ts';
import { noteWindowScale, relativeNumbers, scaledWindow, setBases } from './tcp-numbering.ts';
import { nextTcpStates } from './tcp-state.ts';
import { addToPhases, packetPhase } from './phase-tracker.ts';
import { teachLabels } from './teach-labels.ts';

/** A TCP segment as the flow sees it. */
export interface TcpSegmentIn {
  time: number;
  len: number;
  tcp: TcpHeader;
}

/** True when this SYN or SYN,ACK opens a new stream on the same ports (Wireshark's rule). */
export function opensNewStream(t: TcpFlowState, tcp: TcpHeader, from: Side): boolean {
  if (!tcp.flags.includes('SYN')) return false;
  const fwd = t.dirs[from];
  return fwd.baseSet && (tcp.seq !== fwd.baseSeq || t.sawFin || t.sawRst);
}

export function analyzeTcpSegment(
  rec: FlowRecord,
  t: TcpFlowState,
  seg: TcpSegmentIn,
  from: Side,
  /** This packet's number (from 1), for retransmissions to name their original. */
  no = 0,
): PacketAnalysis {
  const { tcp, len, time } = seg;
  const to: Side = from === 'client' ? 'server' : 'client';
  const fwd = t.dirs[from];
  const rev = t.dirs[to];
  const syn = tcp.flags.includes('SYN');
  const ack = tcp.flags.includes('ACK');

  // A retransmitted SYN: undo what a missing RST may have done to nextseq (Wireshark issue 17616).
  if (syn && !ack && fwd.baseSet) fwd.nextseq = fwd.maxseqtobeacked;
  setBases(fwd, rev, tcp);
  const rel = relativeNumbers(fwd, rev, tcp, len);
  const win = scaledWindow(fwd, tcp);
  // What the lessons look at, before the sequence analysis updates the directions.
  const ownWindow = fwd.window;
  const ownWindowInSyn = fwd.isFirstAck;
  const peerLast = rev.lastsegmentflags;
  const seqAnalysis = analyzeTcpSequence(
    fwd,
    rev,
    { seq: tcp.seq, ack: tcp.ack, len, flags: tcp.flags, window: tcp.window, time },
    rec.summary.handshakeRtt,
  );

  const origin = traceRetransmission(
    fwd,
    rev,
    { seq: tcp.seq, ack: tcp.ack, hasAck: ack, len, syn, fin: tcp.flags.includes('FIN'), time, no },
    seqAnalysis.flags,
  );

  const s = rec.summary;
  if (syn && !ack) {
    t.lastSynTime = time;
    t.firstSynTime ??= time;
  }
  if (syn && ack && t.firstSynTime !== undefined) s.synAckRtt ??= time - t.firstSynTime;
  if (!syn && ack && t.lastSynTime !== undefined) s.handshakeRtt ??= time - t.lastSynTime;
  if (syn) fwd.isFirstAck = true;
  else if (ack) fwd.isFirstAck = false;
  noteWindowScale(fwd, rev, tcp);
  if (ack && tcp.flags.includes('FIN')) t.sawFin = true;
  if (tcp.flags.includes('RST')) t.sawRst = true;

  const next = nextTcpStates(t.conn, { flags: tcp.flags, seq: tcp.seq, ack: tcp.ack, len }, from);
  const teach = teachLabels({
    flags: tcp.flags,
    len,
    analysis: seqAnalysis.flags,
    peerWindow: rev.window,
    ownWindow,
    ownWindowInSyn,
    peerLast,
    peerBefore: t.conn[to],
    peerAfter: next.states[to],
  });
  // Unchanged states (most segments) keep the same objects: nothing new to remember.
  if (next.states !== t.conn || !t.states) {
    if (next.states[from] === 'TIME_WAIT' && t.conn[from] !== 'TIME_WAIT')
      s.timeWaitSince = { ...s.timeWaitSince, [from]: time };
    if (next.states[to] === 'TIME_WAIT' && t.conn[to] !== 'TIME_WAIT')
      s.timeWaitSince = { ...s.timeWaitSince, [to]: time };
    t.conn = next.states;
    t.states = { client: t.conn.client, server: t.conn.server };
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
  const phase = packetPhase(t.phase, tcp.flags, handshakeAck);
  t.phase = phase === 'setup' && t.handshakeDone ? 'data' : phase;
  addToPhases(s.phases, phase, time, from, len);
  countPacket(rec, from, time, len);

  const out: PacketAnalysis = { stream: s.stream, from, seq: rel.seq, nextSeq: rel.nextSeq };
  if (rel.ack !== undefined) out.ack = rel.ack;
  out.win = win;
  out.states = states;
  out.phase = phase;
  if (seqAnalysis.flags.length) out.analysis = seqAnalysis.flags;
  if (seqAnalysis.dupAckNum !== undefined) out.dupAckNum = seqAnalysis.dupAckNum;
  if (teach) out.teach = teach;
  if (origin) out.retransmits = origin;
  return out;
}
