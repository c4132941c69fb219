/** Phases of a conversation (setup, data, close, reset) and their running summary. */
import type { Side } from '../types.ts';
import type { TcpFlag } from '../decode/decoded-packet.ts';
import type { Phase } from './packet-analysis.ts';
import type { PhaseSummary } from './conversation-summary.ts';
import { FIN_BIT, RST_BIT, SYN_BIT, tcpFlagBits } from '../decode/tcp-flag-bits.ts';

/** A phase's place in the order setup, data, close, reset (a switch: no lookup by name). */
function rank(phase: Phase): number {
  switch (phase) {
    case 'setup':
      return 0;
    case 'data':
      return 1;
    case 'close':
      return 2;
    case 'reset':
      return 3;
  }
}

/**
 * Phase of a packet: RST starts 'reset', FIN starts 'close', SYNs and the pure ACK completing
 * the handshake are 'setup', the rest 'data'. A conversation never goes back a phase.
 */
export function packetPhase(
  current: Phase,
  flags: readonly TcpFlag[],
  handshakeAck: boolean,
  /** `flags` as bits (tcp-flag-bits.ts), when the caller has them. */
  bits = tcpFlagBits(flags),
): Phase {
  let own: Phase = 'data';
  if (bits & RST_BIT) own = 'reset';
  else if (bits & FIN_BIT) own = 'close';
  else if (bits & SYN_BIT || handshakeAck) own = 'setup';
  return rank(own) >= rank(current) ? own : current;
}

/** Count a packet into the phase list (extends the last entry or opens the next one). */
export function addToPhases(
  phases: PhaseSummary[],
  phase: Phase,
  time: number,
  from: Side,
  len: number,
  /** Entries no one holds any more, to fill again instead of new ones (see flow-reuse.ts). */
  spares?: PhaseSummary[],
): void {
  let last = phases[phases.length - 1];
  if (!last || last.phase !== phase) {
    last = spares?.pop();
    if (last) {
      last.phase = phase;
      last.start = last.end = time;
      last.packets = last.bytesC2S = last.bytesS2C = 0;
    } else last = { phase, start: time, end: time, packets: 0, bytesC2S: 0, bytesS2C: 0 };
    phases.push(last);
  }
  last.end = time;
  last.packets++;
  if (from === 'client') last.bytesC2S += len;
  else last.bytesS2C += len;
}
