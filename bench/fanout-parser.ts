/**
 * The socket.io parser of the fan-out benchmark's viewers: socket.io's own, except that a
 * `records` event is read for what the benchmark counts (each record's number and tap time): the
 * two columns at the head of the packed batch are parsed, the rest of it is not. 200 viewers
 * share the benchmark's machine (on a real class each has its own), so unpacking every record
 * 200 times would measure the viewers, not the server. Every byte still arrives through a real
 * socket.io connection; a batch not laid out as expected is parsed and unpacked whole.
 */
import { Decoder as SocketIoDecoder, Encoder, PacketType } from 'socket.io-parser';
import { unpackBatch } from '../core/unpack-batch.ts';
import type { RecordBatch } from '../core/protocol.ts';

/** What a viewer reads of one `records` batch: each record's number and tap time (µs). */
export interface CountedBatch {
  session: string;
  recNos: number[];
  times: number[];
}

const HEAD = `${PacketType.EVENT}["records",{"session":`;
const RECNO = ',"packed":{"recNo":[';
const TIME = '],"time":[';
const DIFFERENCES = '],"strings":';
const ABSOLUTE = '],"timeAbsolute":true,';

/** The batch's session and records, or null when the text is not a records batch. */
export function countRecords(text: string): CountedBatch | null {
  if (!text.startsWith(HEAD)) return null;
  return fastCount(text) ?? fullCount(text);
}

/** The two columns alone, or null when they are not where the hub puts them. */
function fastCount(text: string): CountedBatch | null {
  const open = text.indexOf(RECNO, HEAD.length);
  const mid = open < 0 ? -1 : text.indexOf(TIME, open);
  const end = mid < 0 ? -1 : text.indexOf(']', mid + TIME.length);
  if (end < 0) return null;
  const absolute = text.startsWith(ABSOLUTE, end);
  if (!absolute && !text.startsWith(DIFFERENCES, end)) return null;
  const session = JSON.parse(text.slice(HEAD.length, open)) as unknown;
  const recNos = sums(JSON.parse(`[${text.slice(open + RECNO.length, mid)}]`) as number[]);
  const times = JSON.parse(`[${text.slice(mid + TIME.length, end)}]`) as number[];
  if (typeof session !== 'string' || recNos.length !== times.length) return null;
  return { session, recNos, times: absolute ? times : sums(times) };
}

function fullCount(text: string): CountedBatch | null {
  const [, batch] = JSON.parse(text.slice(1)) as [string, RecordBatch];
  const { records } = unpackBatch(batch.packed);
  return {
    session: batch.session,
    recNos: records.map((r) => r.recNo),
    times: records.map((r) => r.time),
  };
}

function sums(differences: number[]): number[] {
  let at = 0;
  return differences.map((d) => (at += d));
}

class Decoder extends SocketIoDecoder {
  override add(obj: unknown): void {
    const batch = typeof obj === 'string' ? countRecords(obj) : null;
    if (!batch) return super.add(obj);
    this.emitReserved('decoded', {
      type: PacketType.EVENT,
      nsp: '/',
      data: ['records', batch],
    });
  }
}

export const countingParser = { Encoder, Decoder };
