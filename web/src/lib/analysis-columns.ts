/**
 * How a packet's analysis is kept in the columns: TCP states, phases and Wireshark's flags as
 * small numbers (indexes into the lists below), absent numbers as NaN; the rare other fields go
 * to a sparse list. The builder writes with `putAnalysis`, the reader reads with `readAnalysis`.
 */
import {
  ANALYSIS_FLAGS,
  type PacketAnalysis,
  type Phase,
  type TcpState,
} from '../../../core/analysis/packet-analysis.ts';
import type { PacketColumnsData } from './packet-columns-data.ts';

const STATES: readonly TcpState[] = [
  'LISTEN',
  'SYN_SENT',
  'SYN_RECEIVED',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
  'CLOSED',
  'UNKNOWN',
];
const PHASES: readonly Phase[] = ['setup', 'data', 'close', 'reset'];
const FLAGS = ANALYSIS_FLAGS;
/** Analysis fields with a column; any other field goes to the sparse `extras`. */
const COLUMN_KEYS = new Set(['stream', 'from', 'seq', 'ack', 'nextSeq', 'win', 'states']);
/** A state or phase that is absent. */
const NONE = 255;

/** The analysis columns of packet `i` (what `putAnalysis` writes and `readAnalysis` reads). */
export type AnalysisColumns = Pick<
  PacketColumnsData,
  | 'stream'
  | 'from'
  | 'seq'
  | 'ack'
  | 'nextSeq'
  | 'win'
  | 'clientState'
  | 'serverState'
  | 'phase'
  | 'flags'
>;

/** Writes `a` into the columns at `i`; returns the fields that have no column, if any. */
export function putAnalysis(
  c: AnalysisColumns,
  i: number,
  a: PacketAnalysis | undefined,
): Partial<PacketAnalysis> | undefined {
  c.stream[i] = a ? a.stream : -1;
  c.from[i] = a?.from === 'server' ? 1 : 0;
  c.seq[i] = a?.seq ?? NaN;
  c.ack[i] = a?.ack ?? NaN;
  c.nextSeq[i] = a?.nextSeq ?? NaN;
  c.win[i] = a?.win ?? NaN;
  c.clientState[i] = a?.states ? STATES.indexOf(a.states.client) : NONE;
  c.serverState[i] = a?.states ? STATES.indexOf(a.states.server) : NONE;
  c.phase[i] = a?.phase ? PHASES.indexOf(a.phase) : NONE;
  let bits = a?.analysis ? 0x8000 : 0;
  for (const f of a?.analysis ?? []) bits |= 1 << FLAGS.indexOf(f);
  c.flags[i] = bits;
  // Core's analysis has every field from its creation, most of them undefined: only the fields
  // set count, or every TCP packet would keep an extra (65 MB on a 1,000,000-packet file).
  let extra: Partial<PacketAnalysis> | undefined;
  if (a)
    for (const k in a) {
      const v = a[k as 'dupAckNum'];
      if (v !== undefined && !COLUMN_KEYS.has(k) && k !== 'phase' && k !== 'analysis')
        (extra ??= {})[k as 'dupAckNum'] = v;
    }
  return extra;
}

/** Packet `i`'s analysis read back (undefined when it had none), with its extra fields. */
export function readAnalysis(
  d: AnalysisColumns,
  i: number,
  extra: Partial<PacketAnalysis> | undefined,
): PacketAnalysis | undefined {
  if (d.stream[i]! < 0) return undefined;
  const a: PacketAnalysis = { stream: d.stream[i]!, from: d.from[i] ? 'server' : 'client' };
  if (!Number.isNaN(d.seq[i])) a.seq = d.seq[i];
  if (!Number.isNaN(d.ack[i])) a.ack = d.ack[i];
  if (!Number.isNaN(d.nextSeq[i])) a.nextSeq = d.nextSeq[i];
  if (!Number.isNaN(d.win[i])) a.win = d.win[i];
  if (d.clientState[i] !== NONE)
    a.states = { client: STATES[d.clientState[i]!]!, server: STATES[d.serverState[i]!]! };
  if (d.phase[i] !== NONE) a.phase = PHASES[d.phase[i]!];
  const bits = d.flags[i]!;
  if (bits & 0x8000) a.analysis = FLAGS.filter((_, k) => bits & (1 << k));
  return extra ? Object.assign(a, extra) : a;
}
