/** A conversation summary's endpoints, null while the records have not told them yet. */
import type { ConversationSummary } from '../../../core/analysis/conversation-summary.ts';
import type { Endpoint } from '../../../core/protocol.ts';
import type { ConversationEnds } from './endpoint-lanes.ts';

/** Core's summaries hold an endpoint with an empty address until they know it. */
function known(e: Endpoint | undefined): Endpoint | null {
  return e && e.address !== '' ? e : null;
}

export function summaryEnds(s: ConversationSummary | null | undefined): ConversationEnds {
  return { client: known(s?.client), server: known(s?.server) };
}
