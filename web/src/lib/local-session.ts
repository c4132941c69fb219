/**
 * A capture file opened in this page only: every packet in columns, the window of records the
 * views show (moved with goTo), the file itself (to share it), and the SessionInfo the views read.
 * Saved again as pcapng in the browser.
 */
import { writePcapng } from '../../../core/pcap/index.ts';
import type { SessionInfo, SessionRecord } from '../../../core/protocol.ts';
import type { PacketColumns } from './packet-columns.ts';
import { RecordStore } from './record-store.svelte.ts';
import { SummaryIndex } from './summary-index.ts';

/** Local session ids start with this, so they never clash with the server's. */
export const LOCAL_PREFIX = 'local:';

export interface LocalSession {
  id: string;
  info: SessionInfo;
  /** The file as opened (a handle, not a copy), for sharing it. */
  file: Blob;
  /** Every packet of the file. */
  store: PacketColumns;
  /** Index in `store` of the first record shown. */
  start: number;
  /** The records shown: `store` from `start`, at most a window's worth. */
  records: readonly SessionRecord[];
  /** Every conversation's summary, read with the file (shared by every window). */
  summaries: SummaryIndex;
  /** The window's records and the summaries, as the views read them. */
  held: RecordStore;
  /** Packets in the whole file. */
  total: number;
}

export function isLocalId(id: string): boolean {
  return id.startsWith(LOCAL_PREFIX);
}

export function makeLocalSession(
  n: number,
  title: string,
  file: Blob,
  store: PacketColumns,
  window: number,
): LocalSession {
  const id = `${LOCAL_PREFIX}${n}`;
  const base = {
    id,
    info: { id, kind: 'file' as const, title, startTime: 0, lastRecNo: 0, firstRecNo: 1 },
  };
  const summaries = new SummaryIndex(Infinity);
  summaries.put(store.summaries);
  const held = new RecordStore(1, undefined, summaries);
  return showWindow(
    { ...base, file, store, start: 0, records: [], total: store.length, summaries, held },
    0,
    window,
  );
}

/**
 * The session showing `window` records around `start` (clamped so the window is full where the
 * file allows). The start time stays the file's first packet's, so times do not jump.
 */
export function showWindow(s: LocalSession, start: number, window: number): LocalSession {
  const size = Math.max(1, window);
  const from = Math.max(0, Math.min(start, s.store.length - size));
  // Records the shown window already made are kept (a half-window move decodes half).
  const to = Math.min(s.store.length, from + size);
  const records = new Array<SessionRecord>(Math.max(0, to - from));
  for (let i = from; i < to; i++) {
    const k = i - s.start;
    records[i - from] = k >= 0 && k < s.records.length ? s.records[k]! : s.store.at(i);
  }
  const first = s.store.length > 0 ? s.store.at(0).time : 0;
  const held = new RecordStore(size, undefined, s.summaries);
  held.restartAt(from);
  held.append(records);
  return {
    ...s,
    start: from,
    records,
    held,
    total: s.store.length,
    info: {
      ...s.info,
      startTime: first,
      firstRecNo: records[0]?.recNo ?? 1,
      lastRecNo: records.at(-1)?.recNo ?? 0,
    },
  };
}

/** The window that shows packet number `no` (from 1) in its middle. */
export function windowFor(s: LocalSession, no: number, window: number): LocalSession {
  return showWindow(s, no - 1 - Math.floor(window / 2), window);
}

/** Adds a session, dropping the oldest past `max` (each one holds its frames in memory); a session
 * with the same id is replaced in place. */
export function addLocalSession(
  list: readonly LocalSession[],
  session: LocalSession,
  max: number,
): LocalSession[] {
  if (list.some((s) => s.id === session.id))
    return list.map((s) => (s.id === session.id ? session : s));
  return [...list, session].slice(-Math.max(1, max));
}

/** Every packet of the file as a pcapng file. */
export function localPcapng(session: LocalSession): Uint8Array {
  const { store } = session;
  return writePcapng(
    Array.from({ length: store.length }, (_, i) => store.frame(i)).map((f) => ({
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
