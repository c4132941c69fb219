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
}

export function createCaptureIngest(opts: CaptureIngestOptions = {}): CaptureIngest {
  const reader = new CaptureReader();
  const analyzer = createAnalyzer({
    serverPorts: opts.serverPorts,
    maxConversations: opts.keepConversations,
  });
  const preview = opts.previewBytes ?? DEFAULT_PREVIEW_BYTES;
  const names = opts.names;
  const reassembler = new IpReassembler(opts.reassembly);
  let count = 0;
  const take = (frames: RawFrame[]): IngestedPacket[] => {
    const out = new Array<IngestedPacket>(frames.length);
    for (let i = 0; i < frames.length; i++) {
      const frame = frames[i]!;
      const p = decodePacket(frame.linkType, frame.data, frame.time, frame.origlen, preview);
      if (p.fragment) reassemblePacket(p, frame.data, reassembler, preview);
      const { conv, analysis, corrections } = analyzer.add(p);
      // The decoded object becomes the record (a copy of every field per packet costs more).
      const record = p as PacketRecord;
      record.type = 'packet';
      record.no = ++count;
      record.conv = conv;
      record.analysis = analysis;
      if (names && conv) record.conv = names.packet(record);
      // The analyzer numbers packets as they come, like `no`: corrections name records by it.
      out[i] = corrections ? { record, frame, corrections } : { record, frame };
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
      return count;
    },
  };
}
