import { describe, expect, it } from 'vitest';
import { tableRows, type TableOptions } from './table-row.ts';
import { derivedStatesOf } from './side-states.ts';
import { convRecords, TCP_CONV } from './testdata/live-session.ts';

const conv = convRecords(TCP_CONV);
const stepsOnly = conv.filter((r) => r.type === 'step');
const base: TableOptions = { client: null, mode: 'relative', derived: new Map(), filter: 'all' };

describe('tableRows', () => {
  it('captured: every record, packets with seq columns and the states after them', () => {
    const rows = tableRows(conv, conv, base);
    expect(rows).toHaveLength(conv.length);
    const syn = rows.find((r) => r.cells.step === 'SYN')!;
    expect(syn.states).toEqual({ client: 'SYN_SENT', server: 'SYN_RECEIVED', derived: false });
    expect(syn.nums).toMatchObject({ seq: 0, nextSeq: 1 });
    const last = rows.filter((r) => r.cells.isPacket).at(-1)!;
    expect(last.cells.side).toBe('←');
    expect(last.states).toEqual({ client: 'CLOSED', server: 'TIME_WAIT', derived: false });
    const write = rows.find((r) => r.cells.step === 'write')!;
    expect(write.nums).toBeNull();
    expect(write.states).toBeNull();
  });

  const filters = [
    { name: 'SYN filter', filter: 'SYN' as const, expected: ['SYN', 'SYN,ACK'] },
    { name: 'FIN filter', filter: 'FIN' as const, expected: ['FIN,ACK', 'FIN,ACK'] },
    { name: 'data filter', filter: 'data' as const, expected: ['PSH,ACK', 'PSH,ACK'] },
    { name: 'analysis filter', filter: 'analysis' as const, expected: [] },
  ];
  it.each(filters)('$name', ({ filter, expected }) => {
    expect(tableRows(conv, conv, { ...base, filter }).map((r) => r.cells.step)).toEqual(expected);
  });

  it('Δt counts from the previous row shown', () => {
    const rows = tableRows(conv, conv, { ...base, filter: 'SYN' });
    expect(rows.map((r) => r.delta)).toEqual([null, 22]);
  });

  it('capture off: socket steps carry derived states', () => {
    const rows = tableRows(stepsOnly, stepsOnly, { ...base, derived: derivedStatesOf(stepsOnly) });
    const connect = rows.find((r) => r.cells.step === 'connect')!;
    expect(connect.states).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED', derived: true });
  });

  it('absolute mode shows the raw numbers', () => {
    const rows = tableRows(conv, conv, { ...base, mode: 'absolute' });
    expect(rows.find((r) => r.cells.step === 'SYN')!.nums?.seq).toBe(1453405861);
  });
});
