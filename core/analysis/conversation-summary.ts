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

/** Who made a conversation's client. */
export type ConversationOrigin =
  | 'builtin' // the server's own clients (the send form), tapped on both sides
  | 'scenario' // a scenario run's clients
  | 'outside'; // any other program (nc, a student's script): only the echo side is tapped

/** How a conversation ended, as far as the records tell. */
export type ConversationEnding =
  | 'open' // nothing ended it yet
  | 'fin-client' // the client closed first (FIN / shutdown)
  | 'fin-server' // the server closed first
  | 'rst-client' // the client reset it
  | 'rst-server' // the server reset it
  | 'idle' // dropped by the server after being idle
  | 'icmp' // an ICMP error ended it (e.g. UDP to a closed port)
  | 'error'; // a socket error ended it (ECONNREFUSED, ECONNRESET…)

export interface ConversationSummary {
  conv: string;
  transport: Transport;
  client: Endpoint;
  server: Endpoint;
  /** tcp.stream or udp.stream. */
  stream: number;
  /**
   * The connection's number on its addresses and ports when they were used again (2, 3…), so two
   * conversations between the same ends can be told apart; absent for the first.
   */
  connection?: number;
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
  /** Session summaries (summary-tracker.ts) only, from here on: */
  /** Records of the conversation (socket steps and packets). */
  records?: number;
  /** Socket steps of the conversation. */
  steps?: number;
  origin?: ConversationOrigin;
  ending?: ConversationEnding;
  /** Error codes seen (ECONNREFUSED, ICMP port unreachable…), each once, at most 8. */
  errors?: string[];
  /** First and last session record number. */
  firstRecNo?: number;
  lastRecNo?: number;
}

/** A summary with nothing counted yet. */
export function emptySummary(
  conv: string,
  transport: Transport,
  client: Endpoint,
  server: Endpoint,
  stream: number,
  time: number,
): ConversationSummary {
  return {
    conv,
    transport,
    client,
    server,
    stream,
    firstTime: time,
    lastTime: time,
    packets: 0,
    packetsC2S: 0,
    packetsS2C: 0,
    bytesC2S: 0,
    bytesS2C: 0,
    phases: [],
  };
}

/**
 * `s` (a summary no one holds any more) made into an empty one, as emptySummary would make it, in
 * place: what a summary gets later is set back to undefined, its phase list is emptied (its
 * entries, if wanted again, were taken before: see flow-reuse.ts).
 */
export function renewSummary(
  s: ConversationSummary,
  ...[conv, transport, client, server, stream, time]: Parameters<typeof emptySummary>
): void {
  s.conv = conv;
  s.transport = transport;
  s.client = client;
  s.server = server;
  s.stream = stream;
  s.connection = undefined;
  s.firstTime = time;
  s.lastTime = time;
  s.packets = s.packetsC2S = s.packetsS2C = 0;
  s.bytesC2S = s.bytesS2C = 0;
  s.state = undefined;
  s.timeWaitSince = undefined;
  // An empty list (a pooled flow's, see flow-reuse.ts) is left as it is, with its room.
  if (s.phases.length) s.phases.length = 0;
  s.handshakeRtt = s.synAckRtt = s.responseTime = undefined;
  s.records = s.steps = undefined;
  s.origin = undefined;
  s.ending = undefined;
  s.errors = undefined;
  s.firstRecNo = s.lastRecNo = undefined;
}
