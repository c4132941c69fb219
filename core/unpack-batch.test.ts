import { describe, expect, it } from 'vitest';
import { packBatch } from './pack-batch.ts';
import type { PackedBatch } from './packed-batch.ts';
import { unpackBatch } from './unpack-batch.ts';
import type { SocketStep } from './records.ts';
import { roundTrip, udpStep } from './testdata/batches.ts';

describe('unpackBatch', () => {
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
