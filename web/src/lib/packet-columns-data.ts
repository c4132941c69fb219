/**
 * A capture file's packets in columns: the shape the worker fills and posts to the page (typed
 * arrays, transferred without copying) and the buffers to transfer.
 */
import type { PacketAnalysis } from '../../../core/analysis/packet-analysis.ts';
import type { ConversationSummary } from '../../../core/analysis/conversation-summary.ts';
import type { PacketRecord } from '../../../core/protocol.ts';

/** Everything the columns hold: plain data a worker can post (buffers transferred). */
export interface PacketColumnsData {
  length: number;
  time: Float64Array;
  /** Frame bytes: page number, offset in it, bytes captured, length on the wire, link type. */
  page: Uint16Array;
  offset: Uint32Array;
  caplen: Uint32Array;
  origlen: Uint32Array;
  linkType: Uint16Array;
  pages: Uint8Array[];
  /** Index into `convIds`, -1 for none. */
  conv: Int32Array;
  convIds: string[];
  /** -1: no analysis at all. */
  stream: Int32Array;
  /** 0 client, 1 server. */
  from: Uint8Array;
  /** NaN: absent. */
  seq: Float64Array;
  ack: Float64Array;
  nextSeq: Float64Array;
  win: Float64Array;
  /** Indexes into STATES / PHASES, NONE when absent. */
  clientState: Uint8Array;
  serverState: Uint8Array;
  phase: Uint8Array;
  /** Bit i: FLAGS[i]; bit 15: an `analysis` list was present even if empty. */
  flags: Uint16Array;
  /** Other analysis fields (dupAckNum, lessons…) of the few packets that have them. */
  extras: [index: number, fields: Partial<PacketAnalysis>][];
  /** pcapng packet comments. */
  comments: [index: number, comment: string][];
  /**
   * IP fragments as reading the file decoded them: reassembly gives the one that completes a
   * datagram the whole datagram's TCP/UDP, which decoding its own frame again would not.
   */
  fragments: [index: number, decoded: DecodedFields][];
  /** Each conversation's summary, made by core's SummaryTracker as the packets were read. */
  summaries: ConversationSummary[];
}

/** The buffers to list in postMessage's transfer list. */
export function transferables(d: PacketColumnsData): ArrayBuffer[] {
  const arrays = [
    d.time,
    d.page,
    d.offset,
    d.caplen,
    d.origlen,
    d.linkType,
    d.conv,
    d.stream,
    d.from,
    d.seq,
    d.ack,
    d.nextSeq,
    d.win,
    d.clientState,
    d.serverState,
    d.phase,
    d.flags,
    ...d.pages,
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** What decoding (and reassembly) gave a packet, without what the session adds. */
export type DecodedFields = Omit<PacketRecord, 'type' | 'no' | 'conv' | 'analysis'>;
