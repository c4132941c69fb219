import { describe, expect, it } from 'vitest';
import { Encoder, PacketType } from 'socket.io-parser';
import { countRecords } from './fanout-parser.ts';

/** The text socket.io sends for an event, as the hub's emit encodes it. */
function wire(event: string, payload: unknown): string {
  const [text] = new Encoder().encode({ type: PacketType.EVENT, nsp: '/', data: [event, payload] });
  return text as string;
}

const step = (recNo: number, time: number, text: string) => ({
  type: 'step',
  time,
  kind: 'udp-recv',
  preview: { text, hex: '' },
  recNo,
});

describe('countRecords', () => {
  it('reads each record number and time of a records batch, not the summaries', () => {
    const batch = {
      session: 'live',
      records: [
        step(7, 1_795_862_316_923_287, 'a "time":5 b'),
        step(8, 1_795_862_316_923_300, 'x'),
      ],
      summaries: [{ firstTime: 1, lastTime: 2, lastRecNo: 8, time: 3, recNo: 9 }],
    };
    expect(countRecords(wire('records', batch))).toEqual({
      session: 'live',
      recNos: [7, 8],
      times: [1_795_862_316_923_287, 1_795_862_316_923_300],
    });
  });

  it('leaves other events, and batches it cannot pair up, to the full parser', () => {
    expect(countRecords(wire('hello', { session: 'live' }))).toBeNull();
    const unpaired = { session: 'live', records: [{ recNo: 1 }], summaries: [] };
    expect(countRecords(wire('records', unpaired))).toBeNull();
  });
});
