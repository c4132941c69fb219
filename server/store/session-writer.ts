/**
 * Writes one session to its folder as it happens: each record as a JSON line in records.jsonl,
 * each packet's frame as an EPB appended to packets.pcapng. Records appended in one turn of the
 * event loop are written together in a microtask, so they reach the kernel before the hub sends
 * them to any page (its batch goes out in a later setImmediate) — a `kill -9` after that loses
 * nothing shown. fdatasync runs every SYNC_MS when something was written (a power cut loses at
 * most that much). A failed write (disk full, read-only) stops this session's recording with
 * one reason; nothing throws. Past `maxBytes` records are no longer stored, only counted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PcapngWriter } from '../../core/pcap/index.ts';
import type { SessionRecord } from '../../core/protocol.ts';
import type { Session } from '../hub/session.ts';
import { META_FILE, PACKETS_FILE, RECORDS_FILE } from './store-layout.ts';
import type { StoredMeta } from './stored-meta.ts';

/** How often written data is forced to the disk. */
export const SYNC_MS = 100;
/** How often the count of records not stored (past the cap) is told again, at most. */
const DROP_NOTE_MS = 1000;

export interface WriterEvents {
  /** Writing failed for good: one reason. */
  stopped: (reason: string) => void;
  /** Records past the session's cap were not stored (`dropped` so far, after record `kept`). */
  capped: (dropped: number, kept: number) => void;
}

export class SessionWriter {
  private records: number;
  private packets: number;
  private lines: string[] = [];
  private frames: Uint8Array[] = [];
  private scheduled = false;
  private dirty = false;
  private stopped = false;
  private readonly pcap = new PcapngWriter({ comment: 'Packet Ladder' });
  private readonly unsubscribe: () => void;
  private readonly timer: NodeJS.Timeout;
  /** Bytes written to both files so far. */
  bytes = 0;
  /** Records not stored because the session reached its cap. */
  dropped = 0;
  private toldDropped = 0;
  private toldAt = 0;
  /** Record number of the last record stored. */
  private kept = 0;

  constructor(
    readonly dir: string,
    private readonly session: Session,
    private readonly on: WriterEvents,
    private readonly maxBytes = Infinity,
    private readonly meta: Partial<StoredMeta> = {},
  ) {
    this.records = -1;
    this.packets = -1;
    this.timer = setInterval(() => {
      this.sync();
      this.tellDropped(false);
    }, SYNC_MS);
    this.timer.unref();
    this.unsubscribe = session.onRecord((r) => this.queue(r));
    try {
      fs.mkdirSync(dir, { recursive: true });
      this.writeMeta({});
      this.records = fs.openSync(path.join(dir, RECORDS_FILE), 'a');
      this.packets = fs.openSync(path.join(dir, PACKETS_FILE), 'a');
      this.write(this.packets, this.pcap.header());
      for (const r of session.since(0).records) this.queue(r);
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
    if (this.bytes >= this.maxBytes) {
      this.dropped++;
      return;
    }
    this.kept = r.recNo;
    this.lines.push(JSON.stringify(r));
    if (r.type === 'packet') {
      // Captured packets push their frame right after the record, in the same turn.
      this.pendingPackets.push(r.no);
    }
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
      for (const no of this.pendingPackets) {
        const frame = this.session.frames?.at(no);
        if (frame) this.frames.push(this.pcap.packet(frame));
      }
      this.pendingPackets = [];
      if (this.frames.length > 0) this.write(this.packets, Buffer.concat(this.frames));
      this.frames = [];
      if (this.lines.length > 0) this.write(this.records, this.lines.join('\n') + '\n');
      this.lines = [];
    } catch (err) {
      this.stop(err as Error);
    }
  }

  private write(fd: number, data: string | Uint8Array): void {
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    let at = 0;
    while (at < buf.length) at += fs.writeSync(fd, buf, at, buf.length - at);
    this.bytes += buf.length;
    this.dirty = true;
  }

  private tellDropped(now: boolean): void {
    if (this.dropped === this.toldDropped) return;
    const at = Date.now();
    if (!now && at - this.toldAt < DROP_NOTE_MS) return;
    this.toldAt = at;
    this.toldDropped = this.dropped;
    this.on.capped(this.dropped, this.kept);
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
    this.unsubscribe();
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
