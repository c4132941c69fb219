import { describe, expect, it } from 'vitest';
import { packBatch } from './pack-batch.ts';
import { echoSession } from './export/testdata/echo-session.ts';
import { SummaryTracker } from './analysis/summary-tracker.ts';
import type { SessionRecord } from './records.ts';
import { roundTrip, udpStep } from './testdata/batches.ts';

describe('packBatch', () => {
  const echo = echoSession();
  const tracker = new SummaryTracker();
  for (const r of echo.records) tracker.add(r);
  const cases: { name: string; records: SessionRecord[] }[] = [
    { name: 'nothing', records: [] },
    { name: 'the classic echo, packets with analysis and steps', records: echo.records },
    {
      name: 'UDP steps, record numbers with a gap, times going back',
      records: [
        udpStep(7, 1_700_000_000_000_123),
        udpStep(8, 1_700_000_000_000_100),
        udpStep(12, 1_700_000_000_500_000, ''),
      ],
    },
    {
      name: 'a step with null, an error code, no preview',
      records: [
        {
          type: 'step',
          kind: 'error',
          time: 5,
          side: 'server',
          transport: 'udp',
          local: { address: '::1', port: 1 },
          remote: null,
          conv: '',
          bytes: 0,
          code: 'EIO',
          message: 'it broke',
          recNo: 1,
        },
      ],
    },
  ];
  for (const c of cases)
    it(`gives back equal records and summaries, keys in order: ${c.name}`, () => {
      const summaries = tracker.all();
      const back = roundTrip(packBatch(c.records, summaries));
      expect(JSON.stringify(back.records)).toBe(JSON.stringify(c.records));
      expect(JSON.stringify(back.summaries)).toBe(JSON.stringify(summaries));
    });

  it('keeps times that are not whole microseconds exactly (sent as they are)', () => {
    const records = [udpStep(1, 1_700_000_000_000_000.5), udpStep(2, 1_700_000_000_000_001.25)];
    const packed = packBatch(records, []);
    expect(packed.timeAbsolute).toBe(true);
    expect(roundTrip(packed).records.map((r) => r.time)).toEqual(records.map((r) => r.time));
  });

  it('leaves out undefined fields as JSON does', () => {
    const r = { ...udpStep(1, 10), code: undefined } as SessionRecord;
    expect(roundTrip(packBatch([r], [])).records[0]).not.toHaveProperty('code');
  });

  it('sends a tick of UDP steps in under an eighth of their JSON', () => {
    const records = Array.from({ length: 80 }, (_, i) => udpStep(1000 + i, 1.7e15 + i * 200));
    const packed = JSON.stringify(packBatch(records, [])).length;
    expect(packed).toBeLessThan(JSON.stringify(records).length / 8);
  });
});
