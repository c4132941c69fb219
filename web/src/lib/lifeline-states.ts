/**
 * Where the ladder puts its state labels: one on a side's lifeline wherever that side's TCP state
 * changes: just below the end of the arrow that changed it (clear of the next row's arrow label),
 * or on the boundary below a socket call's pill when the state is derived from calls.
 */
import type { SessionRecord, Side } from '../../../core/protocol.ts';
import type { TcpState } from '../../../core/analysis/packet-analysis.ts';
import type { DerivedStates } from '../../../core/analysis/derived-states.ts';
import { statesOf } from './side-states.ts';

export interface StateMark {
  /** The record after which the side is in `state`. */
  recNo: number;
  conv: string;
  side: Side;
  state: TcpState;
  derived: boolean;
  x: number;
  y: number;
}

export interface LifelineGeometry {
  /** Centre of each record's row, in the order of `records`. */
  ys: readonly number[];
  rowHeight: number;
  clientX: number;
  serverX: number;
}

/** How far below a packet row's centre its state labels sit, in rows: under the arrow's end. */
const PACKET_LABEL_DROP = 0.36;

/** Labels for the state changes in `records` (time order), tracked per conversation. */
export function lifelineStates(
  records: readonly SessionRecord[],
  derived: ReadonlyMap<number, DerivedStates>,
  g: LifelineGeometry,
): StateMark[] {
  const last = new Map<string, Record<Side, TcpState | undefined>>();
  const out: StateMark[] = [];
  records.forEach((r, i) => {
    const s = statesOf(r, derived);
    const conv = r.conv ?? '';
    if (!s) return;
    const before = last.get(conv) ?? { client: undefined, server: undefined };
    for (const side of ['client', 'server'] as const) {
      if (before[side] === s[side]) continue;
      out.push({
        recNo: r.recNo,
        conv,
        side,
        state: s[side],
        derived: s.derived,
        x: side === 'client' ? g.clientX : g.serverX,
        y: (g.ys[i] ?? 0) + g.rowHeight * (r.type === 'packet' ? PACKET_LABEL_DROP : 0.5),
      });
    }
    last.set(conv, { client: s.client, server: s.server });
  });
  return out;
}
