/**
 * A session's title as the page shows it: the server's default titles (stored and sent in
 * English) in the page's language, names someone gave as they were typed.
 */
import { defaultTitleOf } from '../../../core/session-title.ts';
import { t } from './messages.ts';

export function sessionTitle(title: string): string {
  const parts = defaultTitleOf(title);
  if (!parts) return title;
  const live = parts.node ? t('list.liveServerTitle', { node: parts.node }) : t('list.liveTitle');
  return parts.started ? t('list.closedTitle', { title: live, started: parts.started }) : live;
}
