import { describe, it, expect } from 'vitest';
import { readCapture, writePcap } from '../../../core/pcap/index.ts';
import { handshakeFrames } from '../../../server/cli/testdata/handshake-frames.ts';
import {
  addLocalSession,
  isLocalId,
  localPcapng,
  makeLocalSession,
  pcapngName,
  showWindow,
  windowFor,
} from './local-session.ts';
import { PacketColumns } from './packet-columns.ts';
import { readCaptureColumns } from './read-capture-columns.ts';

async function opened(n: number, window = 100) {
  const file = new Blob([new Uint8Array(writePcap(handshakeFrames(), 1))]);
  const store = new PacketColumns(await readCaptureColumns(file));
  return makeLocalSession(n, `trace-${n}.pcap`, file, store, window);
}

describe('makeLocalSession', () => {
  it('describes the file as a session the views can read', async () => {
    const s = await opened(3);
    expect(s.id).toBe('local:3');
    expect(isLocalId(s.id)).toBe(true);
    expect(isLocalId('file-3')).toBe(false);
    expect(s.info).toEqual({
      id: 'local:3',
      kind: 'file',
      title: 'trace-3.pcap',
      startTime: handshakeFrames()[0]!.time,
      lastRecNo: 4,
      firstRecNo: 1,
    });
    expect(s.total).toBe(4);
  });

  it('shows a window of the file and moves it to any packet, keeping the time origin', async () => {
    const s = await opened(1, 2);
    expect([s.start, s.records.map((r) => r.recNo), s.total, s.info.lastRecNo]).toEqual([
      0,
      [1, 2],
      4,
      2,
    ]);
    const last = windowFor(s, 4, 2);
    expect([last.start, last.records.map((r) => r.recNo), last.info.firstRecNo]).toEqual([
      2,
      [3, 4],
      3,
    ]);
    expect(last.info.startTime).toBe(s.info.startTime);
    // Past either end the window stays full.
    expect(windowFor(s, 1, 2).records.map((r) => r.recNo)).toEqual([1, 2]);
    expect(showWindow(s, 99, 3).records.map((r) => r.recNo)).toEqual([2, 3, 4]);
  });
});

describe('addLocalSession', () => {
  const cases = [
    {
      name: 'adds below the bound',
      held: [1, 2],
      max: 4,
      expected: ['local:1', 'local:2', 'local:9'],
    },
    {
      name: 'drops the oldest past the bound',
      held: [1, 2, 3],
      max: 3,
      expected: ['local:2', 'local:3', 'local:9'],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const held = await Promise.all(c.held.map((n) => opened(n)));
      const list = addLocalSession(held, await opened(9), c.max);
      expect(list.map((s) => s.id)).toEqual(c.expected);
    });
  }
  it('replaces a session with the same id in place', async () => {
    const held = await Promise.all([1, 2].map((n) => opened(n)));
    const moved = windowFor(held[0]!, 4, 2);
    expect(addLocalSession(held, moved, 4)).toEqual([moved, held[1]]);
  });
});

describe('localPcapng', () => {
  it('writes every frame of the file back as pcapng, byte for byte, whatever the window', async () => {
    const s = await opened(1, 2);
    const { format, frames } = readCapture(localPcapng(s));
    expect(format).toBe('pcapng');
    expect(frames.map((f) => [f.linkType, f.time, [...f.data]])).toEqual(
      handshakeFrames().map((f) => [1, f.time, [...f.data]]),
    );
  });
});

describe('pcapngName', () => {
  const cases = [
    { name: 'pcap extension replaced', input: 'handshake.pcap', expected: 'handshake.pcapng' },
    { name: 'pcapng kept once', input: 'a.b.PCAPNG', expected: 'a.b.pcapng' },
    { name: 'cap replaced', input: 'old.cap', expected: 'old.pcapng' },
    { name: 'other names extended', input: 'live', expected: 'live.pcapng' },
    { name: 'path characters replaced', input: 'a/b:c.pcap', expected: 'a_b_c.pcapng' },
    { name: 'empty named capture', input: '.pcap', expected: 'capture.pcapng' },
  ];
  for (const c of cases) it(c.name, () => expect(pcapngName(c.input)).toBe(c.expected));
});
