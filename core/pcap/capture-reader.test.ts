import { describe, it, expect } from 'vitest';
import { CaptureReader } from './capture-reader.ts';
import { CaptureFormatError } from './capture-format-error.ts';
import { readCapture } from './read-capture.ts';
import { hex } from './testdata/hex.ts';
import * as pcap from './testdata/pcap-fixtures.ts';
import { pcapngObsoletePacket, pcapngTwoSections } from './testdata/pcapng-fixtures.ts';
import { summarize, type FrameSummary } from './testdata/summarize.ts';

const frame = (
  f: Partial<FrameSummary> & Pick<FrameSummary, 'linkType' | 'time' | 'data'>,
): FrameSummary => ({
  caplen: f.data.length / 2,
  origlen: f.data.length / 2,
  interfaceId: 0,
  ...f,
});

const cases: { name: string; input: Uint8Array; format: string; expected: FrameSummary[] }[] = [
  {
    name: 'pcap little-endian µs',
    input: pcap.pcapLeMicros,
    format: 'pcap',
    expected: [
      frame({ linkType: 1, time: 1700000000123456, data: 'deadbeef', origlen: 60 }),
      frame({ linkType: 1, time: 1700000001000000, data: '' }),
    ],
  },
  {
    name: 'pcap big-endian ns',
    input: pcap.pcapBeNanos,
    format: 'pcap',
    expected: [frame({ linkType: 101, time: 1700000000123456, data: 'cafe' })],
  },
  {
    name: 'pcap little-endian ns, FCS bits masked off the link type',
    input: pcap.pcapLeNanosFcs,
    format: 'pcap',
    expected: [frame({ linkType: 1, time: 0, data: 'aa' })],
  },
  {
    name: 'pcap big-endian µs',
    input: pcap.pcapBeMicros,
    format: 'pcap',
    expected: [frame({ linkType: 113, time: 1000002, data: 'bb', origlen: 5 })],
  },
  {
    name: 'modified pcap with 24-byte record headers',
    input: pcap.pcapModified,
    format: 'pcap',
    expected: [frame({ linkType: 1, time: 10000005, data: 'cc' })],
  },
  {
    name: 'pcapng: two sections, two interfaces, 10^-9 and 2^-10 resolutions, SPB, comments, custom block',
    input: pcapngTwoSections,
    format: 'pcapng',
    expected: [
      frame({
        linkType: 1,
        time: 1700000000123456,
        data: '68656c6c6f',
        origlen: 60,
        comment: 'first',
      }),
      frame({ linkType: 101, time: 1700000010500000, data: 'deadbeef', interfaceId: 1 }),
      frame({ linkType: 113, time: 0, data: '01020304', origlen: 6 }),
      frame({ linkType: 113, time: 1, data: 'aabbccdd' }),
    ],
  },
  {
    name: 'pcapng obsolete packet block',
    input: pcapngObsoletePacket,
    format: 'pcapng',
    expected: [frame({ linkType: 1, time: 5, data: 'abcdef01', origlen: 64 })],
  },
];

describe('CaptureReader', () => {
  for (const { name, input, format, expected } of cases) {
    it(`reads ${name}`, () => {
      const result = readCapture(input);
      expect(result.format).toBe(format);
      expect(summarize(result.frames)).toEqual(expected);
    });

    it(`gives the same frames fed 1 byte at a time and split at every offset: ${name}`, () => {
      const oneByOne = new CaptureReader();
      const frames = [];
      for (let i = 0; i < input.length; i++)
        frames.push(...oneByOne.push(input.subarray(i, i + 1)));
      frames.push(...oneByOne.end());
      expect(summarize(frames)).toEqual(expected);
      expect(oneByOne.offset).toBe(input.length);
      for (let split = 0; split <= input.length; split++) {
        const reader = new CaptureReader();
        const parts = [
          ...reader.push(input.subarray(0, split)),
          ...reader.push(input.subarray(split)),
          ...reader.end(),
        ];
        expect(summarize(parts), `split at ${split}`).toEqual(expected);
      }
    });
  }

  it('exposes the section, the drop counter and the format', () => {
    const reader = new CaptureReader();
    expect(reader.format).toBeUndefined();
    reader.push(pcapngTwoSections.subarray(0, 100));
    expect(reader.format).toBe('pcapng');
    expect(reader.section).toEqual({ index: 0, comment: 'two sections' });
    reader.push(pcapngTwoSections.subarray(100));
    expect(reader.dropped).toBe(3);
    expect(reader.section).toEqual({ index: 1 });
    expect(new CaptureReader().dropped).toBeUndefined();
  });

  it('copies what it keeps, so the caller may reuse its chunk', () => {
    const reader = new CaptureReader();
    const chunk = pcap.pcapLeMicros.slice(0, 30);
    reader.push(chunk);
    chunk.fill(0);
    const frames = [...reader.push(pcap.pcapLeMicros.subarray(30)), ...reader.end()];
    expect(summarize(frames)[0]?.data).toBe('deadbeef');
  });
});

/** The SHB of a big-endian section with no options, 28 bytes. */
const shb = `0a0d0d0a 0000001c 1a2b3c4d 0001 0000 ffffffffffffffff 0000001c`;
const idb = `00000001 00000014 0001 0000 0000ffff 00000014`;

const errors: { name: string; input: Uint8Array; message: string; offset: number }[] = [
  {
    name: 'empty input',
    input: hex(''),
    message: 'empty input: no capture header at byte 0',
    offset: 0,
  },
  {
    name: 'bad magic',
    input: hex('47455420 2f20'),
    message: 'bad capture magic 0x47455420 at byte 0',
    offset: 0,
  },
  {
    name: 'truncated pcap header',
    input: pcap.pcapLeMicros.subarray(0, 10),
    message: 'truncated pcap file header (10 of 24 bytes) at byte 0',
    offset: 0,
  },
  {
    name: 'pcap record cut short',
    input: pcap.pcapLeMicros.subarray(0, 42),
    message: 'truncated pcap record (18 of 20 bytes) at byte 24',
    offset: 24,
  },
  {
    name: 'pcap record header cut short',
    input: pcap.pcapLeMicros.subarray(0, 50),
    message: 'truncated pcap record header (6 of 16 bytes) at byte 44',
    offset: 44,
  },
  {
    name: 'absurd pcap caplen',
    input: hex(
      `${Buffer.from(pcap.pcapLeMicros.subarray(0, 24)).toString('hex')} 00000000 00000000 ffffff7f 00000000`,
    ),
    message: 'pcap record caplen 2147483647 above 16777216 at byte 24',
    offset: 24,
  },
  {
    name: 'archaic pcap version',
    input: hex('a1b2c3d4 0001 0000' + '00'.repeat(16)),
    message: 'unsupported pcap version 1.0 at byte 0',
    offset: 0,
  },
  {
    name: 'pcapng block cut short',
    input: pcapngTwoSections.subarray(0, pcapngTwoSections.length - 2),
    message: 'truncated pcapng block (34 of 36 bytes) at byte 344',
    offset: 344,
  },
  {
    name: 'skipped pcapng block cut short',
    input: pcapngTwoSections.subarray(0, 190),
    message: 'truncated pcapng block (10 of 20 bytes) at byte 180',
    offset: 180,
  },
  {
    name: 'pcapng block length 3',
    input: hex(`${shb} 00000006 00000003`),
    message: 'bad pcapng block length 3 at byte 28',
    offset: 28,
  },
  {
    name: 'pcapng length not a multiple of 4',
    input: hex(`${shb} 00000099 00000015`),
    message: 'bad pcapng block length 21 at byte 28',
    offset: 28,
  },
  {
    name: 'pcapng EPB shorter than its fixed fields',
    input: hex(`${shb} 00000006 00000010`),
    message: 'bad pcapng block length 16 at byte 28',
    offset: 28,
  },
  {
    name: 'pcapng block over 256 MiB',
    input: hex(`${shb} 00000006 10000004`),
    message: 'bad pcapng block length 268435460 at byte 28',
    offset: 28,
  },
  {
    name: 'SHB shorter than 28',
    input: hex('0a0d0d0a 00000018 1a2b3c4d'),
    message: 'bad pcapng block length 24 at byte 0',
    offset: 0,
  },
  {
    name: 'bad byte-order magic',
    input: hex('0a0d0d0a 0000001c 12345678'),
    message: 'bad pcapng byte-order magic 0x12345678 at byte 0',
    offset: 0,
  },
  {
    name: 'trailer differs from length',
    input: hex(`${shb} 00000001 00000014 0001 0000 0000ffff 00000018`),
    message: 'pcapng block trailer length 24 differs from 20 at byte 28',
    offset: 28,
  },
  {
    name: 'packet on an undescribed interface',
    input: hex(
      `${shb} ${idb} 00000006 00000020 00000001 00000000 00000000 00000000 00000000 00000020`,
    ),
    message: 'pcapng interface 1 not described at byte 48',
    offset: 48,
  },
  {
    name: 'EPB caplen past its block',
    input: hex(
      `${shb} ${idb} 00000006 00000020 00000000 00000000 00000000 00000009 00000009 00000020`,
    ),
    message: 'pcapng packet caplen 9 overruns its block at byte 48',
    offset: 48,
  },
  {
    name: 'pcapng major version 2',
    input: hex('0a0d0d0a 0000001c 1a2b3c4d 0002 0000 ffffffffffffffff 0000001c'),
    message: 'unsupported pcapng version 2 at byte 0',
    offset: 0,
  },
];

describe('CaptureReader errors', () => {
  for (const { name, input, message, offset } of errors) {
    it(`rejects ${name} with the offset`, () => {
      const reader = new CaptureReader();
      let error: unknown;
      try {
        reader.push(input);
        reader.end();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CaptureFormatError);
      expect((error as CaptureFormatError).message).toBe(message);
      expect((error as CaptureFormatError).offset).toBe(offset);
      // The reader stays failed.
      expect(() => reader.push(new Uint8Array(4))).toThrow(CaptureFormatError);
    });
  }

  it('keeps the frames read from the chunk before the error', () => {
    const bad = hex(
      `${Buffer.from(pcap.pcapLeMicros).toString('hex')} 00000000 00000000 ffffff7f 00000000`,
    );
    const error = (() => {
      try {
        new CaptureReader().push(bad);
      } catch (e) {
        return e as CaptureFormatError;
      }
    })();
    expect(error?.offset).toBe(60);
    expect(error?.frames).toHaveLength(2);
  });
});
