/**
 * Geometry of the ladder diagram: one row per record in time order, socket steps as marks on
 * their side's lifeline, packets as arrows between lifelines. Pure maths; Svelte draws it.
 */
import { line, scaleBand, scalePoint } from 'd3';
import type { Endpoint, SessionRecord, Side } from '../../../core/protocol.ts';
import type { Phase } from '../../../core/analysis/packet-analysis.ts';
import { packetFrom } from './conversations.ts';
import { analysisNote, hasAck, packetLabel, packetStep, tcpNumbers } from './packet-label.ts';
import { stepLabel, stepText, truncate } from './step-label.ts';

export interface LadderOptions {
  /** Width of the drawing in px. */
  width: number;
  /** Height of one row in px. */
  rowHeight: number;
  /** Space above the first row (px). */
  top: number;
  /** Width of the time columns on the left (px). */
  axisWidth: number;
  /** Distance from a lifeline to the nearer edge of its lane (px): half a pill plus a margin. */
  inset: number;
  /** Width of one character of the (monospace) message text (px), to cut it to fit. */
  charWidth: number;
  /** Average width of one character of a pill's label (px), to size the pill. */
  labelCharWidth: number;
  /** The client endpoint, to tell the direction of packets without analysis. */
  client: Endpoint | null;
}

export interface LadderMark {
  type: 'mark';
  /** `data-step`: the StepKind. */
  step: string;
  side: Side;
  x: number;
  label: string;
  /** Width of the pill drawn around the label (px). */
  pillWidth: number;
  /** Message text cut to fit between the lifelines ('' when none). */
  text: string;
  /** The text is a message the step carried (quoted), not a note like "took 1.2 ms". */
  quoted: boolean;
  fullText: string;
  textX: number;
  textAnchor: 'start' | 'end';
}

export interface LadderArrow {
  type: 'arrow';
  /** `data-step`: flag string (`SYN,ACK`) or protocol (`UDP`, `ICMP`). */
  step: string;
  from: Side;
  x1: number;
  x2: number;
  /** SVG path of the shaft, sloping down a little: time passes while a packet travels. */
  path: string;
  label: string;
  note: string;
  labelX: number;
  /** TCP sequence number (relative or raw, as the table shows). */
  seq?: number;
  ack?: number;
  len?: number;
}

export interface LadderRow {
  /** The session record number this row draws. */
  recNo: number;
  /** Centre of the row (px). */
  y: number;
  time: number;
  /** Microseconds since the previous row, null on the first. */
  delta: number | null;
  item: LadderMark | LadderArrow;
  /** Set on the packet where a TCP phase begins (setup, data, close, reset), as Capsa splits them. */
  phaseStart?: Phase;
}

export interface LadderLayout {
  height: number;
  clientX: number;
  serverX: number;
  rows: LadderRow[];
}

const shaft = line();

/** Lays out `records` (already in time order). */
export function layoutLadder(records: readonly SessionRecord[], o: LadderOptions): LadderLayout {
  const lanes = scalePoint<Side>()
    .domain(['client', 'server'])
    .range([o.axisWidth + o.inset, Math.max(o.axisWidth + o.inset + 1, o.width - o.inset)]);
  const clientX = lanes('client') ?? 0;
  const serverX = lanes('server') ?? 0;
  const rows = scaleBand<number>()
    .domain(records.map((_, i) => i))
    .range([o.top, o.top + records.length * o.rowHeight]);

  let phase: Phase | undefined;
  const out = records.map((r, i): LadderRow => {
    const y = (rows(i) ?? 0) + rows.bandwidth() / 2;
    const delta = i === 0 ? null : r.time - (records[i - 1]?.time ?? r.time);
    if (r.type === 'step') {
      const x = r.side === 'client' ? clientX : serverX;
      const full = stepText(r);
      const label = stepLabel(r);
      const quoted = Boolean(r.preview?.text);
      const pillWidth = Math.round(label.length * o.labelCharWidth + 20);
      // The message sits between the pill and the other lifeline, never across it.
      const room = serverX - clientX - pillWidth / 2 - 8 - 12;
      const item: LadderMark = {
        type: 'mark',
        step: r.kind,
        side: r.side,
        x,
        label,
        pillWidth,
        text: full ? truncate(quoted ? `“${full}”` : full, Math.floor(room / o.charWidth)) : '',
        quoted,
        fullText: full,
        textX: r.side === 'client' ? x + pillWidth / 2 + 8 : x - pillWidth / 2 - 8,
        textAnchor: r.side === 'client' ? 'start' : 'end',
      };
      return { recNo: r.recNo, y, time: r.time, delta, item };
    }
    const from = packetFrom(r, o.client);
    const [x1, x2] = from === 'client' ? [clientX, serverX] : [serverX, clientX];
    const slope = o.rowHeight * 0.18;
    const n = tcpNumbers(r);
    const item: LadderArrow = {
      type: 'arrow',
      step: packetStep(r),
      from,
      x1,
      x2,
      path:
        shaft([
          [x1, y - slope + 4],
          [x2, y + slope + 4],
        ]) ?? '',
      label: packetLabel(r),
      note: analysisNote(r),
      labelX: (clientX + serverX) / 2,
      ...(n ? { seq: n.seq, ...(hasAck(r) ? { ack: n.ack } : {}) } : {}),
      ...(r.tcp || r.proto === 'UDP' ? { len: r.len } : {}),
    };
    const next = r.analysis?.phase;
    const starts = next !== undefined && next !== phase;
    if (next !== undefined) phase = next;
    return {
      recNo: r.recNo,
      y,
      time: r.time,
      delta,
      item,
      ...(starts ? { phaseStart: next } : {}),
    };
  });
  return { height: o.top + records.length * o.rowHeight + 8, clientX, serverX, rows: out };
}
