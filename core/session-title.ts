/**
 * The server's default session titles, in English as stored and sent; the page recognises them
 * (defaultTitleOf) and shows them in its own language. Names the users give are shown as typed.
 */

/** The live session's title until someone names it. */
export const LIVE_TITLE = 'Live: echo endpoints';

/** The live session of one server process among several sharing Redis. */
export function serverLiveTitle(node: string): string {
  return `${LIVE_TITLE} (server ${node})`;
}

/** The start time in the title tells a closed session from today's live one. */
export function closedTitle(title: string, startTime: number): string {
  const started = new Date(Math.floor(startTime / 1000)).toISOString().slice(0, 16);
  return `${title} (${started.replace('T', ' ')} UTC)`;
}

/** What a default title says: which server process's, and when it started if it is closed. */
export interface DefaultTitle {
  /** The server process (with several sharing Redis). */
  node?: string;
  /** "YYYY-MM-DD HH:MM", UTC: the session is closed. */
  started?: string;
}

const CLOSED = / \((\d{4}-\d\d-\d\d \d\d:\d\d) UTC\)$/;
const SERVER = / \(server ([0-9a-f]{1,16})\)$/;

/** The parts of one of the titles above; null for any other title (a name someone gave). */
export function defaultTitleOf(title: string): DefaultTitle | null {
  let rest = title;
  const out: DefaultTitle = {};
  const closed = CLOSED.exec(rest);
  if (closed) {
    out.started = closed[1]!;
    rest = rest.slice(0, closed.index);
  }
  const server = SERVER.exec(rest);
  if (server) {
    out.node = server[1]!;
    rest = rest.slice(0, server.index);
  }
  return rest === LIVE_TITLE ? out : null;
}
