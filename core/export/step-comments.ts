/**
 * Which packet each socket step is written on, as a pcapng packet comment: the packet the step
 * caused (core/correlate: connect ↔ SYN, write ↔ its segments…), else the conversation's next
 * packet after it in time, else its last one before. Steps of a conversation without packets
 * have nowhere to go and are left out.
 */
import { correlate } from '../correlate/correlate.ts';
import type { SessionRecord, SocketStep } from '../protocol.ts';
import { stepDetail, stepName } from './step-text.ts';

/** Packet record number → the comments it carries, in step order. */
export function stepComments(records: readonly SessionRecord[]): Map<number, string[]> {
  const byConv = new Map<string, SessionRecord[]>();
  for (const r of records) {
    if (!r.conv) continue;
    let list = byConv.get(r.conv);
    if (!list) byConv.set(r.conv, (list = []));
    list.push(r);
  }
  const out = new Map<number, string[]>();
  for (const list of byConv.values()) {
    const packets = list
      .filter((r) => r.type === 'packet')
      .sort((a, b) => a.time - b.time || a.recNo - b.recNo);
    if (packets.length === 0) continue;
    const isPacket = new Set(packets.map((p) => p.recNo));
    const links = correlate(list);
    for (const r of list) {
      if (r.type !== 'step') continue;
      const caused = links.get(r.recNo)?.filter((n) => isPacket.has(n));
      const target =
        caused && caused.length > 0
          ? Math.min(...caused)
          : (packets.find((p) => p.time >= r.time) ?? packets[packets.length - 1]!).recNo;
      let texts = out.get(target);
      if (!texts) out.set(target, (texts = []));
      texts.push(stepComment(r, caused !== undefined && caused.length > 0));
    }
  }
  return out;
}

/** `Packet Ladder step 4: client write 13 B "hello"` (+ ` (near)` when not tied to this packet). */
export function stepComment(s: SocketStep & { recNo: number }, caused: boolean): string {
  const detail = s.preview?.text
    ? ` "${stepDetail(s)}"`
    : s.kind === 'error'
      ? ` ${s.message ?? ''}`
      : '';
  return `Packet Ladder step ${s.recNo}: ${s.side} ${stepName(s)}${detail}${caused ? '' : ' (near)'}`;
}
