import { describe, expect, it } from 'vitest';
import { passesFlagFilter, type FlagFilter } from './flag-filter.ts';
import { LIVE_SESSION } from './testdata/live-session.ts';
import { tcp } from './testdata/records.ts';

const dupAck = tcp(99, ['ACK'], {
  analysis: { stream: 0, from: 'client', analysis: ['duplicate_ack'], dupAckNum: 1 },
});

describe('passesFlagFilter', () => {
  const cases: { name: string; filter: FlagFilter; expected: number[] }[] = [
    { name: 'SYN: the handshake’s two SYNs', filter: 'SYN', expected: [9, 10] },
    { name: 'FIN: both FINs', filter: 'FIN', expected: [21, 27] },
    { name: 'RST: none in a clean exchange', filter: 'RST', expected: [] },
    { name: 'data: TCP payload and UDP datagrams', filter: 'data', expected: [14, 19, 33, 34, 38] },
    { name: 'analysis: only the flagged packet', filter: 'analysis', expected: [99] },
  ];
  it.each(cases)('$name', ({ filter, expected }) => {
    const got = [...LIVE_SESSION, dupAck]
      .filter((r) => passesFlagFilter(r, filter))
      .map((r) => r.recNo);
    expect(got).toEqual(expected);
  });

  it('all lets every record through, steps included', () => {
    expect(LIVE_SESSION.every((r) => passesFlagFilter(r, 'all'))).toBe(true);
  });
});
