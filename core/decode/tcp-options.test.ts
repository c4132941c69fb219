import { describe, it, expect } from 'vitest';
import { parseTcpOptions } from './tcp-options.ts';
import { hex } from './testdata/hex.ts';

const FIXED = '00'.repeat(20); // the fixed TCP header, contents irrelevant here

/** Parses `options` as the option space of a TCP header, captured up to `captured` option bytes. */
function parse(options: string, captured?: number) {
  const d = hex(FIXED + options);
  return parseTcpOptions(d, 0, 20, d.length, captured === undefined ? d.length : 20 + captured);
}

describe('parseTcpOptions', () => {
  const cases = [
    {
      name: 'SACK blocks as raw [left, right] pairs',
      input: '01 01 05 12 00 00 00 01 00 00 00 10 00 00 00 20 00 00 00 30', // NOP NOP SACK(2 blocks)
      expected: {
        options: {
          sack: [
            [1, 16],
            [32, 48],
          ],
        },
      },
    },
    {
      name: 'unknown option skipped by its length',
      input: '1e 04 aa bb 02 04 05 b4', // kind 30 (MPTCP) len 4, MSS 1460
      expected: { options: { mss: 1460 } },
    },
    {
      name: 'end of option list stops parsing',
      input: '00 00 02 04 05 b4',
      expected: { options: {} },
    },
    { name: 'window scale', input: '03 03 0e 00', expected: { options: { wscale: 14 } } },
    {
      name: 'length 0',
      input: '02 04 05 b4 1e 00 00 00',
      expected: { options: { mss: 1460 }, malformed: 'bad TCP option length at byte 24' },
    },
    {
      name: 'length 1',
      input: '08 01 00 00',
      expected: { options: {}, malformed: 'bad TCP option length at byte 20' },
    },
    {
      name: 'MSS with length 3',
      input: '02 03 05 00',
      expected: { options: {}, malformed: 'bad TCP option length at byte 20' },
    },
    {
      name: 'SACK with a partial block',
      input: '05 0e 00 00 00 01 00 00 00 10 00 00 00 20 00 00',
      expected: { options: {}, malformed: 'bad TCP option length at byte 20' },
    },
    {
      name: 'option runs past the header',
      input: '01 01 01 01 08 0a 00 00',
      expected: { options: {}, malformed: 'bad TCP option length at byte 24' },
    },
    {
      name: 'kind in the last header byte',
      input: '01 01 01 02',
      expected: { options: {}, malformed: 'bad TCP option length at byte 23' },
    },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(parse(input)).toEqual(expected);
  });

  it('stops quietly where the capture ends, keeping what came before', () => {
    const options = '02 04 05 b4 04 02 08 0a 00 01 e2 40 00 00 00 00';
    expect(parse(options, 8)).toEqual({
      options: { mss: 1460, sackPermitted: true },
      truncated: true,
    });
    expect(parse(options, 7)).toEqual({
      options: { mss: 1460, sackPermitted: true },
      truncated: true,
    });
    expect(parse(options, 5)).toEqual({ options: { mss: 1460 }, truncated: true });
  });
});
