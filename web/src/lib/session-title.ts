/**
 * A session's title as the page shows it: the server's default titles from their key, in the
 * page's language; any other title (a file's name, one someone gave) as it was given.
 */
import type { SessionTitled } from '../../../core/session-title.ts';
import { t } from './messages.ts';

export function sessionTitle(session: SessionTitled): string {
  const key = session.titleKey;
  let live: string;
  switch (key?.key) {
    case 'live':
      live = t('list.liveTitle');
      break;
    case 'live-server':
      live = t('list.liveServerTitle', { node: key.node });
      break;
    default: // no key, or one this page does not know (a newer server's): the title as sent
      return session.title;
  }
  return key.started === undefined
    ? live
    : t('list.closedTitle', { title: live, started: key.started });
}
