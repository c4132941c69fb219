/**
 * A file session built as the capture's bytes arrive: reader, decoders and analysis from core,
 * records into a bounded Session and frames into a bounded FrameRing, so memory stays bounded by
 * FILE_RECORDS (or a smaller --max-records) however large the file is. Used in the share worker
 * and for in-process reads.
 */
import { createCaptureIngest, type CaptureIngest } from '../../core/ingest/capture-ingest.ts';
import { StreamNames } from '../../core/stream-names.ts';
import { packetAppender } from '../hub/packet-appender.ts';
import { MAX_JOIN_SUMMARIES } from '../../core/protocol.ts';
import { Session } from '../hub/session.ts';
import { FrameRing } from './frame-ring.ts';

/** Bytes of raw frames a file session keeps for saving it again. */
export const MAX_FRAME_BYTES = 256 * 1024 * 1024;
/**
 * Conversation summaries a file session keeps: as many as a join gives a page. A scan of a
 * million streams would otherwise keep 100,000 (the live session's bound), mostly of
 * conversations whose records were dropped long before.
 */
export const FILE_CONVERSATIONS = MAX_JOIN_SUMMARIES;
/**
 * Records (and their frames) a file session keeps, the newest; older ones are counted, not kept.
 * A packet record and its frame take about 1.7 KB of heap: 20,000 are ~34 MB, held once by the
 * share worker while it reads and once by the server after. A 900,000-packet file kept whole
 * would need 1.5 GB each time (the reader ran out of its heap).
 */
export const FILE_RECORDS = 20_000;

export class FileSessionBuilder {
  // The session's SummaryTracker keeps the summaries: the analyzer's own list of finished ones is
  // never read here (kept at its default it held 20,000 of them).
  private readonly ingest: CaptureIngest = createCaptureIngest({
    keepConversations: 1,
    names: new StreamNames(),
  });
  private built: Session | undefined;
  // Appends with the analyzer's hindsight corrections applied (a refused SYN: server CLOSED).
  private readonly append = packetAppender(() => this.session());
  private readonly maxRecords: number;

  constructor(
    private readonly id: string,
    private readonly title: string,
    maxRecords: number,
  ) {
    this.maxRecords = Math.min(maxRecords, FILE_RECORDS);
  }

  /** Packets read so far. */
  get packets(): number {
    return this.ingest.count;
  }

  /** Bytes in any split; throws CaptureFormatError (with the byte offset) when unreadable. */
  push(chunk: Uint8Array): void {
    this.add(this.ingest.push(chunk));
  }

  /** End of the file; throws CaptureFormatError when it stopped mid-block. Returns the session. */
  end(): Session {
    this.add(this.ingest.end());
    const session = this.session();
    noteKept(session, session.totals().packets + session.totals().steps);
    return session;
  }

  private add(packets: ReturnType<CaptureIngest['push']>): void {
    if (packets.length === 0) return;
    this.session(packets[0]!.record.time);
    this.append(packets);
  }

  /** The session, made with the first packet's time (or 0 for a file without packets). */
  private session(startTime = 0): Session {
    if (!this.built) {
      this.built = new Session(
        this.id,
        'file',
        this.title,
        startTime,
        this.maxRecords,
        FILE_CONVERSATIONS,
      );
      this.built.frames = new FrameRing(this.maxRecords, MAX_FRAME_BYTES);
    }
    return this.built;
  }
}

/**
 * Says on the session bar that a file larger than the session's bound lost its oldest records on
 * the server (the page's own file reader keeps every packet).
 */
export function noteKept(session: Session, total: number): void {
  if (total <= session.maxRecords) return;
  session.setStored({
    storeNote:
      `The server keeps the newest ${session.maxRecords.toLocaleString('en')} of this file's ` +
      `${total.toLocaleString('en')} records; open the file in the page to browse every packet.`,
  });
}
