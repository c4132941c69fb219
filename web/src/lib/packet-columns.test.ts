/** Columns give back exactly the records and frames reading the file gave, for every packet. */
import { describe, expect, it } from 'vitest';
import { writePcap, writePcapng } from '../../../core/pcap/index.ts';
import { hex } from '../../../core/decode/testdata/hex.ts';
import { FRAMES } from '../../../core/decode/testdata/frames.ts';
import {
  LOOPBACK_TCP_ECHO,
  LOOPBACK_TCP_ECHO_IPV6,
  LOOPBACK_UDP_CLOSED_PORT,
} from '../../../core/ingest/testdata/loopback-captures.ts';
import { handshakeFrames } from '../../../server/cli/testdata/handshake-frames.ts';
import { PacketColumns } from './packet-columns.ts';
import { readCaptureColumns } from './read-capture-columns.ts';
import { readCaptureFile } from './read-capture-file.ts';
import { sliceRecords } from './record-source.ts';

const blob = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]);
const noPause = () => Promise.resolve();

const withComments = writePcapng(
  handshakeFrames().map((f, i) => ({ ...f, ...(i === 1 ? { comment: 'the SYN/ACK' } : {}) })),
);
const fixtures = writePcapng(
  FRAMES.map((f, i) => ({
    linkType: f.linkType,
    time: 1_700_000_000_000_000 + i,
    data: hex(f.frame),
  })),
);

describe('PacketColumns', () => {
  it.each([
    ['TCP echo on 127.0.0.1', LOOPBACK_TCP_ECHO],
    ['TCP echo on ::1', LOOPBACK_TCP_ECHO_IPV6],
    ['UDP to a closed port', LOOPBACK_UDP_CLOSED_PORT],
    ['pcapng with a packet comment', withComments],
    ['every decoder fixture', fixtures],
    ['pcap of the handshake', writePcap(handshakeFrames(), 1)],
  ])('%s: at(i) and frame(i) equal what reading the file gave', async (_, bytes) => {
    const read = await readCaptureFile(blob(bytes), { maxRecords: 1e6, pause: noPause });
    const cols = new PacketColumns(await readCaptureColumns(blob(bytes), { chunkBytes: 61 }));
    expect(cols.length).toBe(read.total);
    expect(sliceRecords(cols, 0, cols.length)).toEqual(read.records);
    for (let i = 0; i < cols.length; i++) {
      const { data, ...rest } = cols.frame(i);
      const { data: want, interfaceId: _, ...wantRest } = read.frames[i]!;
      expect(rest).toMatchObject(wantRest);
      expect([...data]).toEqual([...want]);
    }
  });

  it('hands over the first packets early, then all of them', async () => {
    const heads: number[] = [];
    const progress: number[] = [];
    const bytes = writePcap(handshakeFrames(), 1);
    const all = await readCaptureColumns(blob(bytes), {
      chunkBytes: 40,
      headPackets: 2,
      onHead: (h) => heads.push(h.length),
      onProgress: (_, __, packets) => progress.push(packets),
    });
    expect(heads).toEqual([2]);
    expect(all.length).toBe(4);
    expect(progress.at(-1)).toBeLessThanOrEqual(4);
  });
});
