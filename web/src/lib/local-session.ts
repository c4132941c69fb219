/**
 * A capture file opened in this page only: its kept records and raw frames, the file itself (to
 * share it), and the SessionInfo the views read. Saved again as pcapng in the browser.
 */
import { writePcapng, type RawFrame } from '../../../core/pcap/index.ts';
import type { SessionInfo, SessionRecord } from '../../../core/protocol.ts';
import type { ReadCaptureResult } from './read-capture-file.ts';

/** Local session ids start with this, so they never clash with the server's. */
export const LOCAL_PREFIX = 'local:';

export interface LocalSession {
  id: string;
  info: SessionInfo;
  /** The file as opened (a handle, not a copy), for sharing it. */
  file: Blob;
  records: readonly SessionRecord[];
  frames: readonly RawFrame[];
  /** Packets in the whole file (more than records.length when it was cut short). */
  total: number;
}

export function isLocalId(id: string): boolean {
  return id.startsWith(LOCAL_PREFIX);
}

export function makeLocalSession(
  n: number,
  title: string,
  file: Blob,
  read: ReadCaptureResult,
): LocalSession {
  const id = `${LOCAL_PREFIX}${n}`;
  const last = read.records.at(-1)?.recNo ?? 0;
  return {
    id,
    info: {
      id,
      kind: 'file',
      title,
      startTime: read.records[0]?.time ?? 0,
      lastRecNo: last,
      firstRecNo: read.records[0]?.recNo ?? 1,
    },
    file,
    records: read.records,
    frames: read.frames,
    total: read.total,
  };
}

/** Adds a session, dropping the oldest past `max` (each one holds its frames in memory). */
export function addLocalSession(
  list: readonly LocalSession[],
  session: LocalSession,
  max: number,
): LocalSession[] {
  return [...list, session].slice(-Math.max(1, max));
}

/** The kept frames as a pcapng file. */
export function localPcapng(session: LocalSession): Uint8Array {
  return writePcapng(
    session.frames.map((f) => ({
      linkType: f.linkType,
      time: f.time,
      data: f.data,
      origlen: f.origlen,
      ...(f.comment === undefined ? {} : { comment: f.comment }),
    })),
    { comment: `Packet Ladder: ${session.info.title}` },
  );
}

/** A download name: the title without its capture extension, plus `.pcapng`. */
export function pcapngName(title: string): string {
  const base = title.replace(/\.(pcapng|pcap|cap)$/i, '').replace(/[\\/:*?"<>|\p{Cc}]/gu, '_');
  return `${base || 'capture'}.pcapng`;
}
