/** The session picker's choices: the live session, files shared on the server, files opened here. */
import type { SessionInfo } from '../../../core/protocol.ts';
import { t } from './messages.ts';
import { sessionTitle } from './session-title.ts';

export type SessionGroup =
  | 'live' // the server's live session
  | 'others' // the live session of another server process sharing Redis (still running)
  | 'stored' // an earlier live session the server keeps (closed)
  | 'shared' // a capture file shared through the server
  | 'local'; // a capture file opened in this page only

export interface SessionOption {
  value: string;
  label: string;
  group: SessionGroup;
}

/**
 * Live first (even before the server has listed it), then the other server processes' live
 * sessions, then earlier live sessions (newest first), then shared files, then local ones.
 */
export function sessionOptions(
  server: readonly SessionInfo[],
  local: readonly { info: SessionInfo }[],
  liveId: string,
): SessionOption[] {
  const live: SessionOption = { value: liveId, label: t('sessions.live'), group: 'live' };
  const others = server
    .filter((s) => s.id !== liveId && s.kind === 'live' && !s.closed)
    .map((s): SessionOption => ({ value: s.id, label: sessionTitle(s), group: 'others' }));
  const stored = server
    .filter((s) => s.id !== liveId && s.kind === 'live' && s.closed)
    .toSorted((a, b) => b.startTime - a.startTime)
    .map((s): SessionOption => ({ value: s.id, label: sessionTitle(s), group: 'stored' }));
  const shared = server
    .filter((s) => s.id !== liveId && s.kind === 'file')
    .map((s): SessionOption => ({ value: s.id, label: s.title, group: 'shared' }));
  const here = local.map(({ info }): SessionOption => ({
    value: info.id,
    label: info.title,
    group: 'local',
  }));
  return [live, ...others, ...stored, ...shared, ...here];
}

/** Options of one group, for an <optgroup>. */
export function optionsIn(options: readonly SessionOption[], group: SessionGroup): SessionOption[] {
  return options.filter((o) => o.group === group);
}
