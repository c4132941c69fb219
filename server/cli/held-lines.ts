/**
 * The lines `analyze` holds back while a later packet may still correct one of them, in order.
 * Only a pure SYN's line can change (see core/analysis/hindsight.ts). Every packet is written to
 * bytes at once and waits as bytes, a SYN's line too, in place among the others; a SYN's record is
 * kept besides, to write its line again if it is corrected. Released lines go out as one piece of
 * the waiting bytes, cut only around corrected SYNs (records held as objects outlived the young
 * generation and filled the old one; a copy and a view per SYN at release cost 7 % of the time).
 */
import type { PacketAnalysis } from '../../core/analysis/packet-analysis.ts';
import { ACK_BIT, SYN_BIT, tcpFlagBits } from '../../core/decode/tcp-flag-bits.ts';
import type { PacketRecord } from '../../core/records.ts';
import { JsonLineBuffer } from '../../core/report/json-line-buffer.ts';

/** Writes one packet's line (with its newline). */
export type WriteLine = (to: JsonLineBuffer, record: PacketRecord) => void;

/** Whether a later packet may still correct this packet's line: a SYN without ACK. */
function mayChange(r: PacketRecord): boolean {
  const f = r.tcp?.flags;
  return f !== undefined && (tcpFlagBits(f) & (SYN_BIT | ACK_BIT)) === SYN_BIT;
}

/** Waiting bytes are moved to the front once this many are printed (and half the store). */
const COMPACT_BYTES = 256 * 1024;

export class HeldLines {
  readonly #out: JsonLineBuffer;
  readonly #write: WriteLine;
  /** Lines of held packets, SYNs' lines (as first written) included. */
  readonly #wait = new JsonLineBuffer(new Uint8Array(64 * 1024));
  /** Held SYNs from `#head` on: their records, where their lines start and end in `#wait`, and
   * their corrections (undefined while none came). */
  #records: PacketRecord[] = [];
  #starts: number[] = [];
  #ends: number[] = [];
  #fixes: (PacketAnalysis | undefined)[] = [];
  #head = 0;
  /** Bytes of `#wait` already printed. */
  #printed = 0;
  /** Number of the oldest held packet, and how many are held (numbers are consecutive). */
  #first = 0;
  #count = 0;

  readonly #keep: (record: PacketRecord) => PacketRecord;

  /** `keep` makes a SYN's record one of its own to keep (a copy, when the caller reuses records;
   * its `analysis` is not read again: a correction replaces it). */
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
    const syn = mayChange(record);
    if (this.#count === 0) {
      this.#first = record.no;
      if (!syn) {
        // Nothing held before it and nothing can change it: straight out.
        this.#write(this.#out, record);
        this.#first++;
        return;
      }
    }
    this.#count++;
    const wait = this.#wait;
    if (syn) {
      this.#starts.push(wait.length);
      this.#write(wait, record);
      this.#ends.push(wait.length);
      this.#records.push(this.#keep(record));
      this.#fixes.push(undefined);
    } else this.#write(wait, record);
  }

  /** Replaces the analysis of the held packet numbered `no` (if it is still held). */
  correct(no: number, analysis: PacketAnalysis): void {
    const records = this.#records;
    for (let i = this.#head; i < records.length; i++) {
      if (records[i]!.no !== no) continue;
      this.#fixes[i] = analysis;
      return;
    }
  }

  /** Prints the `n` oldest held packets. */
  release(n: number): void {
    if (n <= 0) return;
    const first = this.#first;
    const wait = this.#wait;
    const records = this.#records;
    let pos = this.#printed;
    // The SYNs among them: corrected ones written again, the bytes between them as they are.
    let i = this.#head;
    let last = -1;
    for (; i < records.length && records[i]!.no - first < n; i++) {
      const fix = this.#fixes[i];
      if (fix !== undefined) {
        if (this.#starts[i]! > pos) this.#out.lines(wait.view(pos, this.#starts[i]!));
        const r = records[i]!;
        r.analysis = fix;
        this.#write(this.#out, r);
        pos = this.#ends[i]!;
        this.#fixes[i] = undefined;
      }
      last = i;
    }
    // Then the lines up to the n-th packet.
    let end: number;
    if (n === this.#count) end = wait.length;
    else if (i < records.length && records[i]!.no - first === n) end = this.#starts[i]!;
    else {
      let left = n;
      end = this.#printed;
      if (last !== -1) {
        left -= records[last]!.no - first + 1;
        end = this.#ends[last]!;
      }
      for (; left > 0; left--) end = wait.lineEnd(end);
    }
    if (end > pos) this.#out.lines(wait.view(pos, end));
    this.#head = i;
    this.#first += n;
    this.#count -= n;
    this.#printed = end;
    if (this.#count === 0) {
      wait.drop(wait.length);
      this.#printed = 0;
      this.#forget(0);
    } else if (end >= COMPACT_BYTES && 2 * end >= wait.length) {
      wait.drop(end);
      this.#printed = 0;
      this.#forget(end);
    }
  }

  /** Forgets the released SYNs; the places of the others move back by `bytes`. */
  #forget(bytes: number): void {
    const head = this.#head;
    for (const list of [this.#records, this.#fixes, this.#starts, this.#ends]) list.splice(0, head);
    this.#head = 0;
    if (bytes === 0) return;
    for (let k = 0; k < this.#starts.length; k++) {
      this.#starts[k] = this.#starts[k]! - bytes;
      this.#ends[k] = this.#ends[k]! - bytes;
    }
  }
}
