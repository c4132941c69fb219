import { describe, expect, it } from 'vitest';
import { Encoder, PacketType } from 'socket.io-parser';
import { countRecords } from './fanout-parser.ts';
import { packBatch } from '../core/pack-batch.ts';
import type { SessionRecord } from '../core/records.ts';

/** The text socket.io sends for an event, as the hub's emit encodes it. */
function wire(event: string, payload: unknown): string {
  const [text] = new Encoder().encode({ type: PacketType.EVENT, nsp: '/', data: [event, payload] });
  return text as string;
}

const step = (recNo: number, time: number, text: string) =>
  ({
    type: 'step',
    time,
    kind: 'udp-recv',
    side: 'server',
    transport: 'udp',
    local: { address: '127.0.0.1', port: 1 },
    remote: null,
    conv: '',
    bytes: 0,
    preview: { text, hex: '' },
    recNo,
  }) satisfies SessionRecord;

describe('countRecords', () => {
  it('reads each record number and time of a packed records batch', () => {
    const records = [
      step(7, 1_795_862_316_923_287, 'a "time":[5] b'),
      step(8, 1_795_862_316_923_200, 'x'),
    ];
    const summaries = [{ firstTime: 1, lastTime: 2, lastRecNo: 8, time: 3, recNo: 9 }];
    const batch = { session: 'live', packed: packBatch(records, summaries as never) };
    expect(countRecords(wire('records', batch))).toEqual({
      session: 'live',
      recNos: [7, 8],
      times: [1_795_862_316_923_287, 1_795_862_316_923_200],
    });
  });

  it('reads times sent as they are (not whole microseconds)', () => {
    const records = [step(1, 10.5, ''), step(2, 12.25, '')];
    const batch = { session: 's', packed: packBatch(records, []) };
    expect(countRecords(wire('records', batch))).toEqual({
      session: 's',
      recNos: [1, 2],
      times: [10.5, 12.25],
    });
  });

  it('unpacks a batch whose columns are not at its head, and leaves other events alone', () => {
    const { recNo, ...rest } = packBatch([step(3, 30, '')], []);
    const reordered = { session: 'live', packed: { ...rest, recNo } };
    expect(countRecords(wire('records', reordered))).toEqual({
      session: 'live',
      recNos: [3],
      times: [30],
    });
    expect(countRecords(wire('hello', { session: 'live' }))).toBeNull();
  });
});
