/**
 * Sessions kept on disk under --data-dir: every session the server holds is written as it grows
 * (SessionWriter), and sessions of earlier runs are read back, closed, when the server starts.
 * Renames go to meta.json, deletes remove the folder, and the oldest sessions not being written
 * are pruned when all of them together pass the total cap. Only folders this server named are
 * read or removed; no path from a request ever reaches this module. An unusable --data-dir is
 * one line, and the server runs on without recording.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Session } from '../hub/session.ts';
import { readStoredSession } from './session-reader.ts';
import { SessionWriter, writeFailure, writeFileAtomic } from './session-writer.ts';
import { FOLDER_NAME, folderName, META_FILE, SESSIONS_DIR, sessionDir } from './store-layout.ts';

const MIB = 1024 * 1024;
/** How often the total size is checked against its cap while sessions grow. */
const PRUNE_CHECK_MS = 5000;

export interface StoreOptions {
  dataDir: string;
  maxRecords: number;
  /** Bytes one session may take on disk; past it the oldest records are dropped and counted. */
  maxSessionBytes?: number;
  /** Bytes every stored session together may take; the oldest are pruned past it. */
  maxTotalBytes?: number;
  /** One line for the log (a failure of the directory or of one session's files). */
  log: (line: string) => void;
  /** A session's info changed (recording stopped, records dropped): the pages should hear of it. */
  changed: () => void;
  /** Sessions removed from disk to stay under the total cap, oldest first. */
  pruned?: (sessions: Session[]) => void;
}

export interface SessionStore {
  /** Sessions of earlier runs, oldest first, each closed. */
  readonly restored: Session[];
  /** Starts writing a session (and what it holds already). */
  record(session: Session): void;
  /**
   * Closes the files of a session that will get no more records (the live one when a new one
   * starts); returns the id it is read back under after a restart, to keep it the same now.
   */
  retire(session: Session): string;
  /** Writes the session's new name to its meta.json. */
  rename(session: Session, name: string): void;
  /** Removes the session's folder. */
  remove(session: Session): void;
  /** Prunes the oldest sessions not being written until all fit under the total cap. */
  prune(): Session[];
  /** Forces everything written to disk and closes the files. */
  close(): void;
}

interface Entry {
  folder: string;
  writer?: SessionWriter;
  /** Bytes on disk once no writer holds it. */
  bytes: number;
}

/** What the page says of a session that lost its oldest records to its cap. */
function droppedNote(dropped: number, first: number): string {
  return `Keeping the newest records, from record ${first}: the oldest ${dropped} were dropped to stay under the session's size cap`;
}

export function openSessionStore(opts: StoreOptions): SessionStore {
  const root = path.join(opts.dataDir, SESSIONS_DIR);
  // In the order they were stored: the oldest first, as pruning takes them.
  const entries = new Map<Session, Entry>();
  let unusable: string | null = null;
  try {
    fs.mkdirSync(root, { recursive: true });
    fs.accessSync(root, fs.constants.W_OK);
  } catch (err) {
    unusable = writeFailure(err as Error, opts.dataDir);
    opts.log(`packet-ladder: not recording sessions: ${unusable}`);
  }

  let folders: string[] = [];
  try {
    folders = fs
      .readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && FOLDER_NAME.test(d.name))
      .map((d) => d.name);
  } catch {
    // Nothing to read back.
  }
  const withStart: { folder: string; session: Session; bytes: number }[] = [];
  for (const folder of folders) {
    try {
      const stored = readStoredSession(sessionDir(opts.dataDir, folder), folder, opts.maxRecords);
      const notes = [
        ...(stored.dropped > 0
          ? [`${droppedNote(stored.dropped, stored.session.info().firstRecNo)}.`]
          : []),
        ...(stored.truncated ? [`Cut short on disk: ${stored.truncated}`] : []),
      ];
      stored.session.setStored({
        closed: true,
        ...(notes.length > 0 ? { storeNote: notes.join(' ') } : {}),
        ...(stored.dropped > 0 ? { storeDropped: stored.dropped } : {}),
      });
      if (stored.truncated) opts.log(`packet-ladder: session ${folder}: ${stored.truncated}`);
      withStart.push({ folder, session: stored.session, bytes: stored.bytes });
    } catch (err) {
      opts.log(`packet-ladder: session ${folder} not read back: ${(err as Error).message}`);
    }
  }
  withStart.sort((a, b) => a.session.startTime - b.session.startTime);
  for (const { folder, session, bytes } of withStart) {
    entries.set(session, { folder, bytes });
    session.storedBytes = () => bytes;
  }
  const restored = withStart.map((x) => x.session);
  const taken = new Set(folders);

  const bytesOf = (e: Entry) => e.writer?.bytes ?? e.bytes;
  const removeFolder = (session: Session, e: Entry) => {
    e.writer?.close();
    entries.delete(session);
    try {
      fs.rmSync(sessionDir(opts.dataDir, e.folder), { recursive: true, force: true });
    } catch (err) {
      opts.log(`packet-ladder: session ${e.folder} not removed: ${(err as Error).message}`);
    }
  };

  const prune = (): Session[] => {
    const max = opts.maxTotalBytes ?? Infinity;
    let total = 0;
    for (const e of entries.values()) total += bytesOf(e);
    const gone: Session[] = [];
    for (const [session, e] of entries) {
      if (total <= max) break;
      // Never the live session being written.
      if (session.kind === 'live' && !session.info().closed) continue;
      total -= bytesOf(e);
      removeFolder(session, e);
      gone.push(session);
    }
    if (gone.length > 0) {
      opts.log(
        `packet-ladder: pruned ${gone.length} stored session(s) to stay under ${Math.round(max / MIB)} MiB: ${gone.map((s) => s.id).join(', ')}`,
      );
      opts.pruned?.(gone);
    }
    return gone;
  };
  const timer = setInterval(prune, PRUNE_CHECK_MS);
  timer.unref();

  return {
    restored,
    record(session) {
      if (entries.has(session) || session.info().closed) return;
      if (unusable !== null) {
        session.setStored({ storeNote: `Not recorded: ${unusable}` });
        return;
      }
      const folder = folderName(session.id, session.startTime, (n) => taken.has(n));
      taken.add(folder);
      const writer = new SessionWriter(
        sessionDir(opts.dataDir, folder),
        session,
        {
          stopped: (reason) => {
            session.setStored({ storeNote: `Recording stopped: ${reason}` });
            opts.log(`packet-ladder: recording of session ${session.id} stopped: ${reason}`);
            opts.changed();
          },
          capped: (dropped, first) => {
            const mb = Math.round((opts.maxSessionBytes ?? 0) / MIB);
            session.setStored({
              storeNote: `${droppedNote(dropped, first)} (--max-session-mb ${mb}).`,
              storeDropped: dropped,
            });
            opts.changed();
          },
        },
        opts.maxSessionBytes,
      );
      entries.set(session, { folder, writer, bytes: 0 });
      session.storedBytes = () => writer.bytes;
      prune();
    },
    retire(session) {
      const e = entries.get(session);
      if (!e) return folderName(session.id, session.startTime, (n) => taken.has(n));
      if (e.writer) {
        e.writer.close();
        e.bytes = e.writer.bytes;
        e.writer = undefined;
      }
      const bytes = e.bytes;
      session.storedBytes = () => bytes;
      return e.folder;
    },
    rename(session, name) {
      const e = entries.get(session);
      if (!e) return;
      if (e.writer) return e.writer.writeMeta({ name });
      const file = path.join(sessionDir(opts.dataDir, e.folder), META_FILE);
      const meta = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
      writeFileAtomic(file, JSON.stringify({ ...meta, name }) + '\n');
    },
    remove(session) {
      const e = entries.get(session);
      if (e) removeFolder(session, e);
    },
    prune,
    close() {
      clearInterval(timer);
      for (const e of entries.values()) {
        if (!e.writer) continue;
        e.writer.close();
        e.bytes = e.writer.bytes;
        e.writer = undefined;
      }
    },
  };
}
