import { describe, it } from 'vitest';
import { LINKTYPE } from './link-types.ts';
import { expectDecodes } from './testdata/expect-decodes.ts';
import { fields } from './testdata/hex.ts';

const MACS = fields('b6 b9 5d 80 8d 79', 'ca f9 df 4f 50 9a'); // destination, source

/** tcpdump's macsec-short-valid.pcap, first frame: an integrity-only MACsec frame. */
const MACSEC_UDP = fields(
  MACS,
  '88 e5', // ethertype MACsec
  '20', // TCI: SC (an SCI follows), not encrypted, AN 0
  '22', // short length 34
  '00 00 00 42', // packet number 66
  'ca f9 df 4f 50 9a 00 64', // SCI
  '08 00', // the original ethertype: IPv4
  '45 00 00 20 2d f1 40 00 40 11 a7 87', // IPv4, total length 32, UDP
  'c0 a8 72 01 c0 a8 72 02', // 192.168.114.1 → 192.168.114.2
  '92 53 1a 0a 00 0c 89 e7', // UDP 37459 → 6666, length 12
  '31 32 33 0a', // "123\n"
  '07 9d 15 05 db 57 17 83 ce b1 ae c1 43 e4 e3 74', // ICV
);

describe('MACsec on Ethernet', () => {
  it('an unencrypted frame is decoded through its SecTAG (macsec-short-valid.pcap)', () => {
    expectDecodes(LINKTYPE.ETHERNET, MACSEC_UDP, {
      proto: 'UDP',
      src: '192.168.114.1',
      dst: '192.168.114.2',
      sport: 37459,
      dport: 6666,
      len: 4,
    });
  });

  it('an encrypted frame stops at the link', () => {
    expectDecodes(LINKTYPE.ETHERNET, fields(MACS, '88 e5', '2c 00 00 00 00 01', 'ab cd'), {
      proto: 'Ethernet',
    });
  });

  it('a SecTAG cut short is flagged', () => {
    expectDecodes(LINKTYPE.ETHERNET, fields(MACS, '88 e5', '20 22 00 00'), {
      proto: 'Ethernet',
      truncated: true,
      malformed: 'frame shorter than its headers declare',
    });
  });
});
