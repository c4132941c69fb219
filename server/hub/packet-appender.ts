/**
 * Appends one ingest's packets to a session and applies the corrections its analyzer makes to
 * earlier packets (states true in hindsight), which name packets by the ingest's own numbering.
 */
import type { IngestedPacket } from '../../core/ingest/capture-ingest.ts';
import type { Session } from './session.ts';
import { dropOldest } from '../../core/drop-oldest.ts';

/**
 * Packets whose record numbers are remembered at most. Only SYNs are ever corrected, and a
 * connection keeps at most 8 open (core/analysis/hindsight.ts): this is many connections' worth.
 */
export const REMEMBERED_SYNS = 4096;

/** Ingests made so far: each appender's packets carry stream numbers of their own. */
let ingests = 0;

/**
 * A function taking each batch of one ingest's packets, in order. `session` may name another
 * session from one batch to the next (the live session was replaced): a correction goes to the
 * session its packet went to.
 */
export function packetAppender(
  session: Session | (() => Session),
): (packets: IngestedPacket[]) => void {
  const current = typeof session === 'function' ? session : () => session;
  const source = ++ingests;
  // packet number → where its record went, oldest first (Map keeps insertion order)
  const sent = new Map<number, { to: Session; recNo: number }>();
  return (packets) => {
    for (const { record, frame, corrections } of packets) {
      const to = current();
      const { recNo } = to.append(record, source);
      to.frames?.push(frame);
      if (record.tcp?.flags.includes('SYN')) {
        sent.set(record.no, { to, recNo });
        if (sent.size > REMEMBERED_SYNS) dropOldest(sent);
      }
      for (const c of corrections ?? []) {
        const at = sent.get(c.packet);
        at?.to.correct(at.recNo, c.analysis);
      }
    }
  };
}
