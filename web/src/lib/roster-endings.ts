/** How a roster row's conversations ended, as one short line: "server closed 2 · still open 1". */
import type { ConversationEnding } from '../../../core/analysis/conversation-summary.ts';
import { t } from './messages.ts';

/** Endings in the order the line lists them: the ordinary ones first. */
const ORDER: readonly ConversationEnding[] = [
  'fin-server',
  'fin-client',
  'open',
  'idle',
  'rst-client',
  'rst-server',
  'icmp',
  'error',
];

/** One ending's name: "client reset". */
export function endingText(e: ConversationEnding): string {
  return t(`roster.end.${e}`);
}

export function endingsText(endings: Partial<Record<ConversationEnding, number>>): string {
  const parts: string[] = [];
  for (const e of ORDER) {
    const n = endings[e];
    if (n) parts.push(`${endingText(e)} ${n}`);
  }
  return parts.join(' · ');
}
