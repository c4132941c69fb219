/** What the TCP/UDP analysis adds to one packet (Wireshark's tcp.* and tcp.analysis.* terms). */
import type { Side } from '../protocol.ts';

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
}
