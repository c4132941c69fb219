/**
 * A TCP flag list as its bits (bit i is TCP_FLAGS[i], as in the header), so code that asks about
 * several flags of one segment works the list out once instead of searching it for each flag.
 */
import { TCP_FLAGS, type TcpFlag } from './decoded-packet.ts';

export const FIN_BIT = 1;
export const SYN_BIT = 2;
export const RST_BIT = 4;
export const PSH_BIT = 8;
export const ACK_BIT = 16;

const BIT = Object.fromEntries(TCP_FLAGS.map((f, i) => [f, 1 << i])) as Record<TcpFlag, number>;

/** The bits of `flags` (unknown names, which the type rules out, count as none). */
export function tcpFlagBits(flags: readonly TcpFlag[]): number {
  let bits = 0;
  for (let i = 0; i < flags.length; i++) bits |= BIT[flags[i]!] ?? 0;
  return bits;
}
