/**
 * How an analysed packet is marked, after Wireshark's colouring rules: "Bad TCP" (black with red
 * text) for trouble, a softer mark for window updates and keep-alives, nothing otherwise.
 */
import type { AnalysisFlag } from '../../../core/analysis/packet-analysis.ts';
import type { SessionRecord } from '../../../core/protocol.ts';
import { textUnits } from './text-width.ts';

export type AnalysisTone =
  | 'bad' // retransmissions, lost segments, dup ACKs, zero windows…
  | 'info' // window updates and keep-alives: worth a look, not trouble
  | ''; // no analysis flag

/** Wireshark leaves these out of "Bad TCP". */
const BENIGN: readonly AnalysisFlag[] = ['window_update', 'keep_alive', 'keep_alive_ack'];

export function analysisTone(flags: readonly AnalysisFlag[]): AnalysisTone {
  if (flags.length === 0) return '';
  return flags.every((f) => BENIGN.includes(f)) ? 'info' : 'bad';
}

/** The `data-analysis` value: flag names separated by spaces, or undefined when none. */
export function analysisAttr(r: SessionRecord | undefined): string | undefined {
  const flags = r?.type === 'packet' ? (r.analysis?.analysis ?? []) : [];
  return flags.length > 0 ? flags.join(' ') : undefined;
}

/** The tone of a record's marker ('' for socket steps and unflagged packets). */
export function recordTone(r: SessionRecord | undefined): AnalysisTone {
  return r?.type === 'packet' ? analysisTone(r.analysis?.analysis ?? []) : '';
}

/** The box around a marker's note drawn at `font` px (monospace, bold): the text and a margin. */
export function markerBox(note: string, font: number): { width: number; height: number } {
  return { width: Math.round(textUnits(note) * font * 0.62 + 12), height: Math.round(font * 1.3) };
}
