import { describe, expect, it } from 'vitest';
import { summarizePhases } from './phase-summary.ts';
import { LIVE_SESSION, TCP_CONV, UDP_CONV } from './testdata/live-session.ts';

describe('summarizePhases', () => {
  const cases = [
    {
      name: 'TCP echo: setup, data, close with packets and bytes each way',
      conv: TCP_CONV,
      expected: [
        { phase: 'setup', packets: 3, bytesC2S: 0, bytesS2C: 0 },
        { phase: 'data', packets: 4, bytesC2S: 13, bytesS2C: 44 },
        { phase: 'close', packets: 3, bytesC2S: 0, bytesS2C: 0 },
      ],
    },
    {
      name: 'UDP echo: one data phase',
      conv: UDP_CONV,
      expected: [{ phase: 'data', packets: 2, bytesC2S: 9, bytesS2C: 57 }],
    },
    { name: 'no packets: nothing', conv: 'tcp 1.2.3.4:1 > 1.2.3.4:2', expected: null },
  ];
  it.each(cases)('$name', ({ conv, expected }) => {
    const s = summarizePhases(LIVE_SESSION, conv);
    const got = s?.phases.map(({ phase, packets, bytesC2S, bytesS2C }) => ({
      phase,
      packets,
      bytesC2S,
      bytesS2C,
    }));
    expect(got ?? null).toEqual(expected);
  });

  it('TCP timings: handshake RTT and the server response time from the real packets', () => {
    const s = summarizePhases(LIVE_SESSION, TCP_CONV)!;
    // SYN 070389, ACK 070430 → 41 µs; request 079227, reply 082209 → 2982 µs.
    expect(s.handshakeRtt).toBe(41);
    expect(s.responseTime).toBe(2982);
    expect(s.phases[0]!.start).toBe(1795702663070389);
    expect(s.phases[2]!.end).toBe(1795702663085273);
  });
});
