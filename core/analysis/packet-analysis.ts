/** What the TCP/UDP analysis adds to one packet (Wireshark's tcp.* and tcp.analysis.* terms). */
import type { Side } from '../types.ts';
import type { RetransmitOrigin } from './retransmit-origin.ts';

/** TCP connection states. @see RFC 9293 §3.3.2 */
export type TcpState =
  | 'LISTEN'
  | 'SYN_SENT'
  | 'SYN_RECEIVED'
  | 'ESTABLISHED'
  | 'FIN_WAIT_1'
  | 'FIN_WAIT_2'
  | 'CLOSE_WAIT'
  | 'CLOSING'
  | 'LAST_ACK'
  | 'TIME_WAIT'
  | 'CLOSED'
  | 'UNKNOWN'; // capture started mid-connection, not yet inferable

/** Phases of a TCP conversation, as Capsa's TCP flow view splits it. */
export type Phase =
  | 'setup' // the handshake
  | 'data' // transaction
  | 'close' // FIN exchange
  | 'reset'; // ended by RST

/** Names and conditions of Wireshark's tcp.analysis.* fields. */
export type AnalysisFlag =
  | 'retransmission'
  | 'fast_retransmission'
  | 'spurious_retransmission'
  | 'out_of_order'
  | 'lost_segment'
  | 'ack_lost_segment'
  | 'duplicate_ack'
  | 'zero_window'
  | 'zero_window_probe'
  | 'zero_window_probe_ack'
  | 'window_full'
  | 'window_update'
  | 'keep_alive'
  | 'keep_alive_ack';

/** Every AnalysisFlag, in the order above (for tables, bit sets and cross-checks). */
export const ANALYSIS_FLAGS: readonly AnalysisFlag[] = [
  'retransmission',
  'fast_retransmission',
  'spurious_retransmission',
  'out_of_order',
  'lost_segment',
  'ack_lost_segment',
  'duplicate_ack',
  'zero_window',
  'zero_window_probe',
  'zero_window_probe_ack',
  'window_full',
  'window_update',
  'keep_alive',
  'keep_alive_ack',
];

/**
 * What a segment teaches in its context, beside tshark's flags (which stay exactly tshark's): the
 * lesson when tshark's name for the shape would teach the wrong one.
 */
export type TeachLabel =
  | 'keep_alive' // an idle connection's probe: Seq one below the next byte, no data (RFC 1122 §4.2.3.6)
  | 'keep_alive_ack' // the ACK that answers a keep-alive probe, whatever else tshark calls it
  | 'zero_window_probe' // keep-alive-shaped, but sent while the peer advertises a zero window (RFC 9293 §3.8.6.1)
  | 'zero_window_probe_ack' // the answer to such a zero-window probe, with the receiver's window
  | 'syn_window_unscaled' // tshark's "window update" only against the SYN's window, which is never scaled
  | 'fin_acks_fin'; // a FIN whose ACK also acknowledges the peer's FIN: the peer passes FIN_WAIT_2 unseen

export interface PacketAnalysis {
  /** TCP stream index, numbered like Wireshark's tcp.stream (from 0); UDP stream for UDP. */
  stream: number;
  /** Which side sent this packet. */
  from: Side;
  /** Relative sequence / acknowledgment numbers (TCP). */
  seq?: number;
  ack?: number;
  /** Relative sequence number of the next byte this sender will send (TCP). */
  nextSeq?: number;
  /** Window after scaling when the scale is known (Wireshark's tcp.window_size). */
  win?: number;
  /** Each side's state once this packet is sent and processed (TCP). */
  states?: { client: TcpState; server: TcpState };
  phase?: Phase;
  analysis?: AnalysisFlag[];
  /** For duplicate_ack: which duplicate this is (1, 2, …). */
  dupAckNum?: number;
  /** Lessons this segment teaches in context (see TeachLabel), beside tshark's `analysis`. */
  teach?: TeachLabel[];
  /** Set when a later packet proved the first analysis of this packet wrong (e.g. its states). */
  corrected?: true;
  /** For a retransmission whose original was captured: which packet it repeats, and why. */
  retransmits?: RetransmitOrigin;
}

/** A corrected analysis of an earlier packet, numbered in the order packets were given. */
export interface PacketCorrection {
  /** The packet's number: 1 for the first packet the analyzer was given. */
  packet: number;
  /** Its whole analysis again, with `corrected: true`. */
  analysis: PacketAnalysis;
}
