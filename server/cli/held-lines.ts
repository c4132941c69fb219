/**
 * The lines `analyze` holds back while a later packet may still correct one of them, in order.
 * Only a pure SYN's line can change (see core/analysis/hindsight.ts), so only those records are
 * kept as objects; every other packet is written to bytes at once and waits as bytes (records
 * held as objects outlived the young generation and filled the old one).
 */
import type { PacketAnalysis } from '../../core/analysis/packet-analysis.ts';
import type { PacketRecord } from '../../core/records.ts';
import { JsonLineBuffer } from '../../core/report/json-line-buffer.ts';

/** Writes one packet's line (with its newline). */
export type WriteLine = (to: JsonLineBuffer, record: PacketRecord) => void;

/** Whether a later packet may still correct this packet's line: a SYN without ACK. */
function mayChange(r: PacketRecord): boolean {
  const f = r.tcp?.flags;
  return f !== undefined && f.includes('SYN') && !f.includes('ACK');
}

/** Waiting bytes are moved to the front once this many are printed (and half the store). */
const COMPACT_BYTES = 256 * 1024;

export class HeldLines {
  readonly #out: JsonLineBuffer;
  readonly #write: WriteLine;
  /** Lines of held packets, without those of `#records` (their places are in `#places`). */
  readonly #wait = new JsonLineBuffer(new Uint8Array(64 * 1024));
  #records: PacketRecord[] = [];
  #places: number[] = [];
  /** Bytes of `#wait` already printed. */
  #printed = 0;
  /** Number of the oldest held packet, and how many are held (numbers are consecutive). */
  #first = 0;
  #count = 0;

  readonly #keep: (record: PacketRecord) => PacketRecord;

  /** `keep` makes a record held as an object one of its own (a copy, when the caller reuses records). */
  constructor(out: JsonLineBuffer, write: WriteLine, keep = (record: PacketRecord) => record) {
    this.#out = out;
    this.#write = write;
    this.#keep = keep;
  }

  /** Packets held. */
  get count(): number {
    return this.#count;
  }

  /** Number of the oldest held packet (meaningful while `count` > 0). */
  get first(): number {
    return this.#first;
  }

  /** The next packet, numbered one past the last one added. */
  add(record: PacketRecord): void {
    if (this.#count === 0) {
      this.#first = record.no;
      if (!mayChange(record)) {
        // Nothing held before it and nothing can change it: straight out.
        this.#write(this.#out, record);
        this.#first++;
        return;
      }
    }
    this.#count++;
    if (mayChange(record)) {
      this.#records.push(this.#keep(record));
      this.#places.push(this.#wait.length);
    } else this.#write(this.#wait, record);
  }

  /** Replaces the analysis of the held packet numbered `no` (if it is still held). */
  correct(no: number, analysis: PacketAnalysis): void {
    const i = this.#records.findIndex((r) => r.no === no);
    if (i !== -1) this.#records[i]!.analysis = analysis;
  }

  /** Prints the `n` oldest held packets. */
  release(n: number): void {
    if (n <= 0) return;
    const first = this.#first;
    const wait = this.#wait;
    let pos = this.#printed;
    let i = 0;
    for (; i < this.#records.length && this.#records[i]!.no - first < n; i++) {
      this.#out.lines(wait.view(pos, this.#places[i]!));
      this.#write(this.#out, this.#records[i]!);
      pos = this.#places[i]!;
    }
    // Then the lines up to the n-th packet.
    let left = n - (i ? this.#records[i - 1]!.no - first + 1 : 0);
    let end = pos;
    if (left > 0) {
      if (i < this.#records.length && this.#records[i]!.no - first === n) end = this.#places[i]!;
      else if (n === this.#count) end = wait.length;
      else for (; left > 0; left--) end = wait.lineEnd(end);
      this.#out.lines(wait.view(pos, end));
    }
    this.#records = i ? this.#records.slice(i) : this.#records;
    this.#places = i ? this.#places.slice(i) : this.#places;
    this.#first += n;
    this.#count -= n;
    this.#printed = end;
    if (this.#count === 0) {
      wait.drop(wait.length);
      this.#printed = 0;
    } else if (end >= COMPACT_BYTES && 2 * end >= wait.length) {
      wait.drop(end);
      for (let k = 0; k < this.#places.length; k++) this.#places[k] = this.#places[k]! - end;
      this.#printed = 0;
    }
  }
}
