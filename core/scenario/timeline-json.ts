/**
 * A run as JSON Lines objects in time order: packets with the keys `packet-ladder analyze` prints,
 * socket steps with kind, side, bytes, time (and conv, code when they apply). Time is seconds
 * since the run's first record.
 */
import type { PacketRecord, SocketStep } from '../records.ts';
import { packetJson, type PacketJson } from '../report/packet-json.ts';
import { explain } from '../explain/explain.ts';
import { renderExplanation, type Locale } from '../explain/render-explanation.ts';
import type { RunTimeline } from './run-timeline.ts';

export interface StepJson {
  kind: SocketStep['kind'];
  side: SocketStep['side'];
  bytes: number;
  time: number;
  conv: string;
  code?: string;
  explain?: string;
}

/** With `lang`, every object carries `explain`: the sentence the page shows for it. */
export function timelineJson(t: RunTimeline, lang?: Locale): (PacketJson | StepJson)[] {
  const all: (SocketStep | PacketRecord)[] = [...t.steps, ...t.packets].sort(
    (a, b) => a.time - b.time,
  );
  const t0 = all[0]?.time ?? 0;
  return all.map((r) =>
    r.type === 'packet' ? packetJson(r, t0, undefined, lang) : stepJson(r, t0, lang),
  );
}

export function stepJson(s: SocketStep, t0: number, lang?: Locale): StepJson {
  const out: StepJson = {
    kind: s.kind,
    side: s.side,
    bytes: s.bytes,
    time: Math.round(s.time - t0) / 1e6,
    conv: s.conv,
    ...(s.code ? { code: s.code } : {}),
  };
  if (lang) out.explain = renderExplanation(explain(s), lang);
  return out;
}
