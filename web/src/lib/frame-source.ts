/**
 * The raw bytes of one packet for its details pane: from the frames a file opened in this page
 * keeps, or from the server (`GET /api/sessions/<id>/frames/<no>`), checked before use.
 */
import type { RawFrame } from '../../../core/pcap/index.ts';
import type { PacketRecord } from '../../../core/protocol.ts';

export interface FrameBytes {
  linkType: number;
  data: Uint8Array;
}

/** The frames of a file opened here, by index (packet `no` - 1). */
export interface FrameStore {
  readonly length: number;
  frame(i: number): RawFrame;
}

/** Packet `no` (from 1) of a local file's frames, if it is the same packet (same time). */
export function localFrame(frames: FrameStore, p: PacketRecord): FrameBytes | null {
  if (p.no < 1 || p.no > frames.length) return null;
  const f = frames.frame(p.no - 1);
  return f.time === p.time ? { linkType: f.linkType, data: f.data } : null;
}

/** Bytes from lowercase or uppercase hex without separators, or null when it is not hex. */
export function bytesFromHex(hex: string): Uint8Array | null {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Reads the server's answer: the frame, or the one-line error to show. */
export function parseFrameBody(status: number, body: unknown): FrameBytes | string {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (status !== 200) return typeof b.error === 'string' ? b.error : `HTTP ${status}`;
  const data = typeof b.hex === 'string' ? bytesFromHex(b.hex) : null;
  if (!Number.isInteger(b.linkType) || !data) return 'The server sent a frame that is not valid.';
  return { linkType: b.linkType as number, data };
}

/** Fetches packet `no` of server session `session`. */
export async function fetchFrame(
  session: string,
  no: number,
  get: typeof fetch = fetch,
): Promise<FrameBytes | string> {
  try {
    const res = await get(`/api/sessions/${encodeURIComponent(session)}/frames/${no}`);
    return parseFrameBody(res.status, await res.json().catch(() => null));
  } catch (err) {
    return (err as Error).message;
  }
}
