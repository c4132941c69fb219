import { describe, it, expect } from 'vitest';
import { decodePacket } from './decode-packet.ts';
import { LINKTYPE } from './link-types.ts';
import { expectDecodes } from './testdata/expect-decodes.ts';
import { FRAMES } from './testdata/frames.ts';
import { fields, hex } from './testdata/hex.ts';
import { IPV4_TCP_PSH_ACK, IPV4_UDP } from './testdata/ipv4-packets.ts';
import { ETH_IPV4 } from './testdata/link-headers.ts';

describe('decodePacket', () => {
  it.each(FRAMES)('$name', ({ linkType, frame, expected }) => {
    expectDecodes(linkType, frame, expected);
  });

  it('passes time, caplen and origlen through', () => {
    const p = decodePacket(LINKTYPE.RAW, hex(IPV4_UDP), 42, 32);
    expect(p).toMatchObject({ time: 42, caplen: 32, origlen: 32, linkType: LINKTYPE.RAW });
  });

  it('names an unknown link type', () => {
    expectDecodes(147, '00 01 02', {
      proto: 'Unknown',
      len: 3,
      malformed: 'unsupported link type 147',
    });
  });

  it('ignores Ethernet padding after a short IPv4 packet', () => {
    expectDecodes(
      LINKTYPE.ETHERNET,
      fields(ETH_IPV4, IPV4_UDP, '00 00 00 00 00 00 00 00 00 00 00 00 00 00'),
      {
        proto: 'UDP',
        len: 4,
        payloadHex: '70696e67',
      },
    );
  });

  it('keeps the true TCP len when the snap length cut the payload', () => {
    const full = hex(fields(ETH_IPV4, IPV4_TCP_PSH_ACK));
    const p = decodePacket(LINKTYPE.ETHERNET, full.slice(0, full.length - 4), 0, full.length);
    expect(p).toMatchObject({ proto: 'TCP', len: 6, payloadHex: '6865', truncated: true });
  });

  it.each([
    { previewBytes: 0, expected: undefined },
    { previewBytes: 2, expected: '6865' },
    { previewBytes: 256, expected: '68656c6c6f0a' },
  ])('keeps $previewBytes payload bytes as hex', ({ previewBytes, expected }) => {
    const full = hex(fields(ETH_IPV4, IPV4_TCP_PSH_ACK));
    const p = decodePacket(LINKTYPE.ETHERNET, full, 0, full.length, previewBytes);
    expect(p.len).toBe(6);
    expect(p.payloadHex).toBe(expected);
    expect(p.malformed).toBeUndefined();
  });

  describe('a full TCP frame cut at every byte offset', () => {
    const full = hex(fields(ETH_IPV4, IPV4_TCP_PSH_ACK));
    const cuts = Array.from({ length: full.length }, (_, n) => n);

    it.each(cuts)('cut to %i bytes by the snap length: truncated, not malformed', (n) => {
      const p = decodePacket(LINKTYPE.ETHERNET, full.slice(0, n), 0, full.length);
      expect(p.truncated).toBe(true);
      expect(p.malformed).toBeUndefined();
      expect(p.caplen).toBe(n);
    });

    it.each(cuts)('cut to %i bytes with origlen saying so: flagged', (n) => {
      const p = decodePacket(LINKTYPE.ETHERNET, full.slice(0, n), 0, n);
      expect(p.truncated || p.malformed !== undefined).toBe(true);
    });

    it('the whole frame is neither', () => {
      const p = decodePacket(LINKTYPE.ETHERNET, full, 0, full.length);
      expect(p.truncated).toBeUndefined();
      expect(p.malformed).toBeUndefined();
    });
  });
});
