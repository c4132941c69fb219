/**
 * The rows of the packet-state table: the step/packet cells, sequence columns in the chosen mode
 * with their arithmetic, each side's state (captured or derived), phase and analysis flags.
 */
import type { Endpoint, SessionRecord } from '../../../core/protocol.ts';
import type { DerivedStates } from '../../../core/analysis/derived-states.ts';
import { stepRow, type StepRow } from './step-row.ts';
import { ackFinder, seqColumns, type SeqColumns, type SeqMode } from './seq-columns.ts';
import { statesOf, type SideStates } from './side-states.ts';
import { passesFlagFilter, type FlagFilter } from './flag-filter.ts';
import { analysisAttr, recordTone, type AnalysisTone } from './analysis-marker.ts';
import { packetNote } from '../../../core/report/retransmit-note.ts';

export interface TableRow {
  cells: StepRow;
  record: SessionRecord;
  time: number;
  /** µs since the previous row shown, null on the first. */
  delta: number | null;
  nums: SeqColumns | null;
  states: SideStates | null;
  /** `data-analysis`: flag names, space-separated. */
  analysis: string | undefined;
  tone: AnalysisTone;
  /** `[TCP Dup ACK #2]`… */
  note: string;
}

export interface TableOptions {
  client: Endpoint | null;
  mode: SeqMode;
  derived: ReadonlyMap<number, DerivedStates>;
  filter: FlagFilter;
}

/** Rows for `visible` (time order); `conversation` holds every record the Acks may point to. */
export function tableRows(
  visible: readonly SessionRecord[],
  conversation: readonly SessionRecord[],
  o: TableOptions,
): TableRow[] {
  const acked = ackFinder(conversation, o.mode);
  const shown = visible.filter((r) => passesFlagFilter(r, o.filter));
  return shown.map((r, i) => {
    const prev = shown[i - 1];
    return {
      cells: stepRow(r, o.client),
      record: r,
      time: r.time,
      delta: prev ? r.time - prev.time : null,
      nums: r.type === 'packet' ? seqColumns(r, acked, o.mode) : null,
      states: statesOf(r, o.derived),
      analysis: analysisAttr(r),
      tone: recordTone(r),
      note: r.type === 'packet' ? packetNote(r) : '',
    };
  });
}
