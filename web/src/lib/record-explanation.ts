/**
 * The explanation pane's text for one record: core's sentence in the page's language, plus, for an
 * ICMP error, which datagram it answers.
 */
import type { SessionRecord } from '../../../core/protocol.ts';
import { explain } from '../../../core/explain/explain.ts';
import { renderExplanation, type Locale } from '../../../core/explain/render-explanation.ts';
import { icmpCause } from './record-links.ts';
import { t } from './messages.ts';

export function recordExplanation(
  r: SessionRecord,
  conversation: readonly SessionRecord[],
  locale: Locale,
): string {
  const text = renderExplanation(explain(r), locale);
  if (r.type !== 'packet' || !r.icmp?.inner) return text;
  const cause = icmpCause(conversation, r);
  if (!cause) return text;
  const side = cause.type === 'packet' && cause.analysis?.from === 'server' ? 'server' : 'client';
  const sep = locale === 'en' ? ' ' : '';
  return text + sep + t('explain.answerTo', { no: cause.recNo, side: t(`role.${side}`) });
}
