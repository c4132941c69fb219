/**
 * The default titles as sessions stored before their keys were (meta.json with only `title`)
 * hold them: recognised so that those sessions, too, show in the page's language.
 */
import type { SessionTitleKey } from '../../core/session-title.ts';

const LIVE = 'Live: echo endpoints';
const SERVER = /^Live: echo endpoints \(server ([0-9a-f]{8})\)$/;

/** The key of a stored default title; null for any other title (a file's name). */
export function legacyTitleKey(title: string): SessionTitleKey | null {
  if (title === LIVE) return { key: 'live' };
  const node = SERVER.exec(title)?.[1];
  return node === undefined ? null : { key: 'live-server', node };
}
