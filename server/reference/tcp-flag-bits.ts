/** Our TCP flag names back to the bits of the flags field, as tshark's tcp.flags shows them. */

/** Flag i is bit i of the flags field. @see RFC 9293 §3.1, RFC 3168 §6.1 (ECE, CWR), RFC 3540 (NS/AE) */
const BITS = ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR', 'AE'];

export function tcpFlagBits(flags: readonly string[]): number {
  let bits = 0;
  for (const f of flags) {
    const i = BITS.indexOf(f);
    if (i < 0) throw new Error(`unknown TCP flag ${f}`);
    bits |= 1 << i;
  }
  return bits;
}
