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

describe('HeldLines, lines in place', () => {
  /** `packet(no, syn)` with a long line (`pad` bytes), so that the waiting bytes get compacted. */
  function setupLong(pad: number, keepBytes = false) {
    const handed: Uint8Array[] = [];
    const out = new JsonLineBuffer(new Uint8Array(4096), (bytes) => {
      // Kept as handed on (no copy): a view of bytes still in use would show up changed later.
      handed.push(keepBytes ? bytes.slice() : bytes);
      return new Uint8Array(4096);
    });
    const filler = 'x'.repeat(pad);
    const held = new HeldLines(
      out,
      (to, r) => {
        to.bytes(utf8(`${r.no}${r.analysis?.corrected ? 'c' : ''} ${filler}`));
        to.endLine();
      },
      // The caller reuses its record: the kept one is a copy.
      (r) => ({ ...r, tcp: { ...r.tcp! } }),
    );
    return {
      held,
      printed: () => {
        out.flush();
        const text = handed.map((b) => new TextDecoder().decode(b)).join('');
        return text
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split(' ')[0]);
      },
    };
  }

  it('prints every line once, in order, corrected SYNs rewritten, across compactions', () => {
    const { held, printed } = setupLong(1000);
    const expected: string[] = [];
    const record = packet(1, true);
    // SYNs every 13 packets and more; a third of them corrected, eight packets later.
    const isSyn = (no: number) => no % 13 === 1 || no % 101 === 7;
    const isFixed = (no: number) => isSyn(no) && no % 3 === 0;
    for (let no = 1; no <= 3000; no++) {
      // One record reused, as the ingest does.
      Object.assign(record, packet(no, isSyn(no)));
      held.add(record);
      expected.push(`${no}`);
      // A correction counts while the SYN is still held.
      if (isFixed(no - 8)) {
        if (held.count > 0 && held.first <= no - 8) expected[no - 9] += 'c';
        held.correct(no - 8, corrected);
      }
      // Releases of varying sizes, leaving some held (SYNs among them).
      if (no % 89 === 0) held.release(Math.max(0, held.count - (no % 17)));
    }
    held.release(held.count);
    expect(held.count).toBe(0);
    expect(printed()).toEqual(expected);
    expect(expected.filter((l) => l.endsWith('c')).length).toBeGreaterThan(50);
  });

  it('does not hand on bytes that a later packet overwrites', () => {
    const { held, printed } = setupLong(200);
    held.add(packet(1, true));
    held.add(packet(2, false));
    held.add(packet(3, false));
    held.release(3);
    // The waiting bytes are free again: these lines are written where 1-3 were.
    held.add(packet(4, true));
    held.add(packet(5, false));
    held.correct(4, corrected);
    held.release(2);
    expect(printed()).toEqual(['1', '2', '3', '4c', '5']);
  });

  it('holds a SYN with other flags but no ACK; a SYN-ACK goes straight out', () => {
    const { held, printed } = setup();
    const synAck = packet(1, true);
    synAck.tcp!.flags = ['SYN', 'ACK'];
    held.add(synAck);
    expect(held.count).toBe(0);
    const synEce = packet(2, true);
    synEce.tcp!.flags = ['SYN', 'ECE', 'CWR'];
    held.add(synEce);
    expect(held.count).toBe(1);
    held.add(packet(3, false));
    held.correct(2, corrected);
    held.correct(2, corrected); // twice: one rewrite
    held.release(1);
    held.correct(2, corrected); // already printed
    held.release(1);
    expect(printed()).toEqual(['1', '2c', '3']);
  });
});
