/** What the analyzer answers for each packet: a new object, or with `reuse` one filled again. */
import type { PacketAnalysis, PacketCorrection } from './packet-analysis.ts';

export interface PacketResult {
  conv?: string;
  analysis?: PacketAnalysis;
  /** Earlier packets whose analysis this one proved wrong, corrected (see hindsight.ts). */
  corrections?: PacketCorrection[];
}

export interface PacketAnswers {
  /** The result for a packet of a tracked flow. */
  answer(conv: string, analysis: PacketAnalysis, corrections?: PacketCorrection[]): PacketResult;
  /** The result for a packet of no flow. */
  nothing(): PacketResult;
}

/** `reuse`: every answer is the same object, filled again (for a caller done with each first). */
export function packetAnswers(reuse: boolean): PacketAnswers {
  if (!reuse)
    return {
      answer: (conv, analysis, corrections) =>
        corrections ? { conv, analysis, corrections } : { conv, analysis },
      nothing: () => ({}),
    };
  const result: PacketResult = { conv: undefined, analysis: undefined, corrections: undefined };
  return {
    answer(conv, analysis, corrections) {
      result.conv = conv;
      result.analysis = analysis;
      result.corrections = corrections;
      return result;
    },
    nothing() {
      result.conv = result.analysis = result.corrections = undefined;
      return result;
    },
  };
}
