/**
 * Sessions kept on disk under --data-dir: every session the server holds is written as it grows
 * (SessionWriter), and sessions of earlier runs are read back, closed, when the server starts.
 * Only folders this server named are read; no path from a request ever reaches this module.
 * An unusable --data-dir is one line, and the server runs on without recording.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Session } from '../hub/session.ts';
import { readStoredSession } from './session-reader.ts';
import { SessionWriter, writeFailure } from './session-writer.ts';
import { FOLDER_NAME, folderName, SESSIONS_DIR, sessionDir } from './store-layout.ts';

export interface StoreOptions {
  dataDir: string;
  maxRecords: number;
  /** One line for the log (a failure of the directory or of one session's files). */
  log: (line: string) => void;
  /** A session's info changed (recording stopped): the pages should hear of it. */
  changed: () => void;
}

export interface SessionStore {
  /** Sessions of earlier runs, oldest first, each closed. */
  readonly restored: Session[];
  /** Starts writing a session (and what it holds already). */
  record(session: Session): void;
  /** Forces everything written to disk and closes the files. */
  close(): void;
}

export function openSessionStore(opts: StoreOptions): SessionStore {
  const root = path.join(opts.dataDir, SESSIONS_DIR);
  const writers = new Map<Session, SessionWriter>();
  let unusable: string | null = null;
  try {
    fs.mkdirSync(root, { recursive: true });
    fs.accessSync(root, fs.constants.W_OK);
  } catch (err) {
    unusable = writeFailure(err as Error, opts.dataDir);
    opts.log(`packet-ladder: not recording sessions: ${unusable}`);
  }

  const restored: Session[] = [];
  let folders: string[] = [];
  try {
    folders = fs
      .readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && FOLDER_NAME.test(d.name))
      .map((d) => d.name);
  } catch {
    // Nothing to read back.
  }
  const withStart: { folder: string; session: Session }[] = [];
  for (const folder of folders) {
    try {
      const stored = readStoredSession(sessionDir(opts.dataDir, folder), folder, opts.maxRecords);
      stored.session.setStored({
        closed: true,
        ...(stored.truncated ? { storeNote: `Cut short on disk: ${stored.truncated}` } : {}),
      });
      if (stored.truncated) opts.log(`packet-ladder: session ${folder}: ${stored.truncated}`);
      withStart.push({ folder, session: stored.session });
    } catch (err) {
      opts.log(`packet-ladder: session ${folder} not read back: ${(err as Error).message}`);
    }
  }
  withStart.sort((a, b) => a.session.startTime - b.session.startTime);
  restored.push(...withStart.map((x) => x.session));
  const taken = new Set(folders);

  return {
    restored,
    record(session) {
      if (writers.has(session) || session.info().closed) return;
      if (unusable !== null) {
        session.setStored({ storeNote: `Not recorded: ${unusable}` });
        return;
      }
      const folder = folderName(session.id, session.startTime, (n) => taken.has(n));
      taken.add(folder);
      const writer = new SessionWriter(sessionDir(opts.dataDir, folder), session, (reason) => {
        session.setStored({ storeNote: `Recording stopped: ${reason}` });
        opts.log(`packet-ladder: recording of session ${session.id} stopped: ${reason}`);
        opts.changed();
      });
      writers.set(session, writer);
    },
    close() {
      for (const w of writers.values()) w.close();
      writers.clear();
    },
  };
}
