/**
 * The phase list of one conversation (setup, data, close or reset, with times, packets and bytes
 * each way) and its timings, computed by core's analyzer over the conversation's packets.
 */
import type { SessionRecord, PacketRecord } from '../../../core/protocol.ts';
import type { ConversationSummary } from '../../../core/analysis/index.ts';
import { createAnalyzer } from '../../../core/analysis/index.ts';

/** The analyzer's summary of `conv` from its packet records (null without packets). */
export function summarizePhases(
  records: readonly SessionRecord[],
  conv: string,
): ConversationSummary | null {
  const packets = records
    .filter((r): r is PacketRecord & { recNo: number } => r.type === 'packet' && r.conv === conv)
    .sort((a, b) => a.time - b.time || a.recNo - b.recNo);
  if (packets.length === 0) return null;
  const analyzer = createAnalyzer();
  for (const p of packets) analyzer.add(p);
  const all = analyzer.conversations();
  return all.find((c) => c.conv === conv) ?? all[0] ?? null;
}
