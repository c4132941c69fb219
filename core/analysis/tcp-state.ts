/**
 * Per-side TCP connection state as a pure function of (states, segment, sender): the state of each
 * side once the sender has sent the segment and the receiver has processed it. @see RFC 9293 §3.3.2
 */
import type { Side } from '../types.ts';
import type { TcpFlag } from '../decode/decoded-packet.ts';
import type { TcpState } from './packet-analysis.ts';
import { seqAdd, seqGe } from './seq-math.ts';
import { ACK_BIT, FIN_BIT, RST_BIT, SYN_BIT, tcpFlagBits } from '../decode/tcp-flag-bits.ts';

/** Both sides' states, plus the ack value that would acknowledge each side's FIN once sent. */
export interface TcpConnState {
  client: TcpState;
  server: TcpState;
  finAck?: { client?: number; server?: number };
}

/** The part of a segment the state machine looks at (raw numbers). */
export interface StateSegment {
  flags: readonly TcpFlag[];
  /** `flags` as bits (tcp-flag-bits.ts), when the caller has them. */
  bits?: number;
  seq: number;
  ack: number;
  len: number;
}

/** What happened, for explanations: short stable codes. */
export type StateNote =
  | 'fin-acked' // the receiver's FIN is now acknowledged
  | 'simultaneous-close' // both FINs crossed on the wire
  | 'simultaneous-open' // both SYNs crossed on the wire
  | 'reset' // RST: both ends are gone
  | 'inferred'; // a mid-connection capture: state guessed from this segment

/** 2×MSL as Linux uses it (TCP_TIMEWAIT_LEN = 60 s), in microseconds. */
export const TIME_WAIT_US = 60_000_000;

/** Microseconds of TIME_WAIT left at `now` for a side that entered it at `since` (0 once over). */
export function timeWaitLeft(since: number, now: number): number {
  return Math.max(0, since + TIME_WAIT_US - now);
}

/** A number for each state, to find a pair of two in a list. */
const STATE_NUMBER: Record<TcpState, number> = {
  LISTEN: 0,
  SYN_SENT: 1,
  SYN_RECEIVED: 2,
  ESTABLISHED: 3,
  FIN_WAIT_1: 4,
  FIN_WAIT_2: 5,
  CLOSE_WAIT: 6,
  CLOSING: 7,
  LAST_ACK: 8,
  TIME_WAIT: 9,
  CLOSED: 10,
  UNKNOWN: 11,
};
const pairs: TcpConnState[] = [];

/**
 * States with no FIN's ack value yet: one frozen object per pair, shared by every connection
 * (states are never changed in place), so most of a connection's changes of state make none.
 */
function sharedStates(client: TcpState, server: TcpState): TcpConnState {
  const i = STATE_NUMBER[client] * 12 + STATE_NUMBER[server];
  return (pairs[i] ??= Object.freeze({ client, server, finAck: undefined }));
}

/** Each pair of states one frozen object, made once: packets and summaries share them. */
const reported: { client: TcpState; server: TcpState }[] = [];

export function statePair(
  client: TcpState,
  server: TcpState,
): { client: TcpState; server: TcpState } {
  const i = STATE_NUMBER[client] * 12 + STATE_NUMBER[server];
  return (reported[i] ??= Object.freeze({ client, server }));
}

/** The states advanceTcpStates works out, one object filled for each segment. */
const work: TcpConnState = { client: 'UNKNOWN', server: 'UNKNOWN', finAck: undefined };

/** The worked-out states as an object of their own (a shared one while no FIN was sent). */
function settled(s: TcpConnState): TcpConnState {
  if (s.finAck === undefined) return sharedStates(s.client, s.server);
  return { client: s.client, server: s.server, finAck: s.finAck };
}

/**
 * Where a connection starts. When its first segment is a SYN the server is listening and the
 * client closed; otherwise the capture began mid-connection and both sides are unknown.
 */
export function initialTcpStates(firstIsSyn: boolean): TcpConnState {
  return firstIsSyn ? sharedStates('CLOSED', 'LISTEN') : sharedStates('UNKNOWN', 'UNKNOWN');
}

function other(s: Side): Side {
  return s === 'client' ? 'server' : 'client';
}

/** States a plain segment (no SYN, FIN or RST) can move on from. */
const MOVES_ON_ACK: ReadonlySet<TcpState> = new Set([
  'UNKNOWN',
  'SYN_RECEIVED',
  'FIN_WAIT_1',
  'CLOSING',
  'LAST_ACK',
]);

/** Whether a segment without SYN, FIN or RST could change a state (see the ACK rules below). */
function canChange(states: TcpConnState, from: Side, ack: boolean): boolean {
  if (!ack) return false;
  const own = from === 'client' ? states.client : states.server;
  const peer = from === 'client' ? states.server : states.client;
  return own === 'UNKNOWN' || MOVES_ON_ACK.has(peer);
}

/** Whether `from` sending a segment with these flags leaves both states as they are (most do). */
export function keepsTcpStates(
  states: TcpConnState,
  flags: readonly TcpFlag[],
  from: Side,
  /** `flags` as bits (tcp-flag-bits.ts), when the caller has them. */
  bits = tcpFlagBits(flags),
): boolean {
  if (bits & (RST_BIT | SYN_BIT | FIN_BIT)) return false;
  return !canChange(states, from, (bits & ACK_BIT) !== 0);
}

/**
 * Next states after `from` sends `seg`. A refused connection (SYN answered by RST) leaves both
 * sides CLOSED: nothing listens on the server side.
 */
export function nextTcpStates(
  states: TcpConnState,
  seg: StateSegment,
  from: Side,
): { states: TcpConnState; notes: StateNote[] } {
  const notes: StateNote[] = [];
  return { states: advanceTcpStates(states, seg, from, notes), notes };
}

/**
 * nextTcpStates' states alone, for the analysis of every segment: no result object, and the notes
 * only when a list is given for them.
 */
export function advanceTcpStates(
  states: TcpConnState,
  seg: StateSegment,
  from: Side,
  notes?: StateNote[],
): TcpConnState {
  // Most segments change nothing: keep the same (never mutated) states object.
  const bits = seg.bits ?? tcpFlagBits(seg.flags);
  if (keepsTcpStates(states, seg.flags, from, bits)) return states;
  const to = other(from);
  const rst = (bits & RST_BIT) !== 0;
  const syn = (bits & SYN_BIT) !== 0;
  const fin = (bits & FIN_BIT) !== 0;
  const ack = (bits & ACK_BIT) !== 0;
  // The new states, worked out here and returned as settled(s); `finAck` is shared with the old
  // ones until a FIN changes it.
  const s = work;
  s.client = states.client;
  s.server = states.server;
  s.finAck = states.finAck;

  if (rst) {
    s[from] = 'CLOSED';
    s[to] = 'CLOSED';
    notes?.push('reset');
    return settled(s);
  }
  if (syn) {
    if (ack) {
      // In a simultaneous open the sender may already be ESTABLISHED (its SYN was acked).
      if (s[from] !== 'ESTABLISHED') s[from] = 'SYN_RECEIVED';
      s[to] = 'ESTABLISHED';
    } else if (s[to] === 'SYN_SENT' && s[from] !== 'CLOSED') {
      // Crossing SYNs: each side has now received the other's SYN (RFC 9293 Figure 8).
      s[from] = 'SYN_RECEIVED';
      s[to] = 'SYN_RECEIVED';
      notes?.push('simultaneous-open');
    } else {
      s[from] = 'SYN_SENT';
      s[to] = 'SYN_RECEIVED';
    }
    return settled(s);
  }

  // A mid-connection capture: anything with ACK means the connection was open.
  if (ack) {
    if (s[from] === 'UNKNOWN' || s[to] === 'UNKNOWN') {
      if (s[from] === 'UNKNOWN') s[from] = 'ESTABLISHED';
      if (s[to] === 'UNKNOWN') s[to] = 'ESTABLISHED';
      notes?.push('inferred');
    }
    if (s[to] === 'SYN_RECEIVED') s[to] = 'ESTABLISHED';
  }

  // The receiver processes the ACK first: it may acknowledge the receiver's FIN.
  const toFin = s.finAck?.[to];
  const acksToFin = ack && toFin !== undefined && seqGe(seg.ack, toFin);
  if (acksToFin) {
    const before = s[to];
    if (before === 'FIN_WAIT_1') s[to] = 'FIN_WAIT_2';
    else if (before === 'CLOSING') s[to] = 'TIME_WAIT';
    else if (before === 'LAST_ACK') s[to] = 'CLOSED';
    if (before !== s[to]) notes?.push('fin-acked');
  }

  if (fin) {
    if (s.finAck?.[from] === undefined) {
      // Both fields from the start (a spread with a computed key makes a slow dictionary object).
      const end = seqAdd(seg.seq, seg.len + 1);
      const prev = s.finAck;
      s.finAck =
        from === 'client'
          ? { client: end, server: prev?.server }
          : { client: prev?.client, server: end };
    }
    const crossed = toFin !== undefined && !acksToFin;
    const sender = s[from];
    if (sender === 'CLOSE_WAIT' && crossed) {
      // It sent this FIN before the peer's FIN arrived: both were in FIN_WAIT_1.
      s[from] = 'CLOSING';
      notes?.push('simultaneous-close');
    } else if (sender === 'CLOSE_WAIT') s[from] = 'LAST_ACK';
    else if (sender === 'ESTABLISHED' || sender === 'UNKNOWN' || sender === 'SYN_RECEIVED') {
      s[from] = 'FIN_WAIT_1';
      if (sender === 'UNKNOWN') notes?.push('inferred');
    }
    const receiver = s[to];
    if (receiver === 'ESTABLISHED' || receiver === 'UNKNOWN' || receiver === 'SYN_RECEIVED') {
      s[to] = 'CLOSE_WAIT';
    } else if (receiver === 'FIN_WAIT_1') s[to] = 'CLOSING';
    else if (receiver === 'FIN_WAIT_2') s[to] = 'TIME_WAIT';
  }
  return settled(s);
}
