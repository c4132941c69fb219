/** The one line the page shows for a refused request: the limit in the page's language, if any. */
import type { Refusal } from '../../../core/protocol.ts';
import { t } from './messages.ts';

export function refusalText(r: Refusal): string {
  return r.limit ? t(`limit.${r.limit}`) : r.error;
}
