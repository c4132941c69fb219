import { describe, it, expect } from 'vitest';
import type { Side } from '../types.ts';
import type { TcpFlag } from '../decode/decoded-packet.ts';
import type { TcpState } from './packet-analysis.ts';
import {
  initialTcpStates,
  nextTcpStates,
  timeWaitLeft,
  TIME_WAIT_US,
  type TcpConnState,
} from './tcp-state.ts';

type Step = [
  from: Side,
  flags: TcpFlag[],
  seq: number,
  ack: number,
  len: number,
  client: TcpState,
  server: TcpState,
];

// Client ISN 100, server ISN 500 throughout.
const cases: { name: string; syn: boolean; steps: Step[] }[] = [
  {
    name: 'server closes first',
    syn: true,
    steps: [
      ['client', ['SYN'], 100, 0, 0, 'SYN_SENT', 'SYN_RECEIVED'],
      ['server', ['SYN', 'ACK'], 500, 101, 0, 'ESTABLISHED', 'SYN_RECEIVED'],
      ['client', ['ACK'], 101, 501, 0, 'ESTABLISHED', 'ESTABLISHED'],
      ['client', ['PSH', 'ACK'], 101, 501, 5, 'ESTABLISHED', 'ESTABLISHED'],
      ['server', ['ACK'], 501, 106, 0, 'ESTABLISHED', 'ESTABLISHED'],
      ['server', ['PSH', 'ACK'], 501, 106, 5, 'ESTABLISHED', 'ESTABLISHED'],
      ['client', ['ACK'], 106, 506, 0, 'ESTABLISHED', 'ESTABLISHED'],
      ['server', ['FIN', 'ACK'], 506, 106, 0, 'CLOSE_WAIT', 'FIN_WAIT_1'],
      ['client', ['FIN', 'ACK'], 106, 507, 0, 'LAST_ACK', 'TIME_WAIT'],
      ['server', ['ACK'], 507, 107, 0, 'CLOSED', 'TIME_WAIT'],
    ],
  },
  {
    name: 'client closes first, FIN_WAIT_2 on a pure ACK of the FIN',
    syn: true,
    steps: [
      ['client', ['SYN'], 100, 0, 0, 'SYN_SENT', 'SYN_RECEIVED'],
      ['server', ['SYN', 'ACK'], 500, 101, 0, 'ESTABLISHED', 'SYN_RECEIVED'],
      ['client', ['ACK'], 101, 501, 0, 'ESTABLISHED', 'ESTABLISHED'],
      ['client', ['FIN', 'ACK'], 101, 501, 0, 'FIN_WAIT_1', 'CLOSE_WAIT'],
      ['server', ['ACK'], 501, 102, 0, 'FIN_WAIT_2', 'CLOSE_WAIT'],
      ['server', ['PSH', 'ACK'], 501, 102, 3, 'FIN_WAIT_2', 'CLOSE_WAIT'],
      ['server', ['FIN', 'ACK'], 504, 102, 0, 'TIME_WAIT', 'LAST_ACK'],
      ['client', ['ACK'], 102, 505, 0, 'TIME_WAIT', 'CLOSED'],
    ],
  },
  {
    // Row 1 before hindsight: the analyzer corrects it once the second SYN shows the crossing.
    name: 'simultaneous open: crossing SYNs, then each side’s SYN,ACK (RFC 9293 Figure 8)',
    syn: true,
    steps: [
      ['client', ['SYN'], 100, 0, 0, 'SYN_SENT', 'SYN_RECEIVED'],
      ['server', ['SYN'], 500, 0, 0, 'SYN_RECEIVED', 'SYN_RECEIVED'],
      ['client', ['SYN', 'ACK'], 100, 501, 0, 'SYN_RECEIVED', 'ESTABLISHED'],
      ['server', ['SYN', 'ACK'], 500, 101, 0, 'ESTABLISHED', 'ESTABLISHED'],
    ],
  },
  {
    name: 'an ACK below the FIN does not move FIN_WAIT_1',
    syn: false,
    steps: [
      ['client', ['PSH', 'ACK'], 100, 500, 10, 'ESTABLISHED', 'ESTABLISHED'],
      ['client', ['FIN', 'ACK'], 110, 500, 0, 'FIN_WAIT_1', 'CLOSE_WAIT'],
      ['server', ['ACK'], 500, 110, 0, 'FIN_WAIT_1', 'CLOSE_WAIT'],
      ['server', ['ACK'], 500, 111, 0, 'FIN_WAIT_2', 'CLOSE_WAIT'],
    ],
  },
  {
    name: 'simultaneous close',
    syn: false,
    steps: [
      ['client', ['ACK'], 100, 500, 0, 'ESTABLISHED', 'ESTABLISHED'],
      ['client', ['FIN', 'ACK'], 100, 500, 0, 'FIN_WAIT_1', 'CLOSE_WAIT'],
      ['server', ['FIN', 'ACK'], 500, 100, 0, 'CLOSING', 'CLOSING'],
      ['client', ['ACK'], 101, 501, 0, 'CLOSING', 'TIME_WAIT'],
      ['server', ['ACK'], 501, 101, 0, 'TIME_WAIT', 'TIME_WAIT'],
    ],
  },
  {
    name: 'RST in the middle closes both sides',
    syn: true,
    steps: [
      ['client', ['SYN'], 100, 0, 0, 'SYN_SENT', 'SYN_RECEIVED'],
      ['server', ['SYN', 'ACK'], 500, 101, 0, 'ESTABLISHED', 'SYN_RECEIVED'],
      ['client', ['ACK'], 101, 501, 0, 'ESTABLISHED', 'ESTABLISHED'],
      ['server', ['RST', 'ACK'], 501, 101, 0, 'CLOSED', 'CLOSED'],
    ],
  },
  {
    name: 'refused connection: SYN then RST,ACK',
    syn: true,
    steps: [
      ['client', ['SYN'], 100, 0, 0, 'SYN_SENT', 'SYN_RECEIVED'],
      ['server', ['RST', 'ACK'], 0, 101, 0, 'CLOSED', 'CLOSED'],
    ],
  },
  {
    name: 'mid-connection capture: unknown until a FIN',
    syn: false,
    steps: [
      ['server', ['FIN', 'ACK'], 500, 100, 0, 'CLOSE_WAIT', 'FIN_WAIT_1'],
      ['client', ['ACK'], 100, 501, 0, 'CLOSE_WAIT', 'FIN_WAIT_2'],
    ],
  },
  {
    name: 'mid-connection capture: a FIN without ACK from an unknown side',
    syn: false,
    steps: [['client', ['FIN'], 100, 0, 0, 'FIN_WAIT_1', 'CLOSE_WAIT']],
  },
  {
    name: 'SYN,ACK seen without the SYN',
    syn: false,
    steps: [
      ['server', ['SYN', 'ACK'], 500, 101, 0, 'ESTABLISHED', 'SYN_RECEIVED'],
      ['client', ['ACK'], 101, 501, 0, 'ESTABLISHED', 'ESTABLISHED'],
    ],
  },
];

describe('nextTcpStates', () => {
  for (const { name, syn, steps } of cases) {
    it(name, () => {
      let states: TcpConnState = initialTcpStates(syn);
      const got: [TcpState, TcpState][] = [];
      for (const [from, flags, seq, ack, len] of steps) {
        states = nextTcpStates(states, { flags, seq, ack, len }, from).states;
        got.push([states.client, states.server]);
      }
      expect(got).toEqual(steps.map((s) => [s[5], s[6]]));
    });
  }

  it('starts LISTEN / CLOSED when the SYN is seen, UNKNOWN otherwise', () => {
    expect(initialTcpStates(true)).toEqual({ client: 'CLOSED', server: 'LISTEN' });
    expect(initialTcpStates(false)).toEqual({ client: 'UNKNOWN', server: 'UNKNOWN' });
  });

  it('notes a FIN being acknowledged and a reset', () => {
    const s1 = nextTcpStates(
      initialTcpStates(false),
      { flags: ['FIN', 'ACK'], seq: 10, ack: 5, len: 0 },
      'client',
    );
    expect(s1.notes).toEqual(['inferred']);
    const s2 = nextTcpStates(s1.states, { flags: ['ACK'], seq: 5, ack: 11, len: 0 }, 'server');
    expect(s2.notes).toEqual(['fin-acked']);
    expect(
      nextTcpStates(s2.states, { flags: ['RST'], seq: 5, ack: 0, len: 0 }, 'server').notes,
    ).toEqual(['reset']);
  });

  it('acknowledges a FIN across the 2^32 wrap', () => {
    const s1 = nextTcpStates(
      initialTcpStates(false),
      { flags: ['FIN', 'ACK'], seq: 0xffffffff, ack: 5, len: 0 },
      'client',
    );
    const s2 = nextTcpStates(s1.states, { flags: ['ACK'], seq: 5, ack: 0, len: 0 }, 'server');
    expect(s2.states.client).toBe('FIN_WAIT_2');
  });
});

describe('timeWaitLeft', () => {
  const table = [
    { name: 'just entered', since: 1_000, now: 1_000, expected: TIME_WAIT_US },
    { name: 'half way', since: 0, now: 30_000_000, expected: 30_000_000 },
    { name: 'over', since: 0, now: 61_000_000, expected: 0 },
  ];
  for (const { name, since, now, expected } of table) {
    it(name, () => expect(timeWaitLeft(since, now)).toBe(expected));
  }
  it('is 2×MSL = 60 s', () => expect(TIME_WAIT_US).toBe(60_000_000));
});

describe('states objects', () => {
  const seg = (flags: TcpFlag[], seq: number, ack: number) => ({ flags, seq, ack, len: 0 });

  it('before any FIN, connections in the same states share one unchanging object', () => {
    const a = nextTcpStates(initialTcpStates(true), seg(['SYN'], 100, 0), 'client').states;
    const b = nextTcpStates(initialTcpStates(true), seg(['SYN'], 900, 0), 'client').states;
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a).toEqual({ client: 'SYN_SENT', server: 'SYN_RECEIVED' });
  });

  it('after FINs, each connection keeps its own values for both ends', () => {
    const open: TcpConnState = { client: 'ESTABLISHED', server: 'ESTABLISHED' };
    const one = nextTcpStates(open, seg(['FIN', 'ACK'], 106, 506), 'server').states;
    const two = nextTcpStates(one, seg(['FIN', 'ACK'], 506, 107), 'client').states;
    const other = nextTcpStates(open, seg(['FIN', 'ACK'], 206, 606), 'server').states;
    expect(one.finAck).toEqual({ server: 107 });
    expect(two.finAck).toEqual({ client: 507, server: 107 });
    expect(other.finAck).toEqual({ server: 207 });
    expect(two.server).toBe('TIME_WAIT');
  });
});
