/** The records a session holds: socket steps from the taps and packets from a capture. */
import type { PacketAnalysis } from './analysis/packet-analysis.ts';
import type { DecodedPacket } from './decode/decoded-packet.ts';
import type { Endpoint, PayloadPreview, Side, StepKind, Transport } from './types.ts';

/** One socket-level call observed by the tap. */
export interface SocketStep {
  type: 'step';
  kind: StepKind;
  /** Microseconds since the Unix epoch, wall clock (shares the axis with captured packets). */
  time: number;
  side: Side;
  transport: Transport;
  local: Endpoint;
  remote: Endpoint | null;
  /** Conversation id, see `conversationId()`. */
  conv: string;
  /** Bytes moved by this call (0 for calls that move none). */
  bytes: number;
  preview?: PayloadPreview;
  /** For connect: microseconds from connect() to completion. */
  durationUs?: number;
  /** For error: the errno code, e.g. ECONNREFUSED. */
  code?: string;
  /** For error: the message the OS gave. */
  message?: string;
}

/** One captured or read packet, decoded, with the TCP analysis when it applies. */
export interface PacketRecord extends DecodedPacket {
  type: 'packet';
  /** Frame number within its session, from 1. */
  no: number;
  /** Conversation id, see `conversationId()`; absent for packets outside TCP/UDP flows. */
  conv?: string;
  analysis?: PacketAnalysis;
}

/**
 * What a session holds, in order; `recNo` is the session's record number, from 1, no gaps
 * (not TCP's sequence number, which packets carry as `tcp.seq` / `tcp.seqRaw`).
 */
export type SessionRecord = (SocketStep | PacketRecord) & { recNo: number };
