/**
 * Room the ladder's labels need, from their measured widths: beside each outer lifeline for the
 * pills of socket calls and the state labels (next to the call's pill when on one), and above
 * the lifelines for the lane heads, pushed apart where centring them would overlap.
 */
import type { Side } from '../../../core/protocol.ts';

/** Between a state label and its lifeline or the pill beside it (px). */
export const STATE_GAP = 8;

/** What the room of one state label depends on. */
export interface StateBox {
  side: Side;
  /** Width of the label's box (px). */
  width: number;
  /** Width of the pill of this side's socket call on the same row (0 when none). */
  pill: number;
}

/** Each socket call's pill on its row: by record, the side it sits on and its width. */
export type PillIndex = ReadonlyMap<number, { side: Side; width: number }>;

/** Width of the pill a state label sits beside: that of its own side's call on the row, or 0. */
export function pillBeside(
  m: { recNo: number; side: Side; onStep: boolean },
  pills: PillIndex,
): number {
  const p = m.onStep ? pills.get(m.recNo) : undefined;
  return p?.side === m.side ? p.width : 0;
}

/** How far a state label reaches out from its lifeline (px). */
export function stateReach(b: StateBox): number {
  return b.pill / 2 + STATE_GAP + b.width;
}

/** Left edge of a state label's box: left of the client's lifeline, right of the server's. */
export function stateLeft(b: StateBox, x: number): number {
  return b.side === 'client' ? x - stateReach(b) : x + b.pill / 2 + STATE_GAP;
}

/** Per side, the furthest any label reaches out from the lifeline: pills (half) and state boxes. */
export function sideRoom(
  pills: readonly { side: Side; width: number }[],
  states: readonly StateBox[],
): Record<Side, number> {
  const room = { client: 0, server: 0 };
  for (const p of pills) room[p.side] = Math.max(room[p.side], p.width / 2);
  for (const s of states) room[s.side] = Math.max(room[s.side], stateReach(s));
  return room;
}

/**
 * Left edges of the lane heads (`widths`) centred on their lifelines (`xs`) where they can be,
 * pushed apart to keep `gap` between them and kept inside [lo, hi]; null when they cannot all
 * stand side by side.
 */
export function placeHeads(
  xs: readonly number[],
  widths: readonly number[],
  lo: number,
  hi: number,
  gap: number,
): number[] | null {
  const n = widths.length;
  const total = widths.reduce((a, w) => a + w, 0) + gap * Math.max(0, n - 1);
  if (total > hi - lo) return null;
  const lefts = xs.map((x, i) => x - widths[i]! / 2);
  for (let i = 0; i < n; i++)
    lefts[i] = Math.max(lefts[i]!, i ? lefts[i - 1]! + widths[i - 1]! + gap : lo);
  for (let i = n - 1; i >= 0; i--)
    lefts[i] = Math.min(lefts[i]!, i < n - 1 ? lefts[i + 1]! - gap - widths[i]! : hi - widths[i]!);
  return lefts;
}
