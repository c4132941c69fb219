/** Shared shape and expectations of the table-driven link-layer decoder tests. */
import type { DecodedPacket } from '../decoded-packet.ts';

export interface LinkCase {
  name: string;
  linkType: number;
  input: string;
  expected: Partial<DecodedPacket>;
}

/** What IPV4_UDP decodes to under any link header. */
export const UDP_4: Partial<DecodedPacket> = { proto: 'UDP', src: '10.0.0.1', len: 4 };

/** A frame cut inside a header though nothing was lost to the snap length. */
export const SHORT = 'frame shorter than its headers declare';
