/** The socket tap: turns socket-level calls into SocketStep records on the wall-clock µs axis. */
import type { Endpoint, PayloadPreview, SocketStep } from '../../core/protocol.ts';
import { normalizeAddress } from '../../core/conversation-id.ts';

/**
 * Where steps go (the hub appends them to the live session). Calls that send are tapped just
 * before they are made: the segment can be on the wire before write() returns.
 */
export type Tap = (step: SocketStep) => void;

const PREVIEW_BYTES = 256;

/** Microseconds since the Unix epoch, with sub-millisecond resolution. */
export function nowMicros(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}

/** First 256 bytes as text (non-printables as '.') and as hex. */
export function previewOf(bytes: Uint8Array): PayloadPreview {
  const head = bytes.subarray(0, PREVIEW_BYTES);
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(head);
  let text = '';
  for (const ch of decoded) text += isShown(ch) ? ch : '.';
  return { text, hex: Buffer.from(head).toString('hex') };
}

/** Printable text, tabs and newlines are shown; other controls and undecodable bytes are not. */
function isShown(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c === 9 || c === 10 || c === 13 || (c >= 32 && c !== 127 && c !== 0xfffd);
}

/** The endpoint of a socket's local or remote side, with IPv4-mapped addresses unwrapped. */
export function endpointOf(address: string | undefined, port: number | undefined): Endpoint | null {
  if (address === undefined || port === undefined) return null;
  return { address: normalizeAddress(address), port };
}

type StepFields = Omit<SocketStep, 'type' | 'time' | 'bytes'> & { bytes?: number; time?: number };

/** Builds a step stamped with the current time. */
export function step(fields: StepFields): SocketStep {
  return { type: 'step', time: fields.time ?? nowMicros(), bytes: 0, ...fields };
}
