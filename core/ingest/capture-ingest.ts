/**
 * Capture bytes in, packet records out: the streaming reader, the decoders and the TCP/UDP
 * analysis chained once, for live capture, uploaded files, the browser and `analyze` alike.
 */
import { createAnalyzer, type Analyzer } from '../analysis/index.ts';
import {
  DEFAULT_PREVIEW_BYTES,
  IpReassembler,
  decodePacket,
  reassemblePacket,
  type ReassemblyLimits,
} from '../decode/index.ts';
import { reusablePacket, type ReusedPacket } from '../decode/packet-object.ts';
import { CaptureReader, type RawFrame } from '../pcap/index.ts';
import type { PacketRecord } from '../records.ts';
import type { PacketCorrection } from '../analysis/packet-analysis.ts';
import type { NamedPacket } from '../conversation-names.ts';

export interface IngestedPacket {
  record: PacketRecord;
  frame: RawFrame;
  /** Earlier packets (by `no`) whose analysis this one corrected: replace theirs. */
  corrections?: PacketCorrection[];
}

export interface CaptureIngest {
  /** Bytes in any split; throws CaptureFormatError when the stream is not a readable capture. */
  push(chunk: Uint8Array): IngestedPacket[];
  /** End of input; throws CaptureFormatError when it stopped mid-block. */
  end(): IngestedPacket[];
  readonly analyzer: Analyzer;
  readonly reader: CaptureReader;
  /** IP fragments being put back together, and what reassembly did (`reassembler.stats`). */
  readonly reassembler: IpReassembler;
  /** Packets so far. */
  readonly count: number;
}

export interface CaptureIngestOptions {
  /** Ports known to be servers', to tell sides apart when no SYN was captured. */
  serverPorts?: number[];
  /** Payload bytes kept as hex per packet (default 256; 0 when nothing shows payloads). */
  previewBytes?: number;
  /** Finished conversations' summaries kept for `analyzer.conversations()` (default 10,000). */
  keepConversations?: number;
  /** Bounds on IP fragment reassembly (defaults: DEFAULT_REASSEMBLY_LIMITS). */
  reassembly?: Partial<ReassemblyLimits>;
  /**
   * Names each stream on a reused address:port pair apart (`#2`…) for the records: given by the
   * readers of files (StreamNames); live capture leaves naming to the live session, `analyze` prints no ids.
   */
  names?: { packet(p: NamedPacket): string | undefined };
  /** false: records and summaries carry '' as conversation id, for a reader that prints none. */
  conversationIds?: boolean;
}

/** Takes one packet from StreamingIngest: `record` is valid only during the call. */
export type PacketVisitor = (record: PacketRecord, corrections?: PacketCorrection[]) => void;

/**
 * CaptureIngest for a batch job done with each packet before the next (`analyze` writes it out at
 * once): the same reading, decoding and analysis, handed to `visit` packet by packet in one record
 * (with one TCP header and one analysis) filled again for each, and no frame objects. Whatever
 * `visit` keeps of a record it must copy (copyPacketRecord).
 */
export interface StreamingIngest extends Omit<CaptureIngest, 'push' | 'end'> {
  push(chunk: Uint8Array, visit: PacketVisitor): void;
  end(): void;
}

/** The parts both ingests chain, and the step from frame to record. */
function ingestParts(opts: CaptureIngestOptions, reuse: boolean) {
  const reader = new CaptureReader();
  const analyzer = createAnalyzer({
    serverPorts: opts.serverPorts,
    maxConversations: opts.keepConversations,
    reuse,
    conversationIds: opts.conversationIds,
  });
  const preview = opts.previewBytes ?? DEFAULT_PREVIEW_BYTES;
  const names = opts.names;
  const reassembler = new IpReassembler(opts.reassembly);
  let count = 0;
  let reused: ReusedPacket | undefined = reuse ? reusablePacket() : undefined;
  /** What the last packet corrected (read at once: no object per packet to carry it). */
  let corrected: PacketCorrection[] | undefined;
  const next = (
    linkType: number,
    data: Uint8Array,
    time: number,
    origlen: number,
  ): PacketRecord => {
    const p = decodePacket(linkType, data, time, origlen, preview, reused);
    if (p.fragment) {
      reassemblePacket(p, data, reassembler, preview);
      // Reassembly deletes fields, which changes the object's shape for good: start afresh.
      if (reused) reused = reusablePacket();
    }
    const { conv, analysis, corrections } = analyzer.add(p);
    // The decoded object becomes the record (a copy of every field per packet costs more).
    const record = p as PacketRecord;
    record.type = 'packet';
    record.no = ++count;
    record.conv = conv;
    record.analysis = analysis;
    if (names && conv) record.conv = names.packet(record);
    // The analyzer numbers packets as they come, like `no`: corrections name records by it.
    corrected = corrections;
    return record;
  };
  return {
    reader,
    analyzer,
    reassembler,
    next,
    corrections: () => corrected,
    count: () => count,
  };
}

export function createCaptureIngest(opts: CaptureIngestOptions = {}): CaptureIngest {
  const { reader, analyzer, reassembler, next, corrections, count } = ingestParts(opts, false);
  const take = (frames: RawFrame[]): IngestedPacket[] => {
    const out = new Array<IngestedPacket>(frames.length);
    for (let i = 0; i < frames.length; i++) {
      const frame = frames[i]!;
      const record = next(frame.linkType, frame.data, frame.time, frame.origlen);
      const c = corrections();
      out[i] = c ? { record, frame, corrections: c } : { record, frame };
    }
    return out;
  };
  return {
    push: (chunk) => take(reader.push(chunk)),
    end: () => take(reader.end()),
    analyzer,
    reader,
    reassembler,
    get count() {
      return count();
    },
  };
}

export function createStreamingIngest(opts: CaptureIngestOptions = {}): StreamingIngest {
  const { reader, analyzer, reassembler, next, corrections, count } = ingestParts(opts, true);
  let visit: PacketVisitor = () => {};
  // One frame visitor for every chunk (not a closure per chunk).
  const frame = (linkType: number, data: Uint8Array, time: number, origlen: number) =>
    visit(next(linkType, data, time, origlen), corrections());
  return {
    push(chunk, v) {
      visit = v;
      reader.pushEach(chunk, frame);
    },
    end: () => void reader.end(),
    analyzer,
    reader,
    reassembler,
    get count() {
      return count();
    },
  };
}

/**
 * A record of StreamingIngest's made a record of its own, to keep past the visit: the objects
 * reused for the next packet (the record, its TCP header and its analysis) copied. Without
 * `withAnalysis` the copy shares the analysis object: for a caller that replaces it, never reads it.
 */
export function copyPacketRecord(r: PacketRecord, withAnalysis = true): PacketRecord {
  const copy = { ...r };
  if (r.tcp) copy.tcp = { ...r.tcp };
  if (withAnalysis && r.analysis) copy.analysis = { ...r.analysis };
  return copy;
}
