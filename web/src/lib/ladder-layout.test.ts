import { describe, it, expect } from 'vitest';
import type { SessionRecord } from '../../../core/protocol.ts';
import {
  fitArrowText,
  fitLabel,
  layoutLadder,
  type LadderArrow,
  type LadderMark,
  type LadderOptions,
} from './ladder-layout.ts';
import { CLIENT, SERVER, step, tcp } from './testdata/records.ts';

const opts: LadderOptions = {
  width: 800,
  rowHeight: 40,
  top: 10,
  axisWidth: 100,
  inset: 80,
  charWidth: 10,
  labelCharWidth: 10,
  client: CLIENT,
};

const accept = step(2, { kind: 'accept', side: 'server', local: SERVER, remote: CLIENT });
const write = step(3, { kind: 'write', bytes: 13, preview: { text: 'hello, I am A', hex: '' } });
const long = step(4, { kind: 'write', bytes: 600, preview: { text: 'x'.repeat(600), hex: '' } });
const syn = tcp(5, ['SYN']);
const synAck = tcp(6, ['SYN', 'ACK'], {}, false);

describe('layoutLadder', () => {
  it('puts lifelines inside the drawing, client on the left', () => {
    const l = layoutLadder([], opts);
    expect(l.clientX).toBe(180);
    expect(l.serverX).toBe(720);
    expect(l.rows).toEqual([]);
    expect(l.height).toBe(18);
  });

  const cases: {
    name: string;
    input: SessionRecord[];
    expected: Partial<LadderMark> | Partial<LadderArrow>;
  }[] = [
    {
      name: 'server step sits on the right lifeline, text to its left',
      input: [accept],
      expected: {
        type: 'mark',
        step: 'accept',
        side: 'server',
        x: 720,
        label: 'accept',
        text: '',
        textAnchor: 'end',
      },
    },
    {
      name: 'client write shows its bytes and message',
      input: [write],
      expected: {
        step: 'write',
        x: 180,
        label: 'write 13 B',
        text: '“hello, I am A”',
        textX: 248,
        textAnchor: 'start',
      },
    },
    {
      name: 'a long message is cut to fit between the lifelines',
      input: [long],
      expected: { text: '“' + 'x'.repeat(43) + '…', fullText: 'x'.repeat(600) },
    },
    {
      name: 'client packet goes left to right with seq only',
      input: [syn],
      expected: {
        type: 'arrow',
        step: 'SYN',
        from: 'client',
        x1: 180,
        x2: 720,
        seq: 1000,
        len: 0,
        labelX: 450,
      },
    },
    {
      name: 'server packet goes right to left with ack',
      input: [synAck],
      expected: { step: 'SYN,ACK', from: 'server', x1: 720, x2: 180, seq: 1000, ack: 0 },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const row = layoutLadder(c.input, opts).rows[0];
      expect(row?.item).toMatchObject(c.expected);
    });
  }

  it('gives one row per record, in order, with time gaps', () => {
    const l = layoutLadder([accept, write, syn], opts);
    expect(l.rows.map((r) => [r.recNo, r.y, r.delta])).toEqual([
      [2, 30, null],
      [3, 70, 1000],
      [5, 110, 2000],
    ]);
    expect(l.height).toBe(138);
  });

  it('draws the shaft as a path between the lifelines', () => {
    const arrow = layoutLadder([syn], opts).rows[0]?.item as LadderArrow;
    expect(arrow.path).toMatch(/^M180,[\d.]+L720,[\d.]+$/);
  });

  it('omits data-seq on a UDP datagram but keeps its length', () => {
    const udp = tcp(7, [], { proto: 'UDP', len: 5 });
    if (udp.type === 'packet') delete udp.tcp;
    const arrow = layoutLadder([udp], opts).rows[0]?.item as LadderArrow;
    expect(arrow).toMatchObject({ step: 'UDP', len: 5 });
    expect(arrow.seq).toBeUndefined();
  });

  it('marks the packet where each TCP phase begins', () => {
    const withPhase = (r: SessionRecord, phase: 'setup' | 'data' | 'close') =>
      r.type === 'packet' ? { ...r, analysis: { stream: 0, from: 'client' as const, phase } } : r;
    const rows = layoutLadder(
      [
        withPhase(tcp(1, ['SYN']), 'setup'),
        withPhase(tcp(2, ['SYN', 'ACK'], {}, false), 'setup'),
        write,
        withPhase(tcp(4, ['PSH', 'ACK'], { len: 13 }), 'data'),
        withPhase(tcp(5, ['ACK'], {}, false), 'data'),
        withPhase(tcp(6, ['FIN', 'ACK']), 'close'),
      ],
      opts,
    ).rows;
    expect(rows.map((r) => r.phaseStart ?? '-')).toEqual(['setup', '-', '-', 'data', '-', 'close']);
  });
});

describe('fitLabel', () => {
  it.each([
    { label: 'SYN Seq=0 Win=65495 MSS=65495', max: 40, expected: 'SYN Seq=0 Win=65495 MSS=65495' },
    { label: 'SYN Seq=0 Win=65495 MSS=65495', max: 20, expected: 'SYN Seq=0 Win=65495' },
    { label: 'SYN,ACK Seq=0 Ack=1 Win=65483 MSS=65495', max: 20, expected: 'SYN,ACK Seq=0 Ack=1' },
    { label: 'PSH,ACK Seq=1 Ack=1 Len=13', max: 12, expected: 'PSH,ACK Seq…' },
  ])('$label in $max → $expected', ({ label, max, expected }) => {
    expect(fitLabel(label, max)).toBe(expected);
    expect(fitLabel(label, max).length).toBeLessThanOrEqual(max);
  });
});

describe('fitArrowText', () => {
  const label = 'ACK Seq=1 Ack=11 Win=512';
  const note = '[TCP Retransmission] [TCP Fast Retransmission] ↻ #5 after 2 dup ACKs';
  const o = { charWidth: 10 };
  it.each([
    { name: 'no note: the label alone', note: '', span: 300, label, drawn: '' },
    {
      name: 'room for both',
      note: '[TCP Dup ACK #1]',
      span: 600,
      label,
      drawn: '[TCP Dup ACK #1]',
    },
    {
      name: 'a long note is cut, the label keeps its fields',
      note,
      span: 500,
      label,
      drawn: '[TCP Retransmission] [T…',
    },
  ])('$name', ({ note: n, span, label: want, drawn }) => {
    const r = fitArrowText(label, n, span, o);
    expect(r.label).toBe(want);
    expect(r.note).toBe(drawn);
    // Label, gap, marker: never wider than the arrow.
    const width = r.label.length * 10 + (r.note ? r.note.length * 10 + 18 : 0);
    expect(width).toBeLessThanOrEqual(span);
  });
});
