import { describe, expect, it } from 'vitest';
import type { RosterRow } from '../../../core/class/roster.ts';
import { addressColour, rosterRows, type RosterQuery } from './roster-view.ts';

function row(order: number, address: string, more: Partial<RosterRow> = {}): RosterRow {
  return {
    key: `outside ${address}`,
    address,
    origin: 'outside',
    order,
    conversations: 1,
    open: 0,
    failed: 0,
    firstTime: order * 1000,
    lastTime: order * 1000,
    bytesC2S: 0,
    bytesS2C: 0,
    endings: {},
    errors: [],
    recent: [],
    ...more,
  };
}

const ROWS = [
  row(1, '10.0.0.10', { conversations: 3, lastTime: 9000, bytesC2S: 5 }),
  row(2, '10.0.0.9', { failed: 2, errors: ['ECONNRESET'], bytesS2C: 50 }),
  row(3, '127.0.0.1', { origin: 'builtin', key: 'builtin 127.0.0.1', conversations: 7 }),
  row(4, '::1', { lastTime: 2500 }),
];
const ALL: RosterQuery = { filter: '', own: true, sort: 'order', desc: false };
const addresses = (q: Partial<RosterQuery>) =>
  rosterRows(ROWS, { ...ALL, ...q }).map((r) => r.address);

describe('rosterRows', () => {
  const cases: { name: string; q: Partial<RosterQuery>; expected: string[] }[] = [
    {
      name: 'in order of appearance',
      q: {},
      expected: ['10.0.0.10', '10.0.0.9', '127.0.0.1', '::1'],
    },
    {
      name: 'without our own clients',
      q: { own: false },
      expected: ['10.0.0.10', '10.0.0.9', '::1'],
    },
    {
      name: 'IPv4 by number, others after',
      q: { sort: 'address' },
      expected: ['10.0.0.9', '10.0.0.10', '127.0.0.1', '::1'],
    },
    {
      name: 'most conversations first',
      q: { sort: 'conversations', desc: true },
      expected: ['127.0.0.1', '10.0.0.10', '10.0.0.9', '::1'],
    },
    {
      name: 'latest activity first',
      q: { sort: 'last', desc: true },
      expected: ['10.0.0.10', '127.0.0.1', '::1', '10.0.0.9'],
    },
    {
      name: 'most bytes first, ties by appearance',
      q: { sort: 'bytes', desc: true },
      expected: ['10.0.0.9', '10.0.0.10', '127.0.0.1', '::1'],
    },
    {
      name: 'errors first',
      q: { sort: 'failed', desc: true },
      expected: ['10.0.0.9', '10.0.0.10', '127.0.0.1', '::1'],
    },
    { name: 'filtered by address', q: { filter: ' 10.0.0 ' }, expected: ['10.0.0.10', '10.0.0.9'] },
    {
      name: 'filtered by error code, any case',
      q: { filter: 'econnreset' },
      expected: ['10.0.0.9'],
    },
  ];
  it.each(cases)('$name', ({ q, expected }) => expect(addresses(q)).toEqual(expected));

  it('leaves the rows given as they were', () => {
    rosterRows(ROWS, { ...ALL, sort: 'address', desc: true });
    expect(ROWS.map((r) => r.order)).toEqual([1, 2, 3, 4]);
  });
});

describe('addressColour', () => {
  it('is the same for an address and differs between neighbours', () => {
    expect(addressColour('127.0.0.2')).toBe(addressColour('127.0.0.2'));
    expect(addressColour('127.0.0.2')).not.toBe(addressColour('127.0.0.3'));
    expect(addressColour('127.0.0.2')).toMatch(/^hsl\(\d+ 65% 42%\)$/);
  });
});
