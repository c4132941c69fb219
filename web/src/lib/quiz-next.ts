/** The packet a quiz asks about: the first TCP packet after the selected step, in time order. */
import type { SessionRecord } from '../../../core/protocol.ts';
import type { QuizChoice } from '../../../core/class/quiz.ts';

export type NextPacket = QuizChoice & { recNo: number };

/** `rows` are one conversation's records in time order; null when no TCP packet follows. */
export function nextPacketAfter(rows: readonly SessionRecord[], recNo: number): NextPacket | null {
  const at = rows.findIndex((r) => r.recNo === recNo);
  if (at < 0) return null;
  for (let i = at + 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.type !== 'packet' || !r.tcp || !r.analysis) continue;
    return { from: r.analysis.from, flags: r.tcp.flags.join(','), recNo: r.recNo };
  }
  return null;
}
