/**
 * Each side's TCP state derived from socket calls alone, for when no packets were captured: what
 * the calls imply the kernel did. Marked as derived wherever it is shown.
 */
import type { SessionRecord, SocketStep } from '../records.ts';
import type { Side } from '../types.ts';
import type { TcpState } from './packet-analysis.ts';

export interface DerivedStates {
  client: TcpState;
  server: TcpState;
}

const other = (s: Side): Side => (s === 'client' ? 'server' : 'client');

/** One step's effect on the pair of states. */
export function nextDerivedStates(states: DerivedStates, s: SocketStep): DerivedStates {
  const next = { ...states };
  const me = s.side;
  const peer = other(me);
  switch (s.kind) {
    case 'listen':
      next.server = 'LISTEN';
      break;
    case 'connect':
    case 'accept':
      next.client = 'ESTABLISHED';
      next.server = 'ESTABLISHED';
      break;
    case 'end':
      // Our FIN leaves: we wait for its ACK; the peer, once it reads it, is in CLOSE_WAIT.
      if (next[me] === 'ESTABLISHED') next[me] = 'FIN_WAIT_1';
      else if (next[me] === 'CLOSE_WAIT') next[me] = 'LAST_ACK';
      if (next[peer] === 'ESTABLISHED') next[peer] = 'CLOSE_WAIT';
      break;
    case 'peer-end':
      // The peer's FIN arrived.
      if (next[me] === 'ESTABLISHED') next[me] = 'CLOSE_WAIT';
      else if (next[me] === 'FIN_WAIT_1' || next[me] === 'FIN_WAIT_2') next[me] = 'TIME_WAIT';
      if (next[peer] === 'ESTABLISHED') next[peer] = 'FIN_WAIT_1';
      else if (next[peer] === 'CLOSE_WAIT') next[peer] = 'LAST_ACK';
      break;
    case 'close':
      if (next[me] === 'LAST_ACK' || next[me] === 'CLOSE_WAIT') next[me] = 'CLOSED';
      if (next[peer] === 'LAST_ACK') next[peer] = 'CLOSED';
      break;
    case 'reset':
    case 'over-limit': // refused with RST right after the handshake
      next.client = 'CLOSED';
      next.server = 'CLOSED';
      break;
    case 'error':
      // Refused: nothing listened, so the server side never left CLOSED (RFC 9293 §3.10.7.1).
      if (s.code === 'ECONNREFUSED' || s.code === 'ECONNRESET') {
        next.client = 'CLOSED';
        next.server = 'CLOSED';
      }
      break;
    default:
      break;
  }
  return next;
}

/** States after each TCP socket step of one conversation (by record number), in time order. */
export function deriveStates(records: readonly SessionRecord[]): Map<number, DerivedStates> {
  const out = new Map<number, DerivedStates>();
  let states: DerivedStates = { client: 'CLOSED', server: 'LISTEN' };
  const steps = records
    .filter((r): r is SocketStep & { recNo: number } => r.type === 'step' && r.transport === 'tcp')
    .sort((a, b) => a.time - b.time || a.recNo - b.recNo);
  for (const s of steps) {
    states = nextDerivedStates(states, s);
    out.set(s.recNo, states);
  }
  return out;
}
