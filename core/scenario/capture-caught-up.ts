/**
 * Whether the capture has delivered the packets a run's socket steps imply: a FIN for each end(),
 * a RST for each reset(), the RST or ICMP error behind ECONNREFUSED, one datagram per send, and
 * the last ACK of a close. Capture runs behind the sockets; the run waits for this (bounded).
 */
import type { PacketRecord, SocketStep } from '../records.ts';
import type { Side } from '../types.ts';
import type { RunTimeline } from './run-timeline.ts';
import { VERDICT_WORDS_EN, type VerdictWords } from './verdict-words.ts';

export function captureCaughtUp(t: RunTimeline): boolean {
  return t.convs.every((conv) =>
    convCaughtUp(
      t.steps.filter((s) => s.conv === conv),
      t.packets.filter((p) => p.conv === conv),
    ),
  );
}

function convCaughtUp(steps: SocketStep[], packets: PacketRecord[]): boolean {
  const from = (side: Side) => packets.filter((p) => p.analysis?.from === side);
  const has = (side: Side, flag: 'FIN' | 'RST') =>
    from(side).some((p) => p.tcp?.flags.includes(flag));
  for (const side of ['client', 'server'] as const) {
    const mine = steps.filter((s) => s.side === side);
    if (mine.some((s) => s.kind === 'end' && s.transport === 'tcp') && !has(side, 'FIN'))
      return false;
    if (mine.some((s) => s.kind === 'reset') && !has(side, 'RST')) return false;
    const sends = mine.filter((s) => s.kind === 'udp-send').length;
    if (from(side).filter((p) => p.proto === 'UDP').length < sends) return false;
  }
  const refused = steps.find((s) => s.kind === 'error' && s.code === 'ECONNREFUSED');
  if (refused?.transport === 'tcp' && !has('server', 'RST')) return false;
  if (refused?.transport === 'udp' && !packets.some((p) => p.icmp)) return false;
  return lastAckSeen(packets);
}

/** After both FINs, the first closer's ACK of the second one closes the ladder. */
function lastAckSeen(packets: PacketRecord[]): boolean {
  const fins = packets.filter((p) => p.tcp?.flags.includes('FIN'));
  const sides = new Set(fins.map((p) => p.analysis?.from));
  if (sides.size < 2 || packets.some((p) => p.tcp?.flags.includes('RST'))) return true;
  const second = fins.find((p) => p.analysis?.from !== fins[0]!.analysis?.from)!;
  return packets
    .slice(packets.indexOf(second) + 1)
    .some((p) => p.analysis?.from !== second.analysis?.from);
}

/** Why some of the run's packets are missing from the capture, or undefined when none are known to be. */
export function captureGaps(
  t: RunTimeline,
  w: VerdictWords = VERDICT_WORDS_EN,
): string | undefined {
  if (!t.captured) return undefined;
  const lost = t.packets.filter((p) => p.analysis?.analysis?.includes('lost_segment')).length;
  if (lost) return w.gapsLost(lost);
  if (!captureCaughtUp(t)) return w.gapsTail;
  return undefined;
}
