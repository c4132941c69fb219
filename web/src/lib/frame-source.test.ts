import { describe, expect, it } from 'vitest';
import { bytesFromHex, localFrame, parseFrameBody } from './frame-source.ts';
import { tcp } from './testdata/records.ts';
import type { PacketRecord } from '../../../core/protocol.ts';

describe('parseFrameBody', () => {
  it.each([
    {
      name: 'a frame',
      status: 200,
      body: { linkType: 1, hex: '00ff' },
      expected: { linkType: 1, data: new Uint8Array([0, 255]) },
    },
    {
      name: 'the server’s error',
      status: 404,
      body: { error: 'Packet 9 is not held.' },
      expected: 'Packet 9 is not held.',
    },
    { name: 'no body', status: 500, body: null, expected: 'HTTP 500' },
    {
      name: 'not hex',
      status: 200,
      body: { linkType: 1, hex: 'zz' },
      expected: 'The server sent a frame that is not valid.',
    },
    {
      name: 'odd hex',
      status: 200,
      body: { linkType: 1, hex: 'abc' },
      expected: 'The server sent a frame that is not valid.',
    },
    {
      name: 'no link type',
      status: 200,
      body: { hex: '00' },
      expected: 'The server sent a frame that is not valid.',
    },
  ])('$name', ({ status, body, expected }) => {
    expect(parseFrameBody(status, body)).toEqual(expected);
  });
});

type Frame = Parameters<typeof localFrame>[0] extends { frame(i: number): infer F } ? F : never;
const store = (frames: Frame[]) => ({ length: frames.length, frame: (i: number) => frames[i]! });

describe('localFrame', () => {
  it('finds packet no in the kept frames, only when it is the same packet', () => {
    const p = tcp(2, ['SYN']) as PacketRecord;
    const frame = (time: number) => ({
      linkType: 1,
      time,
      data: new Uint8Array([1]),
      origlen: 1,
      caplen: 1,
      interfaceId: 0,
    });
    expect(localFrame(store([frame(0), frame(p.time)]), p)).toEqual({
      linkType: 1,
      data: new Uint8Array([1]),
    });
    expect(localFrame(store([frame(0), frame(p.time + 1)]), p)).toBeNull();
    expect(localFrame(store([]), p)).toBeNull();
    expect(bytesFromHex('0A0b')).toEqual(new Uint8Array([10, 11]));
  });
});
