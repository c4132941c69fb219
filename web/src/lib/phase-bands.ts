/**
 * Background bands of the ladder, one per TCP phase (setup, data, close, reset), as Capsa's flow
 * view splits a connection: each from the row where its phase begins to where the next begins.
 */
import type { Phase } from '../../../core/analysis/packet-analysis.ts';

export interface PhaseBand {
  phase: Phase;
  y0: number;
  y1: number;
}

/** `rows`: centre y and the phase started there, if any; `bottom`: end of the last band. */
export function phaseBands(
  rows: readonly { y: number; phaseStart?: Phase }[],
  rowHeight: number,
  bottom: number,
): PhaseBand[] {
  const out: PhaseBand[] = [];
  for (const r of rows) {
    if (!r.phaseStart) continue;
    const top = r.y - rowHeight / 2;
    const prev = out[out.length - 1];
    if (prev) prev.y1 = top;
    out.push({ phase: r.phaseStart, y0: top, y1: bottom });
  }
  return out;
}
