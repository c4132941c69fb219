import { describe, expect, it } from 'vitest';
import { nextPacketAfter } from './quiz-next.ts';
import { step, tcp } from './testdata/records.ts';

const analysed = (r: ReturnType<typeof tcp>, from: 'client' | 'server') =>
  r.type === 'packet' ? { ...r, analysis: { stream: 0, from } } : r;

const rows = [
  step(1, { kind: 'connect' }),
  analysed(tcp(2, ['SYN']), 'client'),
  analysed(tcp(3, ['SYN', 'ACK'], {}, false), 'server'),
  step(4, { kind: 'accept', side: 'server' }),
  analysed(tcp(5, ['ACK']), 'client'),
  step(6, { kind: 'close' }),
];

const cases = [
  {
    name: 'after the connect call: the SYN',
    after: 1,
    expected: { from: 'client', flags: 'SYN', recNo: 2 },
  },
  {
    name: 'after the SYN: the SYN,ACK from the server',
    after: 2,
    expected: { from: 'server', flags: 'SYN,ACK', recNo: 3 },
  },
  {
    name: 'skips socket calls in between',
    after: 3,
    expected: { from: 'client', flags: 'ACK', recNo: 5 },
  },
  { name: 'nothing after the last packet', after: 5, expected: null },
  { name: 'a record not shown', after: 99, expected: null },
];

describe('nextPacketAfter', () => {
  for (const { name, after, expected } of cases) {
    it(name, () => expect(nextPacketAfter(rows, after)).toEqual(expected));
  }
});
