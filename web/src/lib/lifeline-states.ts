/**
 * Where the ladder puts its state labels: one beside a side's lifeline (outside the lanes, clear
 * of arrowheads and labels) wherever that side's TCP state changes, on the row of the packet that
 * changed it, or of the socket call it is derived from (then beside the call's pill).
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
  /** A later packet corrected this side's state here (the server's, on a SYN's row). */
  corrected: boolean;
  /** Set on a socket call's row: the label goes beside its pill. */
  onStep: boolean;
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
        corrected: s.corrected === true && side === 'server',
        onStep: r.type === 'step',
        x: side === 'client' ? g.clientX : g.serverX,
        y: g.ys[i] ?? 0,
      });
    }
    last.set(conv, { client: s.client, server: s.server });
  });
  return out;
}
