import { describe, it, expect } from 'vitest';
import { formatIpv4, formatIpv6 } from './addresses.ts';
import { hex } from './testdata/hex.ts';

describe('formatIpv6', () => {
  // expected texts checked against tshark 4.0
  const cases = [
    { name: 'loopback', input: '0000 0000 0000 0000 0000 0000 0000 0001', expected: '::1' },
    { name: 'unspecified', input: '0000 0000 0000 0000 0000 0000 0000 0000', expected: '::' },
    {
      name: 'documentation host',
      input: '2001 0db8 0000 0000 0000 0000 0000 0001',
      expected: '2001:db8::1',
    },
    {
      name: 'trailing run',
      input: '2001 0db8 0000 0000 0000 0000 0000 0000',
      expected: '2001:db8::',
    },
    {
      name: 'first of two equal runs',
      input: 'fe80 0000 0000 0000 0001 0000 0000 0001',
      expected: 'fe80::1:0:0:1',
    },
    {
      name: 'longest run wins',
      input: '0001 0000 0000 0001 0000 0000 0000 0001',
      expected: '1:0:0:1::1',
    },
    {
      name: 'single zero group not compressed',
      input: '2001 0db8 0000 0001 0001 0001 0001 0001',
      expected: '2001:db8:0:1:1:1:1:1',
    },
    {
      name: 'no zero groups, lowercase',
      input: 'ABCD EF01 2345 6789 ABCD EF01 2345 6789',
      expected: 'abcd:ef01:2345:6789:abcd:ef01:2345:6789',
    },
    {
      name: 'leading zeros dropped',
      input: '2001 0db8 00aa 0000 0000 0000 0bb0 0001',
      expected: '2001:db8:aa::bb0:1',
    },
    {
      name: 'IPv4-mapped',
      input: '0000 0000 0000 0000 0000 ffff 0a00 0001',
      expected: '::ffff:10.0.0.1',
    },
    {
      name: 'IPv4-compatible',
      input: '0000 0000 0000 0000 0000 0000 0a00 0001',
      expected: '::10.0.0.1',
    },
    {
      name: 'two low groups stay hex',
      input: '0000 0000 0000 0000 0000 0000 0000 0002',
      expected: '::2',
    },
    {
      name: 'ffff not in word 5',
      input: '0000 0000 0000 0000 ffff 0000 0a00 0001',
      expected: '::ffff:0:a00:1',
    },
    {
      name: 'link-local',
      input: 'fe80 0000 0000 0000 0001 0000 0000 0001',
      expected: 'fe80::1:0:0:1',
    },
  ];
  it.each(cases)('$name → $expected', ({ input, expected }) => {
    expect(formatIpv6(hex(input), 0)).toBe(expected);
  });

  it('reads at an offset', () => {
    expect(formatIpv6(hex('ff ff 2001 0db8 0000 0000 0000 0000 0000 0001'), 2)).toBe('2001:db8::1');
  });
});

describe('formatIpv4', () => {
  it('writes a dotted quad at an offset', () => {
    expect(formatIpv4(hex('00 c0 a8 00 ff'), 1)).toBe('192.168.0.255');
  });

  it('gives each address its own text through more addresses than it remembers', () => {
    const bytes = new Uint8Array(4);
    const view = new DataView(bytes.buffer);
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < 10_000; i++) {
        const value = (i * 2_654_435_761) >>> 0;
        view.setUint32(0, value);
        expect(formatIpv4(bytes, 0)).toBe(
          `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`,
        );
      }
  });
});
