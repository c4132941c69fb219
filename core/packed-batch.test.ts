import { describe, expect, it } from 'vitest';
import { packBatch, unpackBatch, type PackedBatch } from './packed-batch.ts';
import { echoSession } from './export/testdata/echo-session.ts';
import { SummaryTracker } from './analysis/summary-tracker.ts';
import type { SessionRecord, SocketStep } from './records.ts';

const udpStep = (recNo: number, time: number, text = 'fan-out'): SessionRecord =>
  ({
    type: 'step',
    kind: recNo % 2 ? 'udp-recv' : 'udp-send',
    time,
    side: 'server',
    transport: 'udp',
    local: { address: '127.0.0.1', port: 23333 },
    remote: { address: '127.0.0.1', port: 40000 + (recNo % 3) },
    conv: 'udp 127.0.0.1:40000 > 127.0.0.1:23333',
    bytes: text.length,
    preview: { text, hex: Buffer.from(text).toString('hex') },
    recNo,
  }) satisfies SocketStep & { recNo: number };

/** Through the wire as socket.io sends it (JSON), and back. */
const roundTrip = (p: PackedBatch) => unpackBatch(JSON.parse(JSON.stringify(p)) as PackedBatch);

describe('packBatch / unpackBatch', () => {
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

  it('gives each record objects of its own, though they travel once', () => {
    const [a, b] = roundTrip(packBatch([udpStep(1, 10), udpStep(4, 20)], []))
      .records as SocketStep[];
    expect(a!.local).toEqual(b!.local);
    expect(a!.local).not.toBe(b!.local);
  });

  it('refuses a batch that is not laid out as packBatch makes them', () => {
    const good = packBatch([udpStep(1, 10)], []);
    const nested = packBatch([{ ...udpStep(1, 10), remote: { inner: { port: 1 } } } as never], []);
    const last = nested.objects.length - 1;
    const bad: PackedBatch[] = [
      { ...good, recNo: [] },
      { ...good, records: [[99]] },
      { ...good, strings: [] },
      { ...good, records: [[good.records[0]![0], 0]] },
      // An object naming itself (or one after it) would never end.
      { ...nested, objects: nested.objects.map((row, i) => (i === last ? [row[0], i] : row)) },
    ];
    for (const b of bad) expect(() => unpackBatch(b)).toThrow(/packed batch/);
  });
});
