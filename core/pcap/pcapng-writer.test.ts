import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaptureReader } from './capture-reader.ts';
import { PcapngWriter, writePcapng, type WritableFrame } from './pcapng-writer.ts';
import { writePcap } from './pcap-writer.ts';
import { readCapture } from './read-capture.ts';
import { hex } from './testdata/hex.ts';
import { summarize } from './testdata/summarize.ts';

const frames: WritableFrame[] = [
  {
    linkType: 1,
    time: 1700000000123456,
    data: hex('ffffffffffff 020000000001 0806 0001'),
    comment: 'ARP, cut short',
  },
  { linkType: 1, time: 1700000000223457, data: hex('0102030405'), origlen: 1514 },
  { linkType: 276, time: 1700000001000000, data: hex('00') },
  { linkType: 1, time: 1700000002999999, data: hex(''), comment: 'ünïcode ✓' },
];

const expected = frames.map((f) => ({
  linkType: f.linkType,
  time: f.time,
  caplen: f.data.length,
  origlen: f.origlen ?? f.data.length,
  data: Buffer.from(f.data).toString('hex'),
  // One IDB per link type, numbered in order of first appearance.
  interfaceId: f.linkType === 1 ? 0 : 1,
  ...(f.comment === undefined ? {} : { comment: f.comment }),
}));

/** tshark's view of a file: number, epoch time, wire length, comment. */
function tsharkFields(bytes: Uint8Array, name: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'pcap-writer-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const args = [
      '-r',
      file,
      '-T',
      'fields',
      '-e',
      'frame.number',
      '-e',
      'frame.time_epoch',
      '-e',
      'frame.len',
    ];
    const out = execFileSync('tshark', [...args, '-e', 'frame.comment'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return out.replace(/\n$/, '').split('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const epoch = (micros: number) =>
  `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}000`;

describe('PcapngWriter', () => {
  it('round-trips frames through CaptureReader', () => {
    const { format, frames: read } = readCapture(writePcapng(frames));
    expect(format).toBe('pcapng');
    expect(summarize(read)).toEqual(expected);
  });

  it('streams the same bytes as the one-shot writer, describing each link type once', () => {
    const writer = new PcapngWriter();
    const parts = [writer.header(), ...frames.map((f) => writer.packet(f))];
    expect(Buffer.concat(parts)).toEqual(Buffer.from(writePcapng(frames)));
    // SHB 28 + shb_userappl 20 + end 4; IDB 32 before the first packet of each link type only;
    // EPB 32 + padded data, + 4 + padded comment + 4 (end of options) when commented.
    expect(parts.map((p) => p.length)).toEqual([
      52,
      32 + (32 + 16 + 20 + 4),
      32 + 8,
      32 + (32 + 4),
      32 + 20 + 4,
    ]);
  });

  it('writes the section header options and starts a new section on header()', () => {
    const writer = new PcapngWriter({ comment: 'lab 3', snaplen: 1500 });
    const reader = new CaptureReader();
    reader.push(writer.header());
    expect(reader.section).toEqual({ index: 0, comment: 'lab 3', userAppl: 'Packet Ladder' });
    reader.push(writer.packet(frames[0]!));
    const again = reader.push(Buffer.concat([writer.header(), writer.packet(frames[2]!)]));
    expect(reader.section?.index).toBe(1);
    expect(again.map((f) => [f.linkType, f.interfaceId])).toEqual([[276, 0]]);
    const plain = new CaptureReader();
    plain.push(new PcapngWriter({ userAppl: false }).header());
    expect(plain.section).toEqual({ index: 0 });
  });

  it('emits a header on its own when packet() comes first', () => {
    const bytes = new PcapngWriter().packet(frames[1]!);
    expect(summarize(readCapture(bytes).frames)).toEqual([expected[1]]);
  });

  it('writes pcapng that tshark reads with the same times, lengths and comments', () => {
    const lines = tsharkFields(writePcapng(frames), 'out.pcapng');
    expect(lines).toEqual(
      frames.map((f, i) =>
        [i + 1, epoch(f.time), f.origlen ?? f.data.length, f.comment ?? ''].join('\t'),
      ),
    );
  });
});

describe('writePcap', () => {
  it('round-trips and is read by tshark', () => {
    const bytes = writePcap(frames, 1);
    const read = readCapture(bytes).frames;
    expect(summarize(read)).toEqual(
      // pcap has no comments and one link type for the whole file.
      expected.map(({ comment: _comment, ...f }) => ({ ...f, linkType: 1, interfaceId: 0 })),
    );
    const lines = tsharkFields(bytes, 'out.pcap');
    expect(lines).toEqual(
      frames.map((f, i) => [i + 1, epoch(f.time), f.origlen ?? f.data.length, ''].join('\t')),
    );
  });
});
