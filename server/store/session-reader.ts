/**
 * Reads a stored session back after a restart, segment by segment, up to wherever its files were
 * cut: the records files line by line (a last line without its newline, or one that does not
 * parse, ends the read), applying each stored correction to the record it names; the packets
 * files block by block (a block cut short ends it). What was cut is said in one line, shown by
 * the page beside the session. A session whose oldest segments were dropped starts at the record
 * number of its oldest one kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CaptureFormatError, CaptureReader } from '../../core/pcap/index.ts';
import type { SessionRecord } from '../../core/protocol.ts';
import { closedTitle, closedTitleKey, type SessionTitleKey } from '../../core/session-title.ts';
import { legacyTitleKey } from './legacy-title.ts';
import { Session } from '../hub/session.ts';
import { FrameRing } from '../sessions/frame-ring.ts';
import type { PacketAnalysis } from '../../core/analysis/packet-analysis.ts';
import { META_FILE, packetsFile, recordsFile, segmentNumbers } from './store-layout.ts';
import { storedMetaSchema, type StoredMeta } from './stored-meta.ts';

/** Bytes read at a time: the whole file is never held at once. */
const READ_CHUNK = 1024 * 1024;
/** Bytes of raw frames a restored session keeps for exports. */
const MAX_FRAME_BYTES = 256 * 1024 * 1024;

export interface StoredSession {
  session: Session;
  /** What was cut, when a file ended mid-record; undefined when both were whole. */
  truncated?: string;
  /** Bytes on disk. */
  bytes: number;
  /** Records dropped before the oldest one kept (its segments deleted to stay under the cap). */
  dropped: number;
}

/** Reads the folder as session `id`; throws only when meta.json is missing or unreadable. */
export function readStoredSession(dir: string, id: string, maxRecords: number): StoredSession {
  const meta = storedMetaSchema.parse(
    JSON.parse(fs.readFileSync(path.join(dir, META_FILE), 'utf8')),
  );
  const session = new Session(id, meta.kind, storedTitle(meta), meta.startTime, maxRecords);
  const cuts: string[] = [];
  let bytes = 0;
  let firstPacket: number | undefined;
  const segments = segmentNumbers(fs.readdirSync(dir));

  const take = (line: string): boolean => {
    const r = parseLine(line, session.info().lastRecNo + 1);
    if (!r) return false;
    if (r.type === 'correction') {
      session.correct(r.recNo, r.analysis);
      return true;
    }
    const { recNo, ...rest } = r;
    if (session.info().lastRecNo === 0 && recNo > 1) session.startAt(recNo);
    if (rest.type === 'packet') firstPacket ??= rest.no;
    session.append(rest);
    return true;
  };
  let whole = 0; // segments read to their end
  for (const n of segments) {
    const cut = readLines(path.join(dir, recordsFile(n)), take);
    bytes += cut.size;
    whole++;
    if (cut.cutAt !== null) {
      cuts.push(
        `${recordsFile(n)} was cut after record ${session.info().lastRecNo} (${cut.size - cut.cutAt} bytes after it were not readable)`,
      );
      break;
    }
  }

  // A live session started after another goes on with the capture's packet numbers.
  const frames = new FrameRing(maxRecords, MAX_FRAME_BYTES, firstPacket ?? 1);
  for (const n of segments.slice(0, whole)) {
    const cut = readFrames(path.join(dir, packetsFile(n)), frames);
    bytes += cut.size;
    if (cut.error) {
      cuts.push(`${packetsFile(n)} ${cut.error}`);
      break;
    }
  }
  if (frames.size > 0) session.frames = frames;
  const dropped = Math.max(session.info().firstRecNo - 1, 0);
  return {
    session,
    bytes,
    dropped,
    ...(cuts.length > 0 ? { truncated: cuts.join('; ') + '.' } : {}),
  };
}

/**
 * A restored session's title, closed: the name someone gave as given; else the default title's
 * key (recognised in the title of a file written before keys were stored) with the start time;
 * else the title with it.
 */
function storedTitle(meta: StoredMeta): string | SessionTitleKey {
  if (meta.name !== undefined) return meta.name;
  const key = meta.titleKey ?? legacyTitleKey(meta.title);
  return key ? closedTitleKey(key, meta.startTime) : closedTitle(meta.title, meta.startTime);
}

/** A stored correction of an earlier packet record's analysis. */
interface StoredCorrection {
  type: 'correction';
  recNo: number;
  analysis: PacketAnalysis;
}

/**
 * A stored line as a record numbered `expected` (any number for the first), or a correction of
 * one before it; null when it is neither.
 */
function parseLine(line: string, expected: number): SessionRecord | StoredCorrection | null {
  let r: unknown;
  try {
    r = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof r !== 'object' || r === null) return null;
  const o = r as Record<string, unknown>;
  if (o.type === 'correction') {
    // It may name a record of a segment dropped since: Session.correct passes over those.
    const ok = Number.isInteger(o.recNo) && typeof o.analysis === 'object' && o.analysis !== null;
    return ok ? (r as StoredCorrection) : null;
  }
  if (o.type !== 'step' && o.type !== 'packet') return null;
  const first = expected === 1 && Number.isInteger(o.recNo) && (o.recNo as number) >= 1;
  if ((o.recNo !== expected && !first) || typeof o.time !== 'number') return null;
  if (o.type === 'packet' && typeof o.no !== 'number') return null;
  if (o.type === 'step' && (typeof o.kind !== 'string' || typeof o.side !== 'string')) return null;
  return r as SessionRecord;
}

/** Calls `take` per complete line; `cutAt` is the byte offset where reading stopped early. */
function readLines(
  file: string,
  take: (line: string) => boolean,
): { size: number; cutAt: number | null } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return { size: 0, cutAt: null };
  }
  try {
    const size = fs.fstatSync(fd).size;
    const buf = Buffer.alloc(READ_CHUNK);
    let carry = Buffer.alloc(0);
    let offset = 0; // file offset of carry[0]
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      let data = Buffer.concat([carry, buf.subarray(0, n)]);
      let nl: number;
      while ((nl = data.indexOf(10)) !== -1) {
        if (!take(data.subarray(0, nl).toString('utf8'))) return { size, cutAt: offset };
        offset += nl + 1;
        data = data.subarray(nl + 1);
      }
      carry = Buffer.from(data);
    }
    return { size, cutAt: carry.length > 0 ? offset : null };
  } finally {
    fs.closeSync(fd);
  }
}

function readFrames(file: string, ring: FrameRing): { size: number; error?: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return { size: 0 };
  }
  const reader = new CaptureReader();
  try {
    const size = fs.fstatSync(fd).size;
    const buf = Buffer.alloc(READ_CHUNK);
    try {
      for (;;) {
        const n = fs.readSync(fd, buf, 0, buf.length, null);
        if (n === 0) break;
        for (const f of reader.push(new Uint8Array(buf.subarray(0, n)))) ring.push(copy(f));
      }
      for (const f of reader.end()) ring.push(copy(f));
    } catch (err) {
      const why = err instanceof CaptureFormatError ? err.message : (err as Error).message;
      return { size, error: `was cut after packet ${ring.size} (${why})` };
    }
    return { size };
  } finally {
    fs.closeSync(fd);
  }
}

/** The reader's frames may point into its buffer; the ring keeps its own bytes. */
function copy<T extends { data: Uint8Array }>(f: T): T {
  return { ...f, data: new Uint8Array(f.data) };
}
