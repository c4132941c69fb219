import { describe, expect, it } from 'vitest';
import { linkedTo, linksOf } from './record-links.ts';
import { analysisAttr, analysisTone } from './analysis-marker.ts';
import { LIVE_SESSION } from './testdata/live-session.ts';

const links = linksOf(LIVE_SESSION);

describe('linksOf', () => {
  const cases = [
    { name: 'the client’s connect ↔ its SYN', recNo: 12, expected: [9] },
    { name: 'the client’s write 13 B ↔ the PSH,ACK Len=13', recNo: 13, expected: [14] },
    { name: 'the PSH,ACK Len=13 ↔ the write and the server’s read', recNo: 14, expected: [13, 16] },
    { name: 'the server’s end ↔ its FIN', recNo: 18, expected: [21] },
    { name: 'UDP: the client’s send ↔ its datagram', recNo: 30, expected: [33] },
    {
      name: 'ICMP port unreachable ↔ the datagram it answers and the ECONNREFUSED',
      recNo: 39,
      expected: [38, 40],
    },
  ];
  it.each(cases)('$name', ({ recNo, expected }) => {
    expect([...linkedTo(links, [recNo])].sort((a, b) => a - b)).toEqual(expected);
  });

  it('selection and hover together, without the records themselves', () => {
    expect([...linkedTo(links, [13, null, 14])].sort((a, b) => a - b)).toEqual([16]);
  });
});

describe('analysis markers', () => {
  const cases = [
    { name: 'none', flags: [], expected: '' },
    { name: 'dup ACK is trouble', flags: ['duplicate_ack' as const], expected: 'bad' },
    { name: 'window update alone is not', flags: ['window_update' as const], expected: 'info' },
    {
      name: 'keep-alive with a retransmission is',
      flags: ['keep_alive' as const, 'retransmission' as const],
      expected: 'bad',
    },
  ];
  it.each(cases)('$name', ({ flags, expected }) => {
    expect(analysisTone(flags)).toBe(expected);
  });

  it('data-analysis lists the flag names', () => {
    const p = LIVE_SESSION.find((r) => r.recNo === 14)!;
    expect(analysisAttr(p)).toBeUndefined();
    if (p.type === 'packet') {
      const flagged = {
        ...p,
        analysis: { ...p.analysis!, analysis: ['retransmission' as const, 'window_full' as const] },
      };
      expect(analysisAttr(flagged)).toBe('retransmission window_full');
    }
  });
});
