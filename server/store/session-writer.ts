/**
 * Writes one session to its folder as it happens: each record as a JSON line in the current
 * records segment, each packet's frame as an EPB in the segment's pcapng, and each hindsight
 * correction of an earlier packet as a line `{"type":"correction","recNo":…,"analysis":…}`.
 * Records appended in one turn of the event loop are written together in a microtask, so they
 * reach the kernel before the hub sends them to any page (its batch goes out in a later
 * setImmediate) — a `kill -9` after that loses nothing shown. fdatasync runs every SYNC_MS when
 * something was written (a power cut loses at most that much). A failed write (disk full,
 * read-only) stops this session's recording with one reason; nothing throws.
 *
 * With a cap (`maxBytes`) the files are cut into segments of a quarter of it. Once a segment is
 * full the next pair is created first, then the oldest pairs are deleted (records file first)
 * until the new one has room under the cap: the session keeps its newest records, on disk and in memory,
 * and counts those dropped. A `kill -9` at any point leaves whole segments: at worst one more
 * than needed, or a packets file whose records file is gone, which the reader passes over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PcapngWriter } from '../../core/pcap/index.ts';
import type { SessionRecord } from '../../core/protocol.ts';
import type { Session } from '../hub/session.ts';
import type { PacketAnalysis } from '../../core/analysis/packet-analysis.ts';
import { META_FILE, packetsFile, recordsFile } from './store-layout.ts';
import type { StoredMeta } from './stored-meta.ts';

/** How often written data is forced to the disk. */
export const SYNC_MS = 100;
/** How often the count of records dropped (past the cap) is told again, at most. */
const DROP_NOTE_MS = 1000;
/** Segments a capped session is cut into: it keeps between ¾ of its cap and all of it. */
export const SEGMENTS_PER_CAP = 4;
/** Lines queued before they are written, when a whole session is written at once. */
const FLUSH_LINES = 2048;

export interface WriterEvents {
  /** Writing failed for good: one reason. */
  stopped: (reason: string) => void;
  /** The oldest records were dropped to stay under the cap (`dropped` so far; `first` is kept). */
  capped: (dropped: number, first: number) => void;
}

/** One segment pair on disk. */
interface Segment {
  n: number;
  bytes: number;
  records: number;
  /** Record and packet numbers of the last record and packet in it (0: none yet). */
  lastRecNo: number;
  lastPacket: number;
}

export class SessionWriter {
  private records: number;
  private packets: number;
  private readonly segments: Segment[] = [];
  private readonly segmentBytes: number;
  private lines: string[] = [];
  /** Records among `lines`, and the last record and packet numbers queued. */
  private queuedRecords = 0;
  private queuedRecNo = 0;
  private queuedPacket = 0;
  private frames: Uint8Array[] = [];
  private scheduled = false;
  private dirty = false;
  private stopped = false;
  private readonly pcap = new PcapngWriter({ comment: 'Packet Ladder' });
  private readonly unsubscribe: (() => void)[];
  private readonly timer: NodeJS.Timeout;
  /** Bytes of the segments on disk. */
  bytes = 0;
  /** Records dropped (their segments deleted) to stay under the cap. */
  dropped = 0;
  private toldDropped = 0;
  private toldAt = 0;
  /** Record number of the oldest record still on disk. */
  private firstKept = 1;

  constructor(
    readonly dir: string,
    private readonly session: Session,
    private readonly on: WriterEvents,
    private readonly maxBytes = Infinity,
    private readonly meta: Partial<StoredMeta> = {},
  ) {
    this.records = -1;
    this.packets = -1;
    this.segmentBytes = Number.isFinite(maxBytes)
      ? Math.max(Math.floor(maxBytes / SEGMENTS_PER_CAP), 1)
      : Infinity;
    this.timer = setInterval(() => {
      this.sync();
      this.tellDropped(false);
    }, SYNC_MS);
    this.timer.unref();
    this.unsubscribe = [
      session.onRecord((r) => this.queue(r)),
      session.onCorrection((recNo, analysis) => this.queueCorrection(recNo, analysis)),
    ];
    try {
      fs.mkdirSync(dir, { recursive: true });
      this.writeMeta({});
      this.openSegment(1);
      for (const r of session.since(0).records) {
        this.queue(r);
        if (this.lines.length >= FLUSH_LINES) this.flush();
      }
      this.flush();
    } catch (err) {
      this.stop(err as Error);
    }
  }

  get recording(): boolean {
    return !this.stopped;
  }

  /**
   * Writes meta.json again with `change` (a new name): to a temporary file renamed over the old
   * one, so a crash leaves the old or the new one whole.
   */
  writeMeta(change: Partial<StoredMeta>): void {
    Object.assign(this.meta, change);
    const meta: StoredMeta = {
      format: 1,
      id: this.session.id,
      kind: this.session.kind,
      title: this.session.title,
      ...(this.session.titleKey && { titleKey: this.session.titleKey }),
      startTime: this.session.startTime,
      ...this.meta,
    };
    writeFileAtomic(path.join(this.dir, META_FILE), JSON.stringify(meta) + '\n');
  }

  /** Writes what is queued, forces it to disk and closes the files. */
  close(): void {
    this.flush();
    this.sync();
    this.tellDropped(true);
    this.stop(null);
  }

  private queue(r: SessionRecord): void {
    if (this.stopped) return;
    this.lines.push(JSON.stringify(r));
    this.queuedRecords++;
    this.queuedRecNo = r.recNo;
    if (r.type === 'packet') {
      // Captured packets push their frame right after the record, in the same turn.
      this.pendingPackets.push(r.no);
      this.queuedPacket = r.no;
    }
    this.schedule();
  }

  /** A later packet proved an earlier one's states wrong: stored as a line of its own. */
  private queueCorrection(recNo: number, analysis: PacketAnalysis): void {
    if (this.stopped) return;
    this.lines.push(JSON.stringify({ type: 'correction', recNo, analysis }));
    this.schedule();
  }

  private schedule(): void {
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  private pendingPackets: number[] = [];

  private flush(): void {
    this.scheduled = false;
    if (this.stopped || (this.lines.length === 0 && this.pendingPackets.length === 0)) return;
    try {
      // A full segment: the next pair first, then the oldest go while the whole is past the cap.
      if (this.segments.at(-1)!.bytes >= this.segmentBytes) {
        this.openSegment(this.segments.at(-1)!.n + 1);
        this.dropOldest();
      }
      for (const no of this.pendingPackets) {
        const frame = this.session.frames?.at(no);
        if (frame) this.frames.push(this.pcap.packet(frame));
      }
      this.pendingPackets = [];
      if (this.frames.length > 0) this.write(this.packets, Buffer.concat(this.frames));
      this.frames = [];
      if (this.lines.length > 0) this.write(this.records, this.lines.join('\n') + '\n');
      this.lines = [];
      const seg = this.segments.at(-1)!;
      seg.records += this.queuedRecords;
      if (this.queuedRecNo) seg.lastRecNo = this.queuedRecNo;
      if (this.queuedPacket) seg.lastPacket = this.queuedPacket;
      this.queuedRecords = 0;
    } catch (err) {
      this.stop(err as Error);
    }
  }

  /** Creates segment `n`'s pair and writes from now on into it (the previous pair is closed). */
  private openSegment(n: number): void {
    const records = fs.openSync(path.join(this.dir, recordsFile(n)), 'a');
    const packets = fs.openSync(path.join(this.dir, packetsFile(n)), 'a');
    for (const fd of [this.records, this.packets]) {
      if (fd < 0) continue;
      fs.fdatasyncSync(fd);
      fs.closeSync(fd);
    }
    this.records = records;
    this.packets = packets;
    const prev = this.segments.at(-1);
    this.segments.push({
      n,
      bytes: 0,
      records: 0,
      lastRecNo: prev?.lastRecNo ?? 0,
      lastPacket: prev?.lastPacket ?? 0,
    });
    this.write(this.packets, this.pcap.header());
  }

  /**
   * Deletes the oldest segments, and their records in memory, until the new segment has room to
   * fill up under the cap.
   */
  private dropOldest(): void {
    let dropped = 0;
    while (this.bytes + this.segmentBytes > this.maxBytes && this.segments.length > 1) {
      const seg = this.segments.shift()!;
      fs.rmSync(path.join(this.dir, recordsFile(seg.n)), { force: true });
      fs.rmSync(path.join(this.dir, packetsFile(seg.n)), { force: true });
      this.bytes -= seg.bytes;
      dropped += seg.records;
      this.firstKept = seg.lastRecNo + 1;
      this.session.dropBefore(seg.lastRecNo + 1);
      this.session.frames?.dropBefore(seg.lastPacket + 1);
    }
    if (dropped > 0) this.dropped += dropped;
  }

  private write(fd: number, data: string | Uint8Array): void {
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    let at = 0;
    while (at < buf.length) at += fs.writeSync(fd, buf, at, buf.length - at);
    this.bytes += buf.length;
    this.segments.at(-1)!.bytes += buf.length;
    this.dirty = true;
  }

  private tellDropped(now: boolean): void {
    if (this.dropped === this.toldDropped) return;
    const at = Date.now();
    if (!now && at - this.toldAt < DROP_NOTE_MS) return;
    this.toldAt = at;
    this.toldDropped = this.dropped;
    this.on.capped(this.dropped, this.firstKept);
  }

  private sync(): void {
    if (!this.dirty || this.stopped) return;
    this.dirty = false;
    for (const fd of [this.records, this.packets]) {
      fs.fdatasync(fd, (err) => {
        if (err && !this.stopped) this.stop(err);
      });
    }
  }

  private stop(err: Error | null): void {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    for (const off of this.unsubscribe) off();
    this.lines = [];
    this.frames = [];
    this.pendingPackets = [];
    for (const fd of [this.records, this.packets]) if (fd >= 0) fs.close(fd, () => undefined);
    if (err) this.on.stopped(writeFailure(err, this.dir));
  }
}

/** Writes a temporary file and renames it over `file`: a crash leaves the old or the new one. */
export function writeFileAtomic(file: string, text: string): void {
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
}

/** One sentence on why writing failed, with what to do. */
export function writeFailure(err: Error, dir: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC')
    return `the disk holding ${dir} is full; free some space or choose another --data-dir.`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return `${dir} cannot be written (${code}); choose a writable --data-dir.`;
  return `writing to ${dir} failed: ${err.message}`;
}
