import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../records.ts';
import type { Side, StepKind } from '../types.ts';
import { deriveStates } from './derived-states.ts';

const steps = (list: [Side, StepKind, string?][]): SessionRecord[] =>
  list.map(([side, kind, code], i) => ({
    type: 'step',
    kind,
    side,
    code,
    time: i,
    recNo: i + 1,
    transport: 'tcp',
    local: { address: '127.0.0.1', port: 1 },
    remote: null,
    conv: 'c',
    bytes: 0,
  }));

describe('deriveStates', () => {
  it.each([
    {
      name: 'server closes first (the classic exchange)',
      input: steps([
        ['client', 'connect'],
        ['server', 'accept'],
        ['client', 'write'],
        ['server', 'read'],
        ['server', 'write'],
        ['server', 'end'],
        ['client', 'read'],
        ['client', 'peer-end'],
        ['client', 'end'],
        ['client', 'close'],
        ['server', 'peer-end'],
        ['server', 'close'],
      ]),
      expected: [
        'ESTABLISHED/ESTABLISHED',
        'ESTABLISHED/ESTABLISHED',
        'ESTABLISHED/ESTABLISHED',
        'ESTABLISHED/ESTABLISHED',
        'ESTABLISHED/ESTABLISHED',
        'CLOSE_WAIT/FIN_WAIT_1',
        'CLOSE_WAIT/FIN_WAIT_1',
        'CLOSE_WAIT/FIN_WAIT_1',
        'LAST_ACK/FIN_WAIT_1',
        'CLOSED/FIN_WAIT_1',
        'CLOSED/TIME_WAIT',
        'CLOSED/TIME_WAIT',
      ],
    },
    {
      name: 'client closes first',
      input: steps([
        ['client', 'connect'],
        ['client', 'end'],
        ['server', 'peer-end'],
        ['server', 'end'],
        ['client', 'peer-end'],
      ]),
      expected: [
        'ESTABLISHED/ESTABLISHED',
        'FIN_WAIT_1/CLOSE_WAIT',
        'FIN_WAIT_1/CLOSE_WAIT',
        'FIN_WAIT_1/LAST_ACK',
        'TIME_WAIT/LAST_ACK',
      ],
    },
    {
      name: 'refused',
      input: steps([['client', 'error', 'ECONNREFUSED']]),
      // Nothing listens on a port that refuses: the server side was never in LISTEN.
      expected: ['CLOSED/CLOSED'],
    },
    {
      name: 'reset',
      input: steps([
        ['client', 'connect'],
        ['client', 'reset'],
        ['server', 'error', 'ECONNRESET'],
      ]),
      expected: ['ESTABLISHED/ESTABLISHED', 'CLOSED/CLOSED', 'CLOSED/CLOSED'],
    },
  ])('$name', ({ input, expected }) => {
    const got = [...deriveStates(input).values()].map((s) => `${s.client}/${s.server}`);
    expect(got).toEqual(expected);
  });
});
