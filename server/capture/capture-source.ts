/**
 * The one interface every packet source satisfies (tcpdump, dumpcap, a file), so whoever consumes
 * the pcap stream never knows which program, if any, produced it.
 */
import type { CaptureStatus } from '../../core/protocol.ts';

/** Programs that can stream a live capture as pcap. */
export type CaptureTool =
  | 'tcpdump' // libpcap's own tool, preferred: with --immediate-mode each packet arrives at once
  | 'dumpcap'; // Wireshark's capture engine, delivers in ~100 ms batches

/** How a capture process ended. */
export interface CaptureExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when stop() asked for it; false when the process died on its own. */
  requested: boolean;
}

/** Events a source emits, as listener signatures. */
export interface CaptureEvents {
  /** Raw bytes of the pcap stream, in order, the 24-byte file header first. */
  data: (chunk: Uint8Array) => void;
  status: (status: CaptureStatus) => void;
  exit: (exit: CaptureExit) => void;
}

export interface CaptureSource {
  /** Which program produces the stream, e.g. 'tcpdump'. */
  readonly tool: string;
  /** The latest status, also sent to 'status' listeners whenever it changes. */
  readonly status: CaptureStatus;
  /** Packets the kernel dropped, as the tool reported them (known once it exited). */
  readonly dropped: number;
  /**
   * Starts capturing; resolves when the first bytes of the pcap stream arrived, the only reliable
   * sign that the capture is live. Rejects with a CaptureStartError otherwise.
   */
  start(): Promise<void>;
  /** Ends the capture and resolves once the process exited and its output was read; idempotent. */
  stop(): Promise<void>;
  /** Adds a listener; returns a function that removes it. */
  on<E extends keyof CaptureEvents>(event: E, listener: CaptureEvents[E]): () => void;
}
