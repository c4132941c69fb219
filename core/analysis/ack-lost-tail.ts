/** Where "max seq to be acked" moves when an ACK covers data never seen (Wireshark's tail search). */
import type { UnackedSegment } from './tcp-direction.ts';
import { seqGe, seqGt } from './seq-math.ts';

/**
 * When segments above `ack` are already waiting and start exactly at `ack`, jump to the end of
 * that contiguous run, so one lost segment is reported once; otherwise the ack itself.
 */
export function ackLostTail(segments: readonly UnackedSegment[], ack: number): number {
  let left = 0;
  let right = 0;
  for (const u of segments) {
    if (left === right) {
      left = u.seq;
      right = u.nextseq;
    }
    if (seqGe(u.seq, ack)) {
      if (u.nextseq === left) left = u.seq;
      else {
        left = u.seq;
        right = u.nextseq;
      }
    }
  }
  return ack === left && seqGt(right, ack) ? right : ack;
}
