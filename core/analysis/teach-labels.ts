/**
 * The lessons a TCP segment teaches in its context (TeachLabel), decided beside tshark's flags and
 * never instead of them: the same shape can mean a keep-alive or a zero-window probe.
 */
import type { TcpFlag } from '../decode/decoded-packet.ts';
import type { AnalysisFlag, TcpState, TeachLabel } from './packet-analysis.ts';
import { ACK_BIT, FIN_BIT, RST_BIT, SYN_BIT, tcpFlagBits } from '../decode/tcp-flag-bits.ts';

/** What the sender's and the peer's directions looked like before this segment. */
export interface TeachContext {
  flags: readonly TcpFlag[];
  /** `flags` as bits (tcp-flag-bits.ts), when the caller has them. */
  bits?: number;
  len: number;
  /** tshark's flags for this segment. */
  analysis: readonly AnalysisFlag[];
  /** The peer's last raw window field (0xffffffff when none seen yet). */
  peerWindow: number;
  /** The sender's own last raw window field, before this segment. */
  ownWindow: number;
  /** The sender's last window was in a SYN (never scaled, RFC 7323 §2.2). */
  ownWindowInSyn: boolean;
  /** tshark's flags on the peer's last segment. */
  peerLast: readonly AnalysisFlag[];
  /** The peer's state before this segment, and after it. */
  peerBefore: TcpState;
  peerAfter: TcpState;
}

/** The labels, or undefined for most segments (nothing is allocated for them). */
export function teachLabels(c: TeachContext): TeachLabel[] | undefined {
  const f = c.bits ?? tcpFlagBits(c.flags);
  const ctl = (f & (SYN_BIT | FIN_BIT | RST_BIT)) !== 0;
  if (f & FIN_BIT && f & ACK_BIT) {
    // Its ACK took the peer out of FIN_WAIT_1 and its FIN on to TIME_WAIT in one segment.
    return c.peerBefore === 'FIN_WAIT_1' && c.peerAfter === 'TIME_WAIT'
      ? ['fin_acks_fin']
      : undefined;
  }
  if (ctl) return undefined;
  let out: TeachLabel[] | undefined;
  if (c.analysis.includes('keep_alive')) {
    // Linux probes a zero window with the keep-alive shape (Seq = SND.UNA − 1, no data).
    out = [c.peerWindow === 0 ? 'zero_window_probe' : 'keep_alive'];
  } else if (c.len === 0 && f & ACK_BIT && c.peerLast.includes('keep_alive')) {
    out = [c.ownWindow === 0 ? 'zero_window_probe_ack' : 'keep_alive_ack'];
  }
  if (c.analysis.includes('window_update') && c.ownWindowInSyn)
    (out ??= []).push('syn_window_unscaled');
  return out;
}
