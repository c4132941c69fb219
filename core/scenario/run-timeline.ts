/** The records of one scenario run, as the verdict, the text ladder and the JSON lines take them. */
import type { PacketRecord, SocketStep } from '../records.ts';

export interface RunTimeline {
  /** The run's conversations, in the order the run opened them. */
  convs: string[];
  /** Its socket steps, in time order. */
  steps: SocketStep[];
  /** Its captured packets, in time order (empty without capture). */
  packets: PacketRecord[];
  /** Capture ran for the whole run: packet expectations can be checked. */
  captured: boolean;
  /** Why the capture is known to miss some of the run's packets (kernel drops), if it does. */
  captureGaps?: string;
}

/** The conversations an expectation looks at. */
export function convsInScope(t: RunTimeline, conv: number | undefined): string[] {
  if (conv === undefined) return t.convs;
  const c = t.convs[conv];
  return c === undefined ? [] : [c];
}
