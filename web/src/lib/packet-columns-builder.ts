/**
 * Fills a capture file's columns packet by packet, in the worker while the file is read: frame
 * bytes appended to large pages, the analysis as small numbers, the conversation summaries made
 * by core's SummaryTracker as the packets arrive.
 */
import type { RawFrame } from '../../../core/pcap/index.ts';
import type { PacketAnalysis } from '../../../core/analysis/packet-analysis.ts';
import type { PacketRecord, SessionRecord } from '../../../core/protocol.ts';
import { SummaryTracker } from '../../../core/analysis/summary-tracker.ts';
import { putAnalysis } from './analysis-columns.ts';
import type { DecodedFields, PacketColumnsData } from './packet-columns-data.ts';

/** Frame bytes are appended to pages of this size (a larger frame gets a page of its own). */
const PAGE_BYTES = 16 * 1024 * 1024;

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
    // Not `{ ...record, recNo }`: V8 makes a hidden class for each object made so.
    const numbered = Object.assign({}, record) as SessionRecord;
    numbered.recNo = i + 1;
    this.#summaries.add(numbered);
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
    const extra = putAnalysis(this.#c, i, a);
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
