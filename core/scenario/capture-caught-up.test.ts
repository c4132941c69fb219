import { describe, expect, it } from 'vitest';
import { captureCaughtUp, captureGaps } from './capture-caught-up.ts';
import {
  classicPackets,
  icmpUnreachable,
  pkt,
  step,
  steps,
  timeline,
} from './testdata/timeline-builders.ts';

const classicSteps = [
  ...steps('client', 'connect write read peer-end end close'),
  ...steps('server', 'accept read write end peer-end close'),
];
const udpSend = (side: 'client' | 'server') => ({
  ...step(side, 'udp-send'),
  transport: 'udp' as const,
});
const udpPkt = (side: 'client' | 'server') => ({
  ...pkt(side, 'ACK', 5),
  tcp: undefined,
  proto: 'UDP',
});

describe('captureCaughtUp', () => {
  const cases = [
    {
      name: 'classic, every packet in',
      input: timeline(classicSteps, classicPackets()),
      expected: true,
    },
    {
      name: 'classic without the last ACK',
      input: timeline(classicSteps, classicPackets().slice(0, -1)),
      expected: false,
    },
    {
      name: 'classic without the client FIN',
      input: timeline(classicSteps, classicPackets().slice(0, -2)),
      expected: false,
    },
    {
      name: 'reset: the RST is in',
      input: timeline(steps('client', 'connect reset close'), [
        pkt('client', 'SYN'),
        pkt('client', 'RST,ACK'),
      ]),
      expected: true,
    },
    {
      name: 'reset: no RST yet',
      input: timeline(steps('client', 'connect reset close'), [pkt('client', 'SYN')]),
      expected: false,
    },
    {
      name: 'refused: the RST,ACK is in',
      input: timeline(
        [step('client', 'error', { code: 'ECONNREFUSED' })],
        [pkt('client', 'SYN'), pkt('server', 'RST,ACK')],
      ),
      expected: true,
    },
    {
      name: 'udp: one datagram of two',
      input: timeline([udpSend('client'), udpSend('server')], [udpPkt('client')]),
      expected: false,
    },
    {
      name: 'udp unreachable with its ICMP error',
      input: timeline(
        [
          udpSend('client'),
          { ...step('client', 'error', { code: 'ECONNREFUSED' }), transport: 'udp' as const },
        ],
        [udpPkt('client'), icmpUnreachable()],
      ),
      expected: true,
    },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(captureCaughtUp(input)).toBe(expected);
  });
});

describe('captureGaps', () => {
  it.each([
    { name: 'complete', input: timeline(classicSteps, classicPackets()), expected: undefined },
    { name: 'capture off', input: timeline(classicSteps, [], false), expected: undefined },
    {
      name: 'a segment lost',
      input: timeline(classicSteps, [
        ...classicPackets(),
        pkt('client', 'ACK', 0, { analysis: ['lost_segment'] }),
      ]),
      expected: /missed segments before 1 packet/,
    },
    {
      name: 'tail missing',
      input: timeline(classicSteps, classicPackets().slice(0, 4)),
      expected: /missed the last packets/,
    },
  ])('$name', ({ input, expected }) => {
    const gaps = captureGaps(input);
    if (expected === undefined) expect(gaps).toBeUndefined();
    else expect(gaps).toMatch(expected);
  });
});
