import { describe, expect, it } from 'vitest';
import { traffic } from '../../bench/decode-traffic.ts';
import { writeFrame } from '../../bench/decode-frames.ts';
import { decodePacket, LINKTYPE } from '../../core/decode/index.ts';
import { CaptureReader } from '../../core/pcap/index.ts';
import { quickShard, shardOf } from './analyze-shard-key.ts';
import { edgeCaseCapture } from './testdata/shard-captures.ts';

describe('quickShard', () => {
  it('finds the owner shardOf finds, for both directions of a flow, or says it cannot', () => {
    const frame = new Uint8Array(2048);
    const view = new DataView(frame.buffer);
    const owners = [0, 0, 0];
    let n = 0;
    for (const { spec } of traffic(3_000, 9, 'mixed')) {
      const data = frame.subarray(0, writeFrame(frame, view, 0, spec));
      const p = decodePacket(LINKTYPE.ETHERNET, data, 0, data.length, 0);
      const quick = quickShard(LINKTYPE.ETHERNET, data, 3);
      expect(quick).toBe(shardOf(p, ++n, 3));
      owners[quick]!++;
      const back = { ...spec, src: spec.dst, dst: spec.src, sport: spec.dport, dport: spec.sport };
      const reply = frame.subarray(0, writeFrame(frame, view, 0, back));
      expect(quickShard(LINKTYPE.ETHERNET, reply, 3)).toBe(quick);
    }
    // Spread over all three.
    for (const o of owners) expect(o).toBeGreaterThan(600);
  });

  it('leaves fragments and ICMP errors to shardOf, which puts them with their flow', () => {
    const frames = new CaptureReader().push(edgeCaseCapture());
    const decoded = frames.map((f) => decodePacket(f.linkType, f.data, f.time, f.origlen, 0));
    const fragments = frames.filter((_, i) => decoded[i]!.fragment);
    expect(fragments.length).toBe(6);
    for (const f of fragments) expect(quickShard(f.linkType, f.data, 2)).toBe(-1);
    const errors = decoded.filter((p) => p.icmp?.inner);
    expect(errors.length).toBe(2);
    const udp = decoded.find((p) => p.proto === 'UDP' && p.sport === 53000)!;
    for (const e of errors) expect(shardOf(e, 1, 5)).toBe(shardOf(udp, 2, 5));
  });
});
