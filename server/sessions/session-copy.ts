/**
 * A finished session sent between threads in parts small enough that taking one in never holds the
 * event loop long: records, frames (packed into one transferable buffer per part) and summaries.
 */
import type { ConversationSummary } from '../../core/analysis/conversation-summary.ts';
import type { WritableFrame } from '../../core/pcap/index.ts';
import type { SessionRecord } from '../../core/protocol.ts';
import { Session } from '../hub/session.ts';
import { MAX_FRAME_BYTES, noteKept } from './file-session-builder.ts';
import { FrameRing } from './frame-ring.ts';

/** Items per part: each part is taken in as one task of the event loop. */
const PART_ITEMS = 1000;

export interface SessionHead {
  id: string;
  title: string;
  startTime: number;
  maxRecords: number;
  maxConversations?: number;
  /** Number of the first frame held (older ones were dropped past the bounds). */
  firstFrame: number;
  /** Packets and socket steps the session counted, dropped ones included. */
  counts: { packets: number; steps: number };
}

export interface FramesPart {
  part: 'frames';
  /** Every frame's bytes one after the other; frame i ends at ends[i]. */
  bytes: Uint8Array<ArrayBuffer>;
  ends: Uint32Array<ArrayBuffer>;
  times: Float64Array<ArrayBuffer>;
  origlens: Float64Array<ArrayBuffer>;
  linkTypes: Uint32Array<ArrayBuffer>;
  /** pcapng comments by index within the part, when any frame has one. */
  comments?: Record<number, string>;
}

export type SessionPart =
  | { part: 'records'; records: SessionRecord[] }
  | FramesPart
  | { part: 'summaries'; summaries: ConversationSummary[] };

export function sessionHead(session: Session): SessionHead {
  return {
    id: session.id,
    title: session.title,
    startTime: session.startTime,
    maxRecords: session.maxRecords,
    ...(session.maxConversations !== undefined && { maxConversations: session.maxConversations }),
    firstFrame: session.frames?.firstNumber ?? 1,
    counts: { packets: session.totals().packets, steps: session.totals().steps },
  };
}

/** The session's records, frames and summaries, in parts. */
export function* sessionParts(session: Session): Generator<SessionPart> {
  const held = session.since(0).records;
  for (let i = 0; i < held.length; i += PART_ITEMS) {
    yield { part: 'records', records: held.slice(i, i + PART_ITEMS) };
  }
  let batch: WritableFrame[] = [];
  for (const frame of session.frames ?? []) {
    batch.push(frame);
    if (batch.length === PART_ITEMS) {
      yield packFrames(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield packFrames(batch);
  const summaries = session.summaries.all();
  for (let i = 0; i < summaries.length; i += PART_ITEMS) {
    yield { part: 'summaries', summaries: summaries.slice(i, i + PART_ITEMS) };
  }
}

/** The buffers a part can hand over instead of copying. */
export function transferables(part: SessionPart): ArrayBuffer[] {
  if (part.part !== 'frames') return [];
  return [part.bytes, part.ends, part.times, part.origlens, part.linkTypes].map((a) => a.buffer);
}

// A frame's bytes are often a view of a larger slab: copying them into one buffer per part keeps
// the slabs out of the message (structured clone would copy each whole slab).
function packFrames(frames: WritableFrame[]): FramesPart {
  const n = frames.length;
  const ends = new Uint32Array(n);
  const times = new Float64Array(n);
  const origlens = new Float64Array(n);
  const linkTypes = new Uint32Array(n);
  let size = 0;
  for (const f of frames) size += f.data.length;
  const bytes = new Uint8Array(size);
  const comments: Record<number, string> = {};
  let at = 0;
  frames.forEach((f, i) => {
    bytes.set(f.data, at);
    at += f.data.length;
    ends[i] = at;
    times[i] = f.time;
    origlens[i] = f.origlen ?? f.data.length;
    linkTypes[i] = f.linkType;
    if (f.comment !== undefined) comments[i] = f.comment;
  });
  return {
    part: 'frames',
    bytes,
    ends,
    times,
    origlens,
    linkTypes,
    ...(Object.keys(comments).length > 0 ? { comments } : {}),
  };
}

/** Builds the session back from its head and parts, in the order sessionParts gave them. */
export class SessionRebuild {
  readonly session: Session;
  private readonly frames: FrameRing;

  constructor(head: SessionHead) {
    this.session = new Session(
      head.id,
      'file',
      head.title,
      head.startTime,
      head.maxRecords,
      head.maxConversations,
    );
    this.frames = new FrameRing(head.maxRecords, MAX_FRAME_BYTES);
    this.frames.startAt(head.firstFrame);
    this.session.restoreCounts(head.counts);
    noteKept(this.session, head.counts.packets + head.counts.steps);
    this.session.frames = this.frames;
  }

  add(part: SessionPart): void {
    if (part.part === 'records') for (const r of part.records) this.session.restore(r);
    else if (part.part === 'summaries') this.session.summaries.restore(part.summaries);
    else {
      let start = 0;
      for (let i = 0; i < part.ends.length; i++) {
        const end = part.ends[i]!;
        const comment = part.comments?.[i];
        this.frames.push({
          linkType: part.linkTypes[i]!,
          time: part.times[i]!,
          origlen: part.origlens[i]!,
          data: part.bytes.subarray(start, end),
          ...(comment !== undefined ? { comment } : {}),
        });
        start = end;
      }
    }
  }
}
