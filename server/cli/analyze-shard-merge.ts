/**
 * The main thread's half of a sharded `analyze`: puts the lines the analysis threads send back in
 * packet order, gives each stream its number in the whole file (a thread numbers only its own
 * streams; streams are numbered in order of their first packet, so the first line of each one in
 * the merged order takes the next number), and writes them out in big buffers.
 *
 * A thread's line is final once sent, but it is exact only if no thread had to stop for tracking
 * where its analysis might stop being exact before the sender had read that far (see ShardGuard): a message is
 * merged only once every other thread has read as far as its sender had.
 */
import type { Writable } from 'node:stream';
import { STREAM_UDP, type ShardMessage } from './analyze-shard-messages.ts';

type Lines = Extract<ShardMessage, { type: 'lines' }>;

interface Queued {
  message: Lines;
  bytes: Buffer;
  /** Next line to merge, and where it starts. */
  line: number;
  at: number;
}

const STREAM_KEY = Buffer.from(',"stream":');
const NEWLINE = 0x0a;
const ZERO = 0x30;
const NINE = 0x39;

/** Where merged lines go: big buffers, each one write; `blocked` once the stream asks to wait. */
class LineSink {
  readonly #out: Writable;
  readonly #size: number;
  readonly #reusable: boolean;
  #buf: Buffer;
  #at = 0;
  #handed: Buffer | undefined;
  blocked = false;

  constructor(out: Writable, size: number) {
    this.#out = out;
    this.#size = size;
    this.#buf = Buffer.allocUnsafe(size);
    // As analyze's one-thread writer: a file descriptor's stream is done with a buffer once
    // nothing is queued, so the one handed on before can be used again.
    this.#reusable = typeof (out as { fd?: unknown }).fd === 'number';
  }

  /** Room for `n` bytes (handing on what is written when they do not fit). */
  room(n: number): void {
    if (this.#at + n <= this.#buf.length) return;
    this.flush();
    if (n > this.#buf.length) this.#buf = Buffer.allocUnsafe(n);
  }

  put(from: Buffer, start: number, end: number): void {
    from.copy(this.#buf, this.#at, start, end);
    this.#at += end - start;
  }

  /** A non-negative integer's digits (room for 16 bytes must have been made). */
  digits(n: number): void {
    const text = String(n);
    this.#at += this.#buf.write(text, this.#at, 'latin1');
  }

  flush(): void {
    if (this.#at === 0) return;
    const free = this.#reusable && this.#out.writableLength === 0 ? this.#handed : undefined;
    const full = this.#buf;
    this.#handed = full;
    if (!this.#out.write(full.subarray(0, this.#at))) this.blocked = true;
    this.#buf = free ?? Buffer.allocUnsafe(this.#size);
    this.#at = 0;
  }
}

export class ShardMerge {
  readonly #queues: Queued[][];
  /** Packets each thread had read when it last wrote (Infinity once it is done). */
  readonly #read: number[];
  /** Per thread, TCP then UDP: the file's number of each of the thread's own streams (-1 unseen). */
  readonly #streams: Int32Array[][];
  readonly #nextStream = [0, 0];
  readonly #sink: LineSink;
  readonly #recycle: (shard: number, buffer: ArrayBuffer) => void;
  /** Number of the next packet to print. */
  #next = 1;

  constructor(
    shards: number,
    out: Writable,
    bufferSize: number,
    recycle: (shard: number, buffer: ArrayBuffer) => void,
  ) {
    this.#queues = Array.from({ length: shards }, () => []);
    this.#read = new Array<number>(shards).fill(0);
    this.#streams = Array.from({ length: shards }, () => [
      new Int32Array(1024).fill(-1),
      new Int32Array(1024).fill(-1),
    ]);
    this.#sink = new LineSink(out, bufferSize);
    this.#recycle = recycle;
  }

  /** Lines printed so far. */
  get printed(): number {
    return this.#next - 1;
  }

  /** Whether the output stream asked to wait ('drain' clears it: call `resume`). */
  get blocked(): boolean {
    return this.#sink.blocked;
  }

  resume(): void {
    this.#sink.blocked = false;
  }

  lines(shard: number, message: Lines): void {
    const bytes = Buffer.from(message.buffer, 0, message.length);
    this.#queues[shard]!.push({ message, bytes, line: 0, at: 0 });
    this.read(shard, message.upTo);
  }

  read(shard: number, upTo: number): void {
    this.#read[shard] = Math.max(this.#read[shard]!, upTo);
  }

  /** The thread has sent all its lines. */
  finished(shard: number): void {
    this.#read[shard] = Infinity;
  }

  /** Whether every thread sent every line and all are printed. */
  get complete(): boolean {
    return this.#read.every((r) => r === Infinity) && this.#queues.every((q) => q.length === 0);
  }

  /** Merges what can be merged now; stops early while the output stream asks to wait. */
  pump(): void {
    const queues = this.#queues;
    const least = () => Math.min(...this.#read);
    let safe = least();
    while (!this.#sink.blocked) {
      let shard = -1;
      for (let s = 0; s < queues.length; s++) {
        const head = queues[s]![0];
        if (head && head.message.nos[head.line] === this.#next) {
          shard = s;
          break;
        }
      }
      if (shard === -1) break;
      const head = queues[shard]![0]!;
      if (head.message.upTo > safe) {
        safe = least();
        if (head.message.upTo > safe) break;
      }
      this.#take(shard, head);
      if (head.line === head.message.nos.length) {
        queues[shard]!.shift();
        this.#recycle(shard, head.message.buffer);
      }
    }
    if (this.complete) this.#sink.flush();
  }

  /** Hands on every merged line now. */
  flush(): void {
    this.#sink.flush();
  }

  /** Copies the head's lines while they are the next ones. */
  #take(shard: number, head: Queued): void {
    const { nos, streams } = head.message;
    const bytes = head.bytes;
    const sink = this.#sink;
    let at = head.at;
    let line = head.line;
    for (; line < nos.length && nos[line] === this.#next; line++, this.#next++) {
      const end = bytes.indexOf(NEWLINE, at) + 1;
      const code = streams[line]!;
      sink.room(end - at + 16);
      if (code === 0) sink.put(bytes, at, end);
      else {
        // The thread's own stream number, after the key, becomes the file's.
        const digits = bytes.indexOf(STREAM_KEY, at) + STREAM_KEY.length;
        let after = digits;
        while (bytes[after]! >= ZERO && bytes[after]! <= NINE) after++;
        sink.put(bytes, at, digits);
        sink.digits(this.#stream(shard, code));
        sink.put(bytes, after, end);
      }
      at = end;
    }
    head.at = at;
    head.line = line;
  }

  #stream(shard: number, code: number): number {
    const kind = code & STREAM_UDP ? 1 : 0;
    const own = (code & ~STREAM_UDP) - 1;
    let map = this.#streams[shard]![kind]!;
    if (own >= map.length) {
      const grown = new Int32Array(Math.max(2 * map.length, own + 1)).fill(-1);
      grown.set(map);
      map = this.#streams[shard]![kind] = grown;
    }
    if (map[own] === -1) map[own] = this.#nextStream[kind]!++;
    return map[own]!;
  }
}
