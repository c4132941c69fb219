import { describe, expect, it } from 'vitest';
import { packetLabel, packetLine, stepLine, textLadder } from './text-ladder.ts';
import { CONV, pkt, step, timeline } from './testdata/timeline-builders.ts';

const T0 = 1_000_000;

describe('text ladder lines', () => {
  const cases = [
    {
      name: 'a client step sits left of the client lifeline',
      input: stepLine({ ...step('client', 'write', { bytes: 13 }), time: T0 + 1500 }, T0),
      expected: /^ {1}0\.001500 +write 13 B \| {46}\|$/,
    },
    {
      name: 'a server step sits right of the server lifeline',
      input: stepLine({ ...step('server', 'accept'), time: T0 }, T0),
      expected: /^ 0\.000000 {25}\| {46}\| accept$/,
    },
    {
      name: 'an error step shows its code',
      input: stepLine({ ...step('client', 'error', { code: 'ECONNREFUSED' }), time: T0 }, T0),
      expected: /error ECONNREFUSED \|/,
    },
    {
      name: 'a client packet points right, with states',
      input: packetLine(
        {
          ...pkt('client', 'SYN'),
          time: T0,
          analysis: {
            stream: 0,
            from: 'client',
            seq: 0,
            win: 65495,
            states: { client: 'SYN_SENT', server: 'SYN_RECEIVED' },
          },
        },
        T0,
      ),
      expected: /\|-- SYN seq=0 len=0 win=65495 -+>\| {2}SYN_SENT \| SYN_RECEIVED$/,
    },
    {
      name: 'a server packet points left, with its analysis flags',
      input: packetLine(
        { ...pkt('server', 'ACK', 0, { analysis: ['zero_window'] }), time: T0 },
        T0,
      ),
      expected: /\|<-+ ACK seq=1 ack=1 len=0 win=65535 --\| {2}\[zero_window\]$/,
    },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(input).toMatch(expected);
  });

  it.each([
    {
      name: 'TCP',
      input: pkt('client', 'PSH,ACK', 13),
      expected: 'PSH,ACK seq=1 ack=1 len=13 win=65535',
    },
    { name: 'TCP without ACK', input: pkt('client', 'SYN'), expected: 'SYN seq=1 len=0 win=65535' },
    {
      name: 'ICMP',
      input: { ...pkt('server', 'ACK'), tcp: undefined, proto: 'ICMP', icmp: { type: 3, code: 3 } },
      expected: 'ICMP 3/3',
    },
  ])('labels $name', ({ input, expected }) => {
    expect(packetLabel(input)).toBe(expected);
  });
});

describe('textLadder', () => {
  it('orders steps and packets by time under a header naming both ends', () => {
    const text = textLadder(
      timeline([step('client', 'connect'), step('server', 'accept')], [pkt('client', 'SYN')]),
    );
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/time s +client 127\.0\.0\.1:50000 \|.*\| server 127\.0\.0\.1:23333$/);
    expect(lines.slice(1).map((l) => l.match(/connect|accept|SYN/)?.[0])).toEqual([
      'connect',
      'accept',
      'SYN',
    ]);
  });

  it('draws one ladder per conversation when there are several', () => {
    const other = 'tcp 127.0.0.1:50001 > 127.0.0.1:23333';
    const text = textLadder(
      timeline(
        [step('client', 'connect'), { ...step('client', 'connect'), conv: other }],
        [],
        false,
        [CONV, other],
      ),
    );
    expect(text).toContain(`conversation 1: ${CONV}`);
    expect(text).toContain(`conversation 2: ${other}`);
    expect(text.match(/connect/g)).toHaveLength(2);
  });

  it('says so when nothing was seen', () => {
    expect(textLadder(timeline([], [], false))).toBe('(nothing was seen)\n');
  });
});
