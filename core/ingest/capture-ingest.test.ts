import { describe, expect, it } from 'vitest';
import { createCaptureIngest } from './capture-ingest.ts';
import { StreamNames } from '../stream-names.ts';
import { streamScenarios } from '../analysis/testdata/scenarios.ts';
import { writePcap } from '../analysis/testdata/write-pcap.ts';

describe('createCaptureIngest', () => {
  const reuse = streamScenarios.find((s) => s.name === 'port reuse opens a new stream')!;
  const plain = 'tcp 127.0.0.1:50000 > 127.0.0.1:8080';

  it('with names, gives each stream on a reused pair its own id, in tcp.stream order', () => {
    const ingest = createCaptureIngest({ names: new StreamNames() });
    const got = ingest.push(writePcap(reuse.packets)).map((p) => p.record);
    const idOf = (stream: number) => [
      ...new Set(got.filter((r) => r.analysis?.stream === stream).map((r) => r.conv)),
    ];
    expect(idOf(0)).toEqual([plain]);
    expect(idOf(1)).toEqual([`${plain} #2`]);
    expect(idOf(2)).toEqual([`${plain} #3`]);
  });

  it('without names, keeps the pair’s id (the live session names; analyze prints none)', () => {
    const got = createCaptureIngest().push(writePcap(reuse.packets));
    expect(new Set(got.map((p) => p.record.conv))).toEqual(new Set([plain]));
    expect(new Set(got.map((p) => p.record.analysis?.stream))).toEqual(new Set([0, 1, 2]));
  });
});
