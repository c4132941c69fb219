/**
 * The presenter's session actions over socket.io: start a new live session (the old one is kept,
 * closed), rename a session, delete a stored one. Every page hears the session list change.
 */
import type { Refusal } from './limit-kind.ts';
import type { SessionTitled } from './session-title.ts';

/** Longest session name accepted, in characters. */
export const MAX_SESSION_NAME = 80;

export interface NewSessionRequest {
  /** A name for the new live session; the default title when absent. */
  name?: string;
}

export interface RenameSessionRequest {
  session: string;
  name: string;
}

export interface DeleteSessionRequest {
  session: string;
}

/** `session`: the id the action is about (the new live session's, for `newSession`). */
export type SessionActionResult = { ok: true; session: string } | Refusal;

export interface SessionClientEvents {
  newSession: (req: NewSessionRequest, ack: (res: SessionActionResult) => void) => void;
  renameSession: (req: RenameSessionRequest, ack: (res: SessionActionResult) => void) => void;
  deleteSession: (req: DeleteSessionRequest, ack: (res: SessionActionResult) => void) => void;
}

export interface SessionServerEvents {
  /** Stored sessions removed to stay under the size caps: their titles, oldest first. */
  sessionsPruned: (sessions: SessionTitled[]) => void;
}
