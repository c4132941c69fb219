/** One tracked conversation: identity, counters, and the TCP state when it is TCP. */
import type { Endpoint, Side, Transport } from '../types.ts';
import type { Phase, TcpState } from './packet-analysis.ts';
import { emptySummary, renewSummary, type ConversationSummary } from './conversation-summary.ts';
import { conversationId } from '../conversation-id.ts';
import { newTcpDirection, renewTcpDirection, type TcpDirection } from './tcp-direction.ts';
import { initialTcpStates, statePair, type TcpConnState } from './tcp-state.ts';
import type { OpenRow } from './hindsight.ts';

export interface TcpFlowState {
  dirs: Record<Side, TcpDirection>;
  conn: TcpConnState;
  /** The states packets report, the same object while they do not change. */
  states?: { client: TcpState; server: TcpState };
  phase: Phase;
  sawSynAck: boolean;
  handshakeDone: boolean;
  /** Wireshark's completeness bits that allow a same-ISN SYN to open a new stream. */
  sawFin: boolean;
  sawRst: boolean;
  /** Most recent pure SYN (ts_mru_syn) and first SYN, µs. */
  lastSynTime?: number;
  firstSynTime?: number;
  /** Client SYN rows not answered yet: a later packet may correct their states. */
  openSyns?: OpenRow[];
}

export interface FlowRecord {
  /** flowHash of its ends: the flow table finds it by this number, then by its ends. */
  key: number;
  summary: ConversationSummary;
  tcp?: TcpFlowState;
  /** Capture time when both sides were done (CLOSED/TIME_WAIT), for eviction. */
  closedAt?: number;
  /** Time of the first client payload byte, µs. */
  firstRequestTime?: number;
  /** Neighbours in the flow table's use order (FlowTable's own bookkeeping). */
  older?: FlowRecord;
  newer?: FlowRecord;
  /** The next flow with the same key (FlowTable's own bookkeeping). */
  sameKey?: FlowRecord;
}

export function newFlowRecord(
  key: number,
  transport: Transport,
  client: Endpoint,
  server: Endpoint,
  stream: number,
  time: number,
  firstIsSyn: boolean,
  /** A dropped flow of the same transport that no one holds any more, made into this one. */
  spare?: FlowRecord,
  /** Its id ('' for a caller that shows none: one string per flow less to keep). */
  conv = conversationId(transport, client, server),
): FlowRecord {
  const rec = spare ?? {
    // Every field from the start: fields added later would move to a store of their own.
    key,
    summary: emptySummary(conv, transport, client, server, stream, time),
    tcp: undefined,
    closedAt: undefined,
    firstRequestTime: undefined,
    older: undefined,
    newer: undefined,
    sameKey: undefined,
  };
  if (spare) {
    rec.key = key;
    renewSummary(rec.summary, conv, transport, client, server, stream, time);
    rec.closedAt = undefined;
    rec.firstRequestTime = undefined;
    rec.older = rec.newer = rec.sameKey = undefined;
  }
  const summary = rec.summary;
  if (transport === 'udp') {
    rec.tcp = undefined;
    return rec;
  }
  const conn = initialTcpStates(firstIsSyn);
  summary.state = statePair(conn.client, conn.server);
  const t = rec.tcp;
  if (!t) {
    rec.tcp = {
      dirs: { client: newTcpDirection(), server: newTcpDirection() },
      conn,
      states: undefined,
      phase: firstIsSyn ? 'setup' : 'data',
      sawSynAck: false,
      handshakeDone: false,
      sawFin: false,
      sawRst: false,
      lastSynTime: undefined,
      firstSynTime: undefined,
      openSyns: undefined,
    };
    return rec;
  }
  renewTcpDirection(t.dirs.client);
  renewTcpDirection(t.dirs.server);
  t.conn = conn;
  t.states = undefined;
  t.phase = firstIsSyn ? 'setup' : 'data';
  t.sawSynAck = t.handshakeDone = t.sawFin = t.sawRst = false;
  t.lastSynTime = t.firstSynTime = undefined;
  t.openSyns = undefined;
  return rec;
}

/** Count one packet into the conversation's totals and response time. */
export function countPacket(rec: FlowRecord, from: Side, time: number, len: number): void {
  const s = rec.summary;
  s.lastTime = time;
  s.packets++;
  if (from === 'client') {
    s.packetsC2S++;
    s.bytesC2S += len;
  } else {
    s.packetsS2C++;
    s.bytesS2C += len;
  }
  if (len === 0) return;
  if (from === 'client') rec.firstRequestTime ??= time;
  else if (rec.firstRequestTime !== undefined) s.responseTime ??= time - rec.firstRequestTime;
}
