/**
 * Geometry of the ladder diagram: one row per record in time order, socket steps as marks on
 * their side's lifeline, packets as arrows between lifelines. Pure maths; Svelte draws it.
 */
import { line, scalePoint } from 'd3';
import type { Endpoint, SessionRecord, Side } from '../../../core/protocol.ts';
import type { Phase } from '../../../core/analysis/packet-analysis.ts';
import { packetFrom } from './packet-from.ts';
import { hasAck, packetLabel, packetStep, tcpNumbers } from './packet-label.ts';
import { packetNote } from '../../../core/report/retransmit-note.ts';
import { stepLabel, stepText, truncate } from './step-label.ts';
import { textUnits } from './text-width.ts';
import { rowPositions, type CompressedGap, type RowSpacing } from './row-spacing.ts';

/** Which lifeline a record's side sits on (0 = leftmost), and how many there are. */
export interface LaneAssignment {
  count: number;
  of(r: SessionRecord, side: Side): number;
}

/** Two lifelines: the client's on the left, the server's on the right. */
export const TWO_LANES: LaneAssignment = {
  count: 2,
  of: (_r, side) => (side === 'client' ? 0 : 1),
};

export interface LadderOptions {
  /** Width of the drawing in px. */
  width: number;
  /** Height of one row in px. */
  rowHeight: number;
  /** Space above the first row (px). */
  top: number;
  /** Width of the time columns on the left (px). */
  axisWidth: number;
  /** Distance from the outer lifelines to the drawing's edges (px): half a pill plus a margin. */
  inset: number;
  /** Room right of the axis before the first lifeline, when it differs from `inset` (px). */
  insetLeft?: number;
  /** Room after the last lifeline, when it differs from `inset` (px). */
  insetRight?: number;
  /** Even rows, or spaced by time (default even). */
  spacing?: RowSpacing;
  /** Lifelines per endpoint (default: client and server). */
  lanes?: LaneAssignment;
  /** Width of one character of the (monospace) message text (px), to cut it to fit. */
  charWidth: number;
  /** Average width of one character of a pill's label (px), to size the pill. */
  labelCharWidth: number;
  /** Width of one character of an analysis marker's note (px; default `charWidth`). */
  noteCharWidth?: number;
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
  /** Direction on the page, whatever the roles: true when the arrow points left. */
  leftward: boolean;
  x1: number;
  x2: number;
  /** SVG path of the shaft, sloping down a little: time passes while a packet travels. */
  path: string;
  /** The label as drawn: cut to fit between its lifelines (MSS, then Win, go first). */
  label: string;
  /** The whole label, for the hover text. */
  fullLabel: string;
  /** The analysis marker's note as drawn: cut to fit beside the label, within the arrow. */
  note: string;
  fullNote: string;
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
  /** Every lifeline's x, left to right (client and server when two). */
  laneXs: number[];
  rows: LadderRow[];
  /** Long gaps drawn shorter (time spacing). */
  gaps: CompressedGap[];
}

const shaft = line();

/** Fields a label can lose when it is too long, least telling first. */
const OPTIONAL = [/^MSS=/, /^Win=/];

/**
 * `label` in at most `max` characters: drops MSS=, then Win=, then cuts with an ellipsis, so a
 * label never runs past its arrow's ends.
 */
export function fitLabel(label: string, max: number): string {
  let parts = label.split(' ');
  for (const drop of OPTIONAL) {
    if (parts.join(' ').length <= max) break;
    parts = parts.filter((p) => !drop.test(p));
  }
  return truncate(parts.join(' '), Math.max(1, max));
}

/** Room the marker takes besides its note's characters: its padding and the gap to the label. */
const MARKER_EXTRA = 18;

/**
 * The label and the analysis note of an arrow within `span` px: the label keeps its fields while
 * the note (cut with an ellipsis, whole on hover) keeps at least 45 % of the span.
 */
export function fitArrowText(
  label: string,
  note: string,
  span: number,
  o: Pick<LadderOptions, 'charWidth' | 'noteCharWidth'>,
): { label: string; note: string } {
  const noteChar = o.noteCharWidth ?? o.charWidth;
  if (!note) return { label: fitLabel(label, Math.floor(span / o.charWidth)), note: '' };
  const noteWidth = textUnits(note) * noteChar + MARKER_EXTRA;
  const labelRoom = Math.max(span * 0.55, span - noteWidth);
  const fitted = fitLabel(label, Math.floor(labelRoom / o.charWidth));
  const left = span - fitted.length * o.charWidth - MARKER_EXTRA;
  return { label: fitted, note: truncate(note, Math.floor(left / noteChar)) };
}

/** Width of the pill drawn around a socket call's label (px). */
export function pillWidthOf(label: string, labelCharWidth: number): number {
  return Math.round(textUnits(label) * labelCharWidth + 20);
}

/** Lays out `records` (already in time order). */
export function layoutLadder(records: readonly SessionRecord[], o: LadderOptions): LadderLayout {
  const lanes = o.lanes ?? TWO_LANES;
  const left = o.axisWidth + (o.insetLeft ?? o.inset);
  const right = Math.max(left + 1, o.width - (o.insetRight ?? o.inset));
  const xs = scalePoint<number>()
    .domain(Array.from({ length: Math.max(2, lanes.count) }, (_, i) => i))
    .range([left, right]);
  const laneXs = Array.from({ length: Math.max(2, lanes.count) }, (_, i) => xs(i) ?? 0);
  const clientX = laneXs[0]!;
  const serverX = laneXs.at(-1)!;
  const pos = rowPositions(
    records.map((r) => r.time),
    o.rowHeight,
    o.top,
    o.spacing ?? 'even',
  );

  let phase: Phase | undefined;
  const out = records.map((r, i): LadderRow => {
    const y = pos.ys[i]!;
    const delta = i === 0 ? null : r.time - (records[i - 1]?.time ?? r.time);
    if (r.type === 'step') {
      const x = laneXs[lanes.of(r, r.side)] ?? clientX;
      const full = stepText(r);
      const label = stepLabel(r);
      const quoted = Boolean(r.preview?.text);
      const pillWidth = pillWidthOf(label, o.labelCharWidth);
      // The message sits between the pill and the next lifeline, never across it.
      const room =
        Math.min(serverX - clientX, (right - left) / Math.max(1, lanes.count - 1)) -
        pillWidth / 2 -
        20;
      const towardsRight = x < serverX;
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
        textX: towardsRight ? x + pillWidth / 2 + 8 : x - pillWidth / 2 - 8,
        textAnchor: towardsRight ? 'start' : 'end',
      };
      return { recNo: r.recNo, y, time: r.time, delta, item };
    }
    const from = packetFrom(r, o.client);
    const to: Side = from === 'client' ? 'server' : 'client';
    const x1 = laneXs[lanes.of(r, from)] ?? clientX;
    const x2 = laneXs[lanes.of(r, to)] ?? serverX;
    // The shaft runs along the foot of its label (the label's halo keeps it legible) and slopes
    // down a little: time passes in flight. It ends clear of the next row's text.
    const y1 = y + o.rowHeight * 0.22;
    const slope = o.rowHeight * 0.12;
    const n = tcpNumbers(r);
    const item: LadderArrow = {
      type: 'arrow',
      step: packetStep(r),
      from,
      leftward: x2 < x1,
      x1,
      x2,
      path:
        shaft([
          [x1, y1],
          [x2, y1 + slope],
        ]) ?? '',
      ...fitArrowText(packetLabel(r), packetNote(r), Math.abs(x2 - x1) - 16, o),
      fullLabel: packetLabel(r),
      fullNote: packetNote(r),
      labelX: (x1 + x2) / 2,
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
  return {
    height: pos.bottom + 8,
    clientX,
    serverX,
    laneXs,
    rows: out,
    gaps: pos.gaps,
  };
}
