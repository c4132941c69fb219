/** What the analysis tells about one conversation (a TCP or UDP stream) as a whole. */
import type { Endpoint, Transport } from '../types.ts';
import type { Phase, TcpState } from './packet-analysis.ts';

/** One phase of a conversation; phases only move forward, so each appears at most once. */
export interface PhaseSummary {
  phase: Phase;
  /** First and last packet time, µs. */
  start: number;
  end: number;
  packets: number;
  /** Payload bytes client → server and server → client. */
  bytesC2S: number;
  bytesS2C: number;
}

export interface ConversationSummary {
  conv: string;
  transport: Transport;
  client: Endpoint;
  server: Endpoint;
  /** tcp.stream or udp.stream. */
  stream: number;
  firstTime: number;
  lastTime: number;
  /** TCP/UDP packets (ICMP errors about the flow are not counted). */
  packets: number;
  packetsC2S: number;
  packetsS2C: number;
  /** Payload bytes, as the applications wrote them. */
  bytesC2S: number;
  bytesS2C: number;
  /** TCP: each side's state after the last packet. */
  state?: { client: TcpState; server: TcpState };
  /** TCP: when each side entered TIME_WAIT, µs (see timeWaitLeft). */
  timeWaitSince?: { client?: number; server?: number };
  phases: PhaseSummary[];
  /** TCP: Wireshark's tcp.analysis.initial_rtt — last SYN to the first ACK without SYN, µs. */
  handshakeRtt?: number;
  /** TCP: first SYN to first SYN,ACK, µs. */
  synAckRtt?: number;
  /** First client payload byte to the first server payload byte after it, µs. */
  responseTime?: number;
}
