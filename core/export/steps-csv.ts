/**
 * The steps table as CSV: the page's full-width columns (relative Seq/Ack like Wireshark, each
 * side's state, captured or derived from the calls and then marked), one line per record.
 */
import { deriveStates, type DerivedStates } from '../analysis/derived-states.ts';
import type { SessionRecord } from '../protocol.ts';
import { analysisNote, flagString, packetInfo, tcpNumbers } from '../report/packet-label.ts';
import { csvLine } from './csv-line.ts';
import { stepDetail } from './step-text.ts';

export const STEPS_CSV_COLUMNS = [
  'No.',
  'Time (s)',
  'Δt (s)',
  'Dir',
  'Step',
  'Seq',
  'Ack',
  'NextSeq',
  'Len',
  'Win',
  'Client state',
  'Server state',
  'Phase',
  'Analysis',
  'Info',
] as const;

/** Lines per yielded chunk: enough to keep writes few, small enough to stream. */
const LINES_PER_CHUNK = 256;

/** The CSV in chunks; `records` in session order, `startTime` the session's start (µs). */
export function* stepsCsv(
  records: readonly SessionRecord[],
  startTime: number,
): Generator<string, void, undefined> {
  const derived = derivedByRecord(records);
  let chunk = csvLine(STEPS_CSV_COLUMNS);
  let lines = 1;
  let prev: number | null = null;
  for (const r of records) {
    chunk += csvLine(row(r, startTime, prev, derived));
    prev = r.time;
    if (++lines >= LINES_PER_CHUNK) {
      yield chunk;
      chunk = '';
      lines = 0;
    }
  }
  if (chunk !== '') yield chunk;
}

function row(
  r: SessionRecord,
  startTime: number,
  prev: number | null,
  derived: Map<number, DerivedStates>,
): (string | number | undefined)[] {
  const time = seconds(r.time - startTime);
  const delta = prev === null ? undefined : seconds(r.time - prev);
  if (r.type === 'step') {
    const d = derived.get(r.recNo);
    return [
      r.recNo,
      time,
      delta,
      r.side,
      r.kind === 'error' ? `error ${r.code ?? ''}`.trim() : r.kind,
      undefined,
      undefined,
      undefined,
      r.bytes,
      undefined,
      d ? `${d.client} (from calls)` : undefined,
      d ? `${d.server} (from calls)` : undefined,
      undefined,
      undefined,
      stepDetail(r),
    ];
  }
  const n = tcpNumbers(r);
  const a = r.analysis;
  const acks = r.tcp?.flags.includes('ACK') ?? false;
  return [
    r.recNo,
    time,
    delta,
    a ? (a.from === 'client' ? '→' : '←') : undefined,
    r.tcp ? flagString(r.tcp.flags) : r.proto,
    n?.seq,
    n && acks ? n.ack : undefined,
    a?.nextSeq,
    r.len,
    n?.win,
    a?.states?.client,
    a?.states?.server,
    a?.phase,
    analysisNote(r) || undefined,
    packetInfo(r),
  ];
}

/** Seconds with microsecond digits, as a number a spreadsheet sums. */
function seconds(us: number): number {
  return Math.round(us) / 1e6;
}

/** Derived states of TCP socket steps, per conversation (only when it has no captured packets). */
function derivedByRecord(records: readonly SessionRecord[]): Map<number, DerivedStates> {
  const byConv = new Map<string, SessionRecord[]>();
  const captured = new Set<string>();
  for (const r of records) {
    if (!r.conv) continue;
    if (r.type === 'packet' && r.analysis?.states) captured.add(r.conv);
    let list = byConv.get(r.conv);
    if (!list) byConv.set(r.conv, (list = []));
    list.push(r);
  }
  const out = new Map<number, DerivedStates>();
  for (const [conv, list] of byConv) {
    if (captured.has(conv)) continue;
    for (const [recNo, states] of deriveStates(list)) out.set(recNo, states);
  }
  return out;
}
