/**
 * A capture file's packets in columns (typed arrays) instead of one object per packet: the frame
 * bytes in large pages, and per packet its time, frame place and the analysis core gave it. A
 * record object is made only when asked for (`at(i)`): the frame is decoded again (decoding is
 * pure) and the analysis read back from the columns. A million packets then hold ~100 bytes each
 * besides their frame bytes, where records held ~1 KB. Filled by PacketColumnsBuilder.
 */
import { decodePacket } from '../../../core/decode/index.ts';
import type { RawFrame } from '../../../core/pcap/index.ts';
import type { PacketAnalysis } from '../../../core/analysis/packet-analysis.ts';
import type { PacketRecord, SessionRecord } from '../../../core/protocol.ts';
import type { ConversationSummary } from '../../../core/analysis/conversation-summary.ts';
import type { RecordSource } from './record-source.ts';
import { readAnalysis } from './analysis-columns.ts';
import { SharedStrings } from './shared-strings.ts';
import type { DecodedFields, PacketColumnsData } from './packet-columns-data.ts';

/** Reads packets back out of the columns: records and raw frames made on demand. */
export class PacketColumns implements RecordSource {
  readonly #d: PacketColumnsData;
  readonly #extras: Map<number, Partial<PacketAnalysis>>;
  readonly #comments: Map<number, string>;
  readonly #fragments: Map<number, DecodedFields>;

  constructor(data: PacketColumnsData) {
    this.#d = data;
    const shared = new SharedStrings();
    data.convIds.forEach((id, k) => (data.convIds[k] = shared.of(id)));
    for (const summary of data.summaries) shared.summary(summary);
    for (const [, extra] of data.extras) shared.extra(extra);
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
    const analysis = readAnalysis(d, i, this.#extras.get(i));
    if (analysis) p.analysis = analysis;
    return Object.assign(p, { recNo: i + 1 });
  }
}
