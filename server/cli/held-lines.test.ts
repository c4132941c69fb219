import { describe, expect, it } from 'vitest';
import type { PacketAnalysis } from '../../core/analysis/packet-analysis.ts';
import type { PacketRecord } from '../../core/records.ts';
import { JsonLineBuffer, utf8 } from '../../core/report/json-line-buffer.ts';
import { HeldLines } from './held-lines.ts';

/** Packet `no`: a pure SYN when `syn`, else an ACK. */
function packet(no: number, syn: boolean): PacketRecord {
  return {
    type: 'packet',
    no,
    time: no,
    caplen: 0,
    origlen: 0,
    linkType: 1,
    proto: 'TCP',
    len: 0,
    tcp: {
      seq: 0,
      ack: 0,
      flags: syn ? ['SYN'] : ['ACK'],
      window: 0,
      urgent: 0,
      headerLength: 20,
      options: {},
    },
    analysis: { stream: 0, from: 'client' },
  };
}

/** Prints `no` and `c` when corrected; `printed()` is what left so far. */
function setup(bufferBytes = 8) {
  let text = '';
  const out = new JsonLineBuffer(new Uint8Array(bufferBytes), (bytes) => {
    text += new TextDecoder().decode(bytes);
    return new Uint8Array(bufferBytes);
  });
  const held = new HeldLines(out, (to, r) => {
    to.bytes(utf8(`${r.no}${r.analysis?.corrected ? 'c' : ''}`));
    to.endLine();
  });
  return {
    held,
    printed: () => {
      out.flush();
      return text.split('\n').filter(Boolean);
    },
  };
}

const corrected: PacketAnalysis = { stream: 0, from: 'client', corrected: true };

describe('HeldLines', () => {
  it('prints a packet at once when nothing is held and nothing can change it', () => {
    const { held, printed } = setup();
    held.add(packet(1, false));
    expect(held.count).toBe(0);
    expect(printed()).toEqual(['1']);
  });

  it('holds what follows a SYN, corrects the SYN, and prints in order', () => {
    const { held, printed } = setup();
    for (const [no, syn] of [
      [1, true],
      [2, false],
      [3, true],
      [4, false],
      [5, false],
    ] as const)
      held.add(packet(no, syn));
    expect(held.count).toBe(5);
    expect(held.first).toBe(1);
    held.correct(3, corrected);
    held.release(2);
    expect(printed()).toEqual(['1', '2']);
    expect(held.first).toBe(3);
    held.release(3);
    expect(printed()).toEqual(['1', '2', '3c', '4', '5']);
    expect(held.count).toBe(0);
  });

  it('releases part of a run of lines (the cap on held packets) and keeps the rest', () => {
    const { held, printed } = setup(16);
    held.add(packet(1, true));
    for (let no = 2; no <= 40; no++) held.add(packet(no, no === 30));
    held.release(7);
    expect(printed()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    held.correct(30, corrected);
    held.correct(1, corrected); // already printed: nothing to do
    held.release(held.count);
    const all = printed();
    expect(all).toHaveLength(40);
    expect(all.slice(27, 31)).toEqual(['28', '29', '30c', '31']);
  });
});
