/**
 * The server's default session titles. A session keeps its title in English (for exports, file
 * names and the API) and, while the title is a default one, its key and parameters
 * (SessionInfo.titleKey): the page shows that in its own language. A name someone gives replaces
 * both.
 */

export type SessionTitleKey =
  | { key: 'live'; started?: string } // the live session of the echo endpoints
  | { key: 'live-server'; node: string; started?: string }; // of one process among several sharing Redis
// `started` ("YYYY-MM-DD HH:MM", UTC): the session is closed, and started then.

/** A session's title as it travels: in English, and its key while it is a default one. */
export interface SessionTitled {
  title: string;
  titleKey?: SessionTitleKey;
}

/** The live session's title until someone names it. */
export const LIVE_TITLE_KEY: SessionTitleKey = { key: 'live' };

/** The live session of one server process (`node`, 8 hex digits) among several sharing Redis. */
export function serverLiveTitleKey(node: string): SessionTitleKey {
  return { key: 'live-server', node };
}

/** The title in English, as kept beside the key. */
export function titleOf(key: SessionTitleKey): string {
  const live = 'Live: echo endpoints';
  const title = key.key === 'live-server' ? `${live} (server ${key.node})` : live;
  return key.started === undefined ? title : `${title} (${key.started} UTC)`;
}

/** The key of a default title once its session is closed: its start time is added. */
export function closedTitleKey(key: SessionTitleKey, startTime: number): SessionTitleKey {
  return { ...key, started: startedUtc(startTime) };
}

/** The start time in the title tells a closed session from today's live one. */
export function closedTitle(title: string, startTime: number): string {
  return `${title} (${startedUtc(startTime)} UTC)`;
}

/** "YYYY-MM-DD HH:MM", UTC, of a time in µs since the epoch. */
function startedUtc(startTime: number): string {
  const iso = new Date(Math.floor(startTime / 1000)).toISOString();
  return iso.slice(0, 16).replace('T', ' ');
}
