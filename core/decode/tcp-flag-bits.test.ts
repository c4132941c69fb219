import { describe, expect, it } from 'vitest';
import { TCP_FLAGS } from './decoded-packet.ts';
import { tcpFlags } from './tcp.ts';
import { ACK_BIT, FIN_BIT, RST_BIT, SYN_BIT, tcpFlagBits } from './tcp-flag-bits.ts';

describe('tcpFlagBits', () => {
  it('gives back the header bits of every flag list the decoder makes', () => {
    for (let bits = 0; bits < 1 << TCP_FLAGS.length; bits++)
      expect(tcpFlagBits(tcpFlags(bits))).toBe(bits);
  });

  it('names the bits the analysis asks about', () => {
    expect(tcpFlagBits(['FIN'])).toBe(FIN_BIT);
    expect(tcpFlagBits(['SYN'])).toBe(SYN_BIT);
    expect(tcpFlagBits(['RST'])).toBe(RST_BIT);
    expect(tcpFlagBits(['ACK'])).toBe(ACK_BIT);
    expect(tcpFlagBits([])).toBe(0);
  });
});
