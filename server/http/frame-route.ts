/**
 * `GET /api/sessions/<id>/frames/<no>`: one packet's raw bytes and link type, for the page's
 * packet details of a server session (the page keeps the frames of files it opened itself).
 */
import type { Session } from '../hub/session.ts';

/** What the route answers: the frame as lowercase hex, with what decoding it needs. */
export interface FrameBody {
  no: number;
  linkType: number;
  /** Microseconds since the epoch. */
  time: number;
  origlen: number;
  hex: string;
}

/** The answer for `noText` (the path segment) of `session`: 200, or 400/404 with one line. */
export function frameRoute(
  session: Session,
  noText: string,
): { status: number; body: FrameBody | { error: string } } {
  if (!/^[1-9]\d{0,9}$/.test(noText))
    return {
      status: 400,
      body: { error: `Packet number "${noText.slice(0, 20)}" is not a number from 1.` },
    };
  const no = Number(noText);
  const frame = session.frames?.at(no);
  if (!frame) return { status: 404, body: { error: `Packet ${no} is not held by this session.` } };
  return {
    status: 200,
    body: {
      no,
      linkType: frame.linkType,
      time: frame.time,
      origlen: frame.origlen ?? frame.data.length,
      hex: Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength).toString(
        'hex',
      ),
    },
  };
}
