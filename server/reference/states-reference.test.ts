/**
 * Per-side TCP states and phases on real loopback captures, against traces worked out by hand from
 * RFC 9293 §3.3.2 (the state of each side once the packet is sent and processed). Consecutive
 * packets with the same states are collapsed; an entry ending in '?' may or may not appear, as the
 * kernel may fold an ACK into the next segment.
 */
import { describe, expect, it } from 'vitest';
import type { PacketJson } from '../../core/report/packet-json.ts';
import { referenceRun } from './reference-run.ts';
import {
  bulkExchange,
  classicExchange,
  halfCloseExchange,
  ipv6Exchange,
  refusedExchange,
  resetExchange,
} from './tcp-exchanges.ts';
import { keepAliveExchange, slowReaderExchange } from './window-exchanges.ts';
import type { Exchange } from './tcp-exchanges.ts';

/** States after each packet as `client/server`, runs of equal ones collapsed. */
function stateTrace(json: PacketJson[]): string[] {
  const out: string[] = [];
  for (const p of json) {
    if (!p.states) continue;
    const s = `${p.states.client}/${p.states.server}`;
    if (out.at(-1) !== s) out.push(s);
  }
  return out;
}

function phaseTrace(json: PacketJson[]): string[] {
  const out: string[] = [];
  for (const p of json) if (p.phase && out.at(-1) !== p.phase) out.push(p.phase);
  return out;
}

/** The expected trace with the optional entries that did not occur removed, or the mismatch. */
function fit(actual: string[], expected: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  for (const e of expected) {
    const optional = e.endsWith('?');
    const want = optional ? e.slice(0, -1) : e;
    if (actual[i] === want) {
      out.push(want);
      i++;
    } else if (!optional) {
      out.push(want);
    }
  }
  return out;
}

const OPEN = ['SYN_SENT/SYN_RECEIVED', 'ESTABLISHED/SYN_RECEIVED', 'ESTABLISHED/ESTABLISHED'];
const SERVER_CLOSES_FIRST = [
  ...OPEN,
  'CLOSE_WAIT/FIN_WAIT_1',
  'CLOSE_WAIT/FIN_WAIT_2?', // the client's ACK of the FIN on its own
  'LAST_ACK/TIME_WAIT',
  'CLOSED/TIME_WAIT',
];
const CLIENT_CLOSES_FIRST = [
  ...OPEN,
  'FIN_WAIT_1/CLOSE_WAIT',
  'FIN_WAIT_2/CLOSE_WAIT?', // the server's ACK of the FIN on its own
  'TIME_WAIT/LAST_ACK',
  'TIME_WAIT/CLOSED',
];

const cases: {
  name: string;
  setup: () => Promise<Exchange>;
  states: string[];
  phases: string[];
}[] = [
  {
    name: 'classic (server closes first)',
    setup: classicExchange,
    states: SERVER_CLOSES_FIRST,
    phases: ['setup', 'data', 'close'],
  },
  {
    name: 'classic over ::1',
    setup: ipv6Exchange,
    states: SERVER_CLOSES_FIRST,
    phases: ['setup', 'data', 'close'],
  },
  {
    name: 'client closes first',
    setup: halfCloseExchange,
    states: CLIENT_CLOSES_FIRST,
    phases: ['setup', 'data', 'close'],
  },
  {
    name: 'refused',
    setup: refusedExchange,
    states: ['SYN_SENT/CLOSED', 'CLOSED/CLOSED'], // the RST corrects the SYN's row
    phases: ['setup', 'reset'],
  },
  {
    name: 'reset after data',
    setup: resetExchange,
    states: [...OPEN, 'CLOSED/CLOSED'],
    phases: ['setup', 'data', 'reset'],
  },
  {
    name: '1 MiB transfer',
    setup: () => bulkExchange(),
    states: CLIENT_CLOSES_FIRST,
    phases: ['setup', 'data', 'close'],
  },
  {
    name: 'slow reader (zero window)',
    setup: () => slowReaderExchange(800),
    states: CLIENT_CLOSES_FIRST,
    phases: ['setup', 'data', 'close'],
  },
  {
    name: 'keep-alive',
    setup: () => keepAliveExchange(2300),
    states: CLIENT_CLOSES_FIRST,
    phases: ['setup', 'data', 'close'],
  },
];

describe('TCP states and phases on real captures equal the hand-worked traces', () => {
  it.each(cases)('$name', async ({ setup, states, phases }) => {
    const { json } = await referenceRun(setup);
    const actual = stateTrace(json);
    expect(actual).toEqual(fit(actual, states));
    expect(phaseTrace(json)).toEqual(phases);
  });
});
