import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvField } from './csv-line.ts';
import { STEPS_CSV_COLUMNS, stepsCsv } from './steps-csv.ts';
import { echoSession } from './testdata/echo-session.ts';

const csvOf = (message: string) => {
  const s = echoSession(message);
  return { s, text: [...stepsCsv(s.records, s.startTime)].join('') };
};

describe('stepsCsv', () => {
  it('is read back by csv-parse with one row per record and the table columns', () => {
    const { s, text } = csvOf('hello');
    const rows: string[][] = parse(text, { relax_column_count: false });
    expect(rows[0]).toEqual([...STEPS_CSV_COLUMNS]);
    expect(rows).toHaveLength(s.records.length + 1);
    const byNo = new Map(rows.slice(1).map((r) => [Number(r[0]), r]));
    const syn = s.records.find((r) => r.type === 'packet' && r.tcp?.flags.join() === 'SYN')!;
    const synRow = byNo.get(syn.recNo)!;
    expect(synRow.slice(3, 10)).toEqual(['→', 'SYN', '0', '', '1', '0', '65495']);
    expect(synRow.slice(10, 13)).toEqual(['SYN_SENT', 'SYN_RECEIVED', 'setup']);
    expect(synRow[14]).toMatch(/^Seq=0 Win=65495 Len=0 MSS=65495/);
    const write = s.records.find((r) => r.type === 'step' && r.kind === 'write')!;
    expect(byNo.get(write.recNo)!.slice(3, 5)).toEqual(['client', 'write']);
    expect(byNo.get(write.recNo)![14]).toBe('hello');
    // Time is seconds from the session's start; the first row has no Δt.
    expect(rows[1]![1]).toBe('0');
    expect(rows[1]![2]).toBe('');
    expect(Number(rows[2]![1])).toBeCloseTo((s.records[1]!.time - s.startTime) / 1e6, 6);
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says, ending lines in CRLF', () => {
    const hostile = 'a,"b"\r\nc';
    const { text } = csvOf(hostile);
    expect(text).toContain(`"a,""b""\r\nc"`);
    expect(text.split('\r\n')[0]).toBe(STEPS_CSV_COLUMNS.join(','));
    const rows: string[][] = parse(text);
    expect(rows.filter((r) => r[14] === hostile)).toHaveLength(2); // the write and the read
  });

  it('keeps spreadsheet formulas from running', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-1)).toBe('-1');
    expect(csvField(undefined)).toBe('');
  });
});
