/**
 * Where a retransmission comes from: the packet that first carried the same bytes, how long ago,
 * which try this is, and what set it off. Beside tshark's flags, which say only *that* it is one.
 */

/** What set a retransmission off. */
export type RetransmitTrigger =
  | 'timeout' // no ACK in time: the retransmission timer (or a tail-loss probe) fired
  | 'duplicate_acks'; // duplicate ACKs said a segment was missing (fast retransmission)

export interface RetransmitOrigin {
  /** Packet number (from 1, in the order packets were given) of the first transmission. */
  original: number;
  /** Microseconds since the first transmission. */
  sinceUs: number;
  /** Microseconds since the previous transmission of these bytes: the timeout that fired. */
  sincePreviousUs: number;
  /** 1 for the first retransmission of these bytes, 2 for the second… */
  attempt: number;
  trigger: RetransmitTrigger;
  /** For `duplicate_acks`: how many duplicate ACKs came before it. */
  dupAcks?: number;
}
