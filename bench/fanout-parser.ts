/**
 * The socket.io parser of the fan-out benchmark's viewers: socket.io's own, except that a
 * `records` event is read for what the benchmark counts (each record's number and tap time) with
 * two scans of the text instead of a full JSON.parse. 200 viewers share the benchmark's machine
 * (on a real class each has its own), so parsing every record 200 times would measure the viewers,
 * not the server. Every byte still arrives through a real socket.io connection; a batch whose
 * numbers and times do not pair up is parsed whole.
 */
import { Decoder as SocketIoDecoder, Encoder, PacketType } from 'socket.io-parser';

/** What a viewer reads of one `records` batch: each record's number and tap time (µs). */
export interface CountedBatch {
  session: string;
  recNos: number[];
  times: number[];
}

const HEAD = `${PacketType.EVENT}["records",{"session":`;
const RECORDS = ',"records":[';
const SUMMARIES = '],"summaries":';
const TIME = '"time":';
const REC_NO = '"recNo":';

/** The batch's session and records, or null when the text is not laid out as the hub sends it. */
export function countRecords(text: string): CountedBatch | null {
  if (!text.startsWith(HEAD)) return null;
  const open = text.indexOf(RECORDS, HEAD.length);
  const close = text.lastIndexOf(SUMMARIES);
  if (open < 0 || close < open) return null;
  const session = JSON.parse(text.slice(HEAD.length, open)) as unknown;
  if (typeof session !== 'string') return null;
  const times = numbersAfter(text, TIME, open, close);
  const recNos = numbersAfter(text, REC_NO, open, close);
  if (!times || !recNos || times.length !== recNos.length) return null;
  return { session, recNos, times };
}

/** The whole numbers following each `key` in text[from, to), or null if one is not a number. */
function numbersAfter(text: string, key: string, from: number, to: number): number[] | null {
  const out: number[] = [];
  for (let at = text.indexOf(key, from); at >= 0 && at < to; at = text.indexOf(key, at)) {
    at += key.length;
    let n = 0;
    const start = at;
    for (let c = text.charCodeAt(at); c >= 48 && c <= 57; c = text.charCodeAt(++at))
      n = n * 10 + c - 48;
    if (at === start) return null;
    out.push(n);
  }
  return out;
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
