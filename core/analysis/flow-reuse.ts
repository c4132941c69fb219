/**
 * Flows the flow table dropped, kept to be made into new ones, with the entries of their phase
 * lists for addToPhases to fill again: their objects outlived the young generation and would be
 * garbage in the old one. Only for an analyzer where nothing of a dropped flow can be reached any
 * more (`reuse` and no finished summaries kept); each such analyzer has a pool of its own.
 */
import type { Transport } from '../types.ts';
import { newFlowRecord, type FlowRecord } from './flow-record.ts';
import type { PhaseSummary } from './conversation-summary.ts';

/** Dropped flows of each transport kept at most (a sweep may drop many at once). */
export const MAX_SPARE_FLOWS = 1024;
/** Phase entries kept at most. */
export const MAX_SPARE_PHASES = 4096;

/** The ends of a blank flow (replaced when it is renewed). */
const NOWHERE = Object.freeze({ address: '', port: 0 });

export class FlowReusePool {
  readonly #flows: Record<Transport, FlowRecord[]> = { tcp: [], udp: [] };
  /** Entries of dropped flows' phase lists: addToPhases takes from the end (phase-tracker.ts). */
  readonly phaseEntries: PhaseSummary[] = [];

  /** Takes `rec`, which no one holds any more (nor its summary, nor its phase entries). */
  giveBack(rec: FlowRecord): void {
    const same = this.#flows[rec.summary.transport];
    if (same.length >= MAX_SPARE_FLOWS) return;
    same.push(rec);
    // Emptied by pop(): the list keeps its room for the flow it becomes (`length = 0` would free
    // it, and every new flow would grow a new one that outlives the young generation).
    const phases = rec.summary.phases;
    const entries = this.phaseEntries;
    for (let p = phases.pop(); p; p = phases.pop())
      if (entries.length < MAX_SPARE_PHASES) entries.push(p);
  }

  /**
   * A flow to make into the next new one of `transport` (newFlowRecord's `spare`): a dropped one,
   * or a blank one when none is left. Both are renewed in full, which sets every field a summary
   * gets later, in one order: all the pool's flows share one hidden class, where flows made new
   * had one for each order their fields came in, and the analysis read them all through slow
   * (megamorphic) property lookups.
   */
  take(transport: Transport): FlowRecord {
    return (
      this.#flows[transport].pop() ??
      newFlowRecord(0, transport, NOWHERE, NOWHERE, 0, 0, false, undefined, '')
    );
  }
}
