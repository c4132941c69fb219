import { describe, it, expect } from 'vitest';
import { writePcap, writePcapng } from '../../../core/pcap/index.ts';
import { handshakeFrames } from '../../../server/cli/testdata/handshake-frames.ts';
import { openErrorText, readCaptureFile } from './read-capture-file.ts';

const noPause = () => Promise.resolve();
const pcap = () => writePcap(handshakeFrames(), 1);

describe('readCaptureFile', () => {
  const cases = [
    { name: 'pcap in one chunk', bytes: pcap(), chunkBytes: 1 << 20, max: 100, kept: 4 },
    { name: 'pcap in 7-byte chunks', bytes: pcap(), chunkBytes: 7, max: 100, kept: 4 },
    {
      name: 'pcapng in 64-byte chunks',
      bytes: writePcapng(handshakeFrames()),
      chunkBytes: 64,
      max: 100,
      kept: 4,
    },
    { name: 'bounded to maxRecords', bytes: pcap(), chunkBytes: 50, max: 2, kept: 2 },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const progress: number[] = [];
      const res = await readCaptureFile(new Blob([new Uint8Array(c.bytes)]), {
        maxRecords: c.max,
        chunkBytes: c.chunkBytes,
        pause: noPause,
        onProgress: (loaded, total) => {
          expect(total).toBe(c.bytes.length);
          progress.push(loaded);
        },
      });
      expect(res.total).toBe(4);
      expect(res.records.map((r) => r.recNo)).toEqual([1, 2, 3, 4].slice(0, c.kept));
      expect(res.records[0]).toMatchObject({
        type: 'packet',
        proto: 'TCP',
        conv: expect.any(String),
      });
      expect(res.frames.map((f) => f.data.length)).toEqual(
        handshakeFrames()
          .slice(0, c.kept)
          .map((f) => f.data.length),
      );
      // Progress rises chunk by chunk to the whole size.
      expect(progress.length).toBe(Math.ceil(c.bytes.length / c.chunkBytes));
      expect(progress.at(-1)).toBe(c.bytes.length);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    });
  }

  it('keeps frame bytes that outlive the reader’s pool', async () => {
    const frames = handshakeFrames();
    const res = await readCaptureFile(new Blob([new Uint8Array(pcap())]), {
      maxRecords: 10,
      chunkBytes: 13,
      pause: noPause,
    });
    res.frames.forEach((f, i) => expect([...f.data]).toEqual([...frames[i]!.data]));
    expect(res.frames[0]!.data.buffer).not.toBe(res.frames[1]!.data.buffer);
  });

  it('reads a File by name (Node has File)', async () => {
    const file = new File([new Uint8Array(pcap())], 'handshake.pcap');
    const res = await readCaptureFile(file, { maxRecords: 10, pause: noPause });
    expect(res.records).toHaveLength(4);
  });

  it('throws a CaptureFormatError with the byte offset for a corrupt file', async () => {
    const bytes = pcap();
    bytes.set([0xde, 0xad, 0xbe, 0xef], 0);
    const err = await readCaptureFile(new Blob([new Uint8Array(bytes)]), {
      maxRecords: 10,
      pause: noPause,
    }).catch((e: unknown) => e);
    expect(openErrorText('bad.pcap', err)).toMatch(/^Cannot read bad\.pcap: .*at byte 0$/);
  });

  it('names a truncated file’s missing bytes', async () => {
    const bytes = pcap().slice(0, 24 + 16 + 10);
    const err = await readCaptureFile(new Blob([new Uint8Array(bytes)]), {
      maxRecords: 10,
      pause: noPause,
    }).catch((e: unknown) => e);
    expect(openErrorText('cut.pcap', err)).toMatch(/cut\.pcap: truncated .* at byte 24$/);
  });

  it('stops when aborted between chunks', async () => {
    const ac = new AbortController();
    let chunks = 0;
    const run = readCaptureFile(new Blob([new Uint8Array(pcap())]), {
      maxRecords: 10,
      chunkBytes: 10,
      signal: ac.signal,
      pause: noPause,
      onProgress: () => {
        if (++chunks === 2) ac.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(chunks).toBe(2);
  });
});
