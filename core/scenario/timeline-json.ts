/**
 * A run as JSON Lines objects in time order: packets with the keys `packet-ladder analyze` prints,
 * socket steps with kind, side, bytes, time (and conv, code when they apply). Time is seconds
 * since the run's first record.
 */
import type { PacketRecord, SocketStep } from '../records.ts';
import { packetJson, type PacketJson } from '../report/packet-json.ts';
import type { RunTimeline } from './run-timeline.ts';

export interface StepJson {
  kind: SocketStep['kind'];
  side: SocketStep['side'];
  bytes: number;
  time: number;
  conv: string;
  code?: string;
}

export function timelineJson(t: RunTimeline): (PacketJson | StepJson)[] {
  const all: (SocketStep | PacketRecord)[] = [...t.steps, ...t.packets].sort(
    (a, b) => a.time - b.time,
  );
  const t0 = all[0]?.time ?? 0;
  return all.map((r) => (r.type === 'packet' ? packetJson(r, t0) : stepJson(r, t0)));
}

export function stepJson(s: SocketStep, t0: number): StepJson {
  return {
    kind: s.kind,
    side: s.side,
    bytes: s.bytes,
    time: Math.round(s.time - t0) / 1e6,
    conv: s.conv,
    ...(s.code ? { code: s.code } : {}),
  };
}
