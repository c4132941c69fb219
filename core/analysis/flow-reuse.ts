/**
 * Flows the flow table dropped, kept to be made into new ones, with the entries of their phase
 * lists for addToPhases to fill again: their objects outlived the young generation and would be
 * garbage in the old one. Only for an analyzer where nothing of a dropped flow can be reached any
 * more (`reuse` and no finished summaries kept); each such analyzer has a pool of its own.
 */
import type { Transport } from '../types.ts';
import type { FlowRecord } from './flow-record.ts';
import type { PhaseSummary } from './conversation-summary.ts';

/** Dropped flows of each transport kept at most (a sweep may drop many at once). */
export const MAX_SPARE_FLOWS = 1024;
/** Phase entries kept at most. */
export const MAX_SPARE_PHASES = 4096;

export class FlowReusePool {
  readonly #flows: Record<Transport, FlowRecord[]> = { tcp: [], udp: [] };
  /** Entries of dropped flows' phase lists: addToPhases takes from the end (phase-tracker.ts). */
  readonly phaseEntries: PhaseSummary[] = [];

  /** Takes `rec`, which no one holds any more (nor its summary, nor its phase entries). */
  giveBack(rec: FlowRecord): void {
    const same = this.#flows[rec.summary.transport];
    if (same.length >= MAX_SPARE_FLOWS) return;
    same.push(rec);
    const phases = rec.summary.phases;
    for (const p of phases)
      if (this.phaseEntries.length < MAX_SPARE_PHASES) this.phaseEntries.push(p);
    phases.length = 0;
  }

  /** A dropped flow of `transport` to make into a new one (newFlowRecord's `spare`), if any. */
  take(transport: Transport): FlowRecord | undefined {
    return this.#flows[transport].pop();
  }
}
