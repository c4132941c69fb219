/**
 * Reads a stored session back after a restart, up to wherever its files were cut: records.jsonl
 * line by line (a last line without its newline, or one that does not parse, ends the read),
 * packets.pcapng block by block (a block cut short ends it). What was cut is said in one line,
 * shown by the page beside the session.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CaptureFormatError, CaptureReader } from '../../core/pcap/index.ts';
import type { SessionRecord } from '../../core/protocol.ts';
import { Session } from '../hub/session.ts';
import { FrameRing } from '../sessions/frame-ring.ts';
import { META_FILE, PACKETS_FILE, RECORDS_FILE } from './store-layout.ts';
import { storedMetaSchema } from './stored-meta.ts';

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
}

/** Reads the folder as session `id`; throws only when meta.json is missing or unreadable. */
export function readStoredSession(dir: string, id: string, maxRecords: number): StoredSession {
  const meta = storedMetaSchema.parse(
    JSON.parse(fs.readFileSync(path.join(dir, META_FILE), 'utf8')),
  );
  const title = meta.name ?? closedTitle(meta.title, meta.startTime);
  const session = new Session(id, meta.kind, title, meta.startTime, maxRecords);
  const cuts: string[] = [];
  let bytes = 0;
  let firstPacket: number | undefined;

  const recordsCut = readLines(path.join(dir, RECORDS_FILE), (line) => {
    const r = parseRecord(line, session.info().lastRecNo + 1);
    if (!r) return false;
    const { recNo: _recNo, ...rest } = r;
    if (rest.type === 'packet') firstPacket ??= rest.no;
    session.append(rest);
    return true;
  });
  bytes += recordsCut.size;
  if (recordsCut.cutAt !== null) {
    cuts.push(
      `${RECORDS_FILE} was cut after record ${session.info().lastRecNo} (${recordsCut.size - recordsCut.cutAt} bytes after it were not readable)`,
    );
  }

  // A live session started after another goes on with the capture's packet numbers.
  const frames = new FrameRing(maxRecords, MAX_FRAME_BYTES, firstPacket ?? 1);
  const packetsCut = readFrames(path.join(dir, PACKETS_FILE), frames);
  bytes += packetsCut.size;
  if (packetsCut.error) cuts.push(`${PACKETS_FILE} ${packetsCut.error}`);
  if (frames.size > 0) session.frames = frames;
  return { session, bytes, ...(cuts.length > 0 ? { truncated: cuts.join('; ') + '.' } : {}) };
}

/** The start time in the title tells a closed session from today's live one. */
export function closedTitle(title: string, startTime: number): string {
  const started = new Date(Math.floor(startTime / 1000)).toISOString().slice(0, 16);
  return `${title} (${started.replace('T', ' ')} UTC)`;
}

/** A stored line as a record numbered `expected`, or null when it is not one. */
function parseRecord(line: string, expected: number): SessionRecord | null {
  let r: unknown;
  try {
    r = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof r !== 'object' || r === null) return null;
  const o = r as Record<string, unknown>;
  if (o.type !== 'step' && o.type !== 'packet') return null;
  if (o.recNo !== expected || typeof o.time !== 'number') return null;
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
