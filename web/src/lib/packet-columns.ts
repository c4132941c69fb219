/**
 * A capture file's packets in columns (typed arrays) instead of one object per packet: the frame
 * bytes in large pages, and per packet its time, frame place and the analysis core gave it. A
 * record object is made only when asked for (`at(i)`): the frame is decoded again (decoding is
 * pure) and the analysis read back from the columns. A million packets then hold ~100 bytes each
 * besides their frame bytes, where records held ~1 KB. The data is plain (typed arrays, strings),
 * so a worker can fill it and hand it to the page without copying.
 */
import { decodePacket } from '../../../core/decode/index.ts';
import type { RawFrame } from '../../../core/pcap/index.ts';
import {
  ANALYSIS_FLAGS,
  type PacketAnalysis,
  type Phase,
  type TcpState,
} from '../../../core/analysis/packet-analysis.ts';
import type { PacketRecord, SessionRecord } from '../../../core/protocol.ts';
import type { ConversationSummary } from '../../../core/analysis/conversation-summary.ts';
import { SummaryTracker } from '../../../core/analysis/summary-tracker.ts';
import type { RecordSource } from './record-source.ts';

const STATES: readonly TcpState[] = [
  'LISTEN',
  'SYN_SENT',
  'SYN_RECEIVED',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
  'CLOSED',
  'UNKNOWN',
];
const PHASES: readonly Phase[] = ['setup', 'data', 'close', 'reset'];
const FLAGS = ANALYSIS_FLAGS;
/** Analysis fields with a column; any other field goes to the sparse `extras`. */
const COLUMN_KEYS = new Set(['stream', 'from', 'seq', 'ack', 'nextSeq', 'win', 'states']);
const NONE = 255;
/** Frame bytes are appended to pages of this size (a larger frame gets a page of its own). */
const PAGE_BYTES = 16 * 1024 * 1024;

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
type DecodedFields = Omit<PacketRecord, 'type' | 'no' | 'conv' | 'analysis'>;

type Columns = Omit<
  PacketColumnsData,
  'length' | 'pages' | 'convIds' | 'extras' | 'comments' | 'fragments' | 'summaries'
>;

function grow<T extends Float64Array | Uint32Array | Uint16Array | Int32Array | Uint8Array>(
  a: T,
  size: number,
): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** Fills the columns packet by packet (in a worker, while the file is read). */
export class PacketColumnsBuilder {
  length = 0;
  #cap = 1024;
  #c: Columns = {
    time: new Float64Array(this.#cap),
    page: new Uint16Array(this.#cap),
    offset: new Uint32Array(this.#cap),
    caplen: new Uint32Array(this.#cap),
    origlen: new Uint32Array(this.#cap),
    linkType: new Uint16Array(this.#cap),
    conv: new Int32Array(this.#cap),
    stream: new Int32Array(this.#cap),
    from: new Uint8Array(this.#cap),
    seq: new Float64Array(this.#cap),
    ack: new Float64Array(this.#cap),
    nextSeq: new Float64Array(this.#cap),
    win: new Float64Array(this.#cap),
    clientState: new Uint8Array(this.#cap),
    serverState: new Uint8Array(this.#cap),
    phase: new Uint8Array(this.#cap),
    flags: new Uint16Array(this.#cap),
  };
  #pages: Uint8Array[] = [];
  #used = PAGE_BYTES;
  #convIndex = new Map<string, number>();
  #convIds: string[] = [];
  #extras: [number, Partial<PacketAnalysis>][] = [];
  #comments: [number, string][] = [];
  #fragments: [number, DecodedFields][] = [];
  #summaries = new SummaryTracker(Infinity);

  add(record: PacketRecord, frame: RawFrame): void {
    const i = this.length++;
    this.#summaries.add({ ...record, recNo: i + 1 });
    if (i === this.#cap) {
      this.#cap *= 2;
      for (const k of Object.keys(this.#c) as (keyof Columns)[])
        (this.#c[k] as unknown) = grow(this.#c[k], this.#cap);
    }
    const c = this.#c;
    c.time[i] = frame.time;
    c.caplen[i] = frame.data.length;
    c.origlen[i] = frame.origlen;
    c.linkType[i] = frame.linkType;
    this.#putFrame(i, frame.data);
    if (frame.comment !== undefined) this.#comments.push([i, frame.comment]);
    if (record.fragment) {
      const { type: _t, no: _n, conv: _c, analysis: _a, ...decoded } = record;
      this.#fragments.push([i, decoded]);
    }
    c.conv[i] = record.conv === undefined ? -1 : this.#convOf(record.conv);
    this.#putAnalysis(i, record.analysis, false);
  }

  /** A later packet corrected packet i's analysis (states true in hindsight). */
  correct(i: number, analysis: PacketAnalysis): void {
    if (i >= 0 && i < this.length) this.#putAnalysis(i, analysis, true);
  }

  #putAnalysis(i: number, a: PacketAnalysis | undefined, again: boolean): void {
    const c = this.#c;
    c.stream[i] = a ? a.stream : -1;
    c.from[i] = a?.from === 'server' ? 1 : 0;
    c.seq[i] = a?.seq ?? NaN;
    c.ack[i] = a?.ack ?? NaN;
    c.nextSeq[i] = a?.nextSeq ?? NaN;
    c.win[i] = a?.win ?? NaN;
    c.clientState[i] = a?.states ? STATES.indexOf(a.states.client) : NONE;
    c.serverState[i] = a?.states ? STATES.indexOf(a.states.server) : NONE;
    c.phase[i] = a?.phase ? PHASES.indexOf(a.phase) : NONE;
    let bits = a?.analysis ? 0x8000 : 0;
    for (const f of a?.analysis ?? []) bits |= 1 << FLAGS.indexOf(f);
    c.flags[i] = bits;
    let extra: Partial<PacketAnalysis> | undefined;
    if (a)
      for (const k in a)
        if (!COLUMN_KEYS.has(k) && k !== 'phase' && k !== 'analysis')
          (extra ??= {})[k as 'dupAckNum'] = a[k as 'dupAckNum'];
    // A correction's entry comes later and wins (the reader keeps the last one per packet).
    if (extra || again) this.#extras.push([i, extra ?? {}]);
  }

  /** The columns so far, trimmed to length (the builder must not be used afterwards). */
  finish(): PacketColumnsData {
    const n = this.length;
    const c = this.#c;
    const trim = <T extends Columns[keyof Columns]>(a: T): T => a.slice(0, n) as T;
    const last = this.#pages.length - 1;
    const pages = this.#pages.map((p, k) => (k === last ? p.slice(0, this.#used) : p));
    return {
      length: n,
      time: trim(c.time),
      page: trim(c.page),
      offset: trim(c.offset),
      caplen: trim(c.caplen),
      origlen: trim(c.origlen),
      linkType: trim(c.linkType),
      pages,
      conv: trim(c.conv),
      convIds: this.#convIds,
      stream: trim(c.stream),
      from: trim(c.from),
      seq: trim(c.seq),
      ack: trim(c.ack),
      nextSeq: trim(c.nextSeq),
      win: trim(c.win),
      clientState: trim(c.clientState),
      serverState: trim(c.serverState),
      phase: trim(c.phase),
      flags: trim(c.flags),
      extras: this.#extras,
      comments: this.#comments,
      fragments: this.#fragments,
      summaries: this.#summaries.all(),
    };
  }

  #convOf(id: string): number {
    let k = this.#convIndex.get(id);
    if (k === undefined) {
      k = this.#convIds.length;
      this.#convIds.push(id);
      this.#convIndex.set(id, k);
    }
    return k;
  }

  #putFrame(i: number, data: Uint8Array): void {
    if (this.#used + data.length > PAGE_BYTES || this.#pages.length === 0) {
      // The last page is trimmed when it is closed: pages hold only frame bytes.
      const last = this.#pages.length - 1;
      if (last >= 0) this.#pages[last] = this.#pages[last]!.slice(0, this.#used);
      this.#pages.push(new Uint8Array(Math.max(PAGE_BYTES, data.length)));
      this.#used = 0;
    }
    this.#c.page[i] = this.#pages.length - 1;
    this.#c.offset[i] = this.#used;
    this.#pages[this.#pages.length - 1]!.set(data, this.#used);
    this.#used += data.length;
  }
}

/** Reads packets back out of the columns: records and raw frames made on demand. */
export class PacketColumns implements RecordSource {
  readonly #d: PacketColumnsData;
  readonly #extras: Map<number, Partial<PacketAnalysis>>;
  readonly #comments: Map<number, string>;
  readonly #fragments: Map<number, DecodedFields>;

  constructor(data: PacketColumnsData) {
    this.#d = data;
    this.#extras = new Map(data.extras);
    this.#comments = new Map(data.comments);
    this.#fragments = new Map(data.fragments);
  }

  get length(): number {
    return this.#d.length;
  }

  /** Each conversation's summary, oldest conversation first. */
  get summaries(): readonly ConversationSummary[] {
    return this.#d.summaries;
  }

  /** The frame as read from the file (its bytes are a view into a page: slice() to keep). */
  frame(i: number): RawFrame {
    const d = this.#d;
    const data = d.pages[d.page[i]!]!.subarray(d.offset[i]!, d.offset[i]! + d.caplen[i]!);
    const frame: RawFrame = {
      linkType: d.linkType[i]!,
      time: d.time[i]!,
      caplen: d.caplen[i]!,
      origlen: d.origlen[i]!,
      data,
      interfaceId: 0,
    };
    const comment = this.#comments.get(i);
    if (comment !== undefined) frame.comment = comment;
    return frame;
  }

  /** Packet i as the session record reading the file gave (record number i + 1). */
  at(i: number): SessionRecord {
    const d = this.#d;
    const f = this.frame(i);
    const stored = this.#fragments.get(i);
    const p = (
      stored ? structuredClone(stored) : decodePacket(f.linkType, f.data, f.time, f.origlen)
    ) as PacketRecord;
    p.type = 'packet';
    p.no = i + 1;
    if (d.conv[i]! >= 0) p.conv = d.convIds[d.conv[i]!];
    if (d.stream[i]! >= 0) p.analysis = this.#analysis(i);
    return Object.assign(p, { recNo: i + 1 });
  }

  #analysis(i: number): PacketAnalysis {
    const d = this.#d;
    const a: PacketAnalysis = { stream: d.stream[i]!, from: d.from[i] ? 'server' : 'client' };
    if (!Number.isNaN(d.seq[i])) a.seq = d.seq[i];
    if (!Number.isNaN(d.ack[i])) a.ack = d.ack[i];
    if (!Number.isNaN(d.nextSeq[i])) a.nextSeq = d.nextSeq[i];
    if (!Number.isNaN(d.win[i])) a.win = d.win[i];
    if (d.clientState[i] !== NONE)
      a.states = { client: STATES[d.clientState[i]!]!, server: STATES[d.serverState[i]!]! };
    if (d.phase[i] !== NONE) a.phase = PHASES[d.phase[i]!];
    const bits = d.flags[i]!;
    if (bits & 0x8000) a.analysis = FLAGS.filter((_, k) => bits & (1 << k));
    const extra = this.#extras.get(i);
    return extra ? Object.assign(a, extra) : a;
  }
}
