/** Records a page no longer holds (or never held), fetched from the server a range page at a time. */
import type { RangeRequest, RangeResult, SessionRecord } from '../../../core/protocol.ts';
import { ACK_TIMEOUT_MS, type AppSocket } from './app-socket.ts';

/** Range pages fetched for one request at most. */
const RANGE_PAGES = 10;

/**
 * The records from `req.from` to `req.to` (of one conversation when `req.conv`), or null when the
 * server refused or the page moved to another session meanwhile (`stillWanted` turned false).
 */
export async function fetchRange(
  socket: AppSocket,
  req: RangeRequest,
  stillWanted: () => boolean,
): Promise<SessionRecord[] | null> {
  const got: SessionRecord[] = [];
  let from: number | null = req.from;
  for (let page = 0; from !== null && from <= req.to && page < RANGE_PAGES; page++) {
    const res: RangeResult = await socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('range', { ...req, from });
    if (!res.ok || !stillWanted()) return null;
    got.push(...res.records);
    from = res.next;
  }
  return got;
}
