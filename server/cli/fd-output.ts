/**
 * Standard output for a batch job that computes while its output goes out: each chunk is written
 * with fs.write on libuv's thread pool, one write at a time and in order, so the job fills its next
 * buffer meanwhile. (process.stdout on a pipe or socket writes from the event loop, which a busy
 * job does not turn: computing and writing took turns.) Creating process.stdout makes a pipe's
 * descriptor non-blocking, so this is made instead of it; should the descriptor be non-blocking
 * anyway (handed over so), the first EAGAIN hands the rest to the stream `fallback` gives.
 */
import fs from 'node:fs';
import { Writable } from 'node:stream';

export class FdOutput extends Writable {
  readonly fd: number;
  readonly #fallback: () => Writable;
  #to: Writable | undefined;

  constructor(fd: number, fallback: () => Writable) {
    super({ decodeStrings: true });
    this.fd = fd;
    this.#fallback = fallback;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (e?: Error | null) => void) {
    if (this.#to) this.#to.write(chunk, done);
    else this.#writeFrom(chunk, 0, done);
  }

  #writeFrom(chunk: Buffer, at: number, done: (e?: Error | null) => void): void {
    fs.write(this.fd, chunk, at, chunk.length - at, null, (e, n) => {
      if (e?.code === 'EAGAIN') {
        this.#to = this.#fallback();
        this.#to.on('error', (problem) => this.destroy(problem));
        this.#to.write(chunk.subarray(at), done);
      } else if (e) done(e);
      else if (at + n < chunk.length) this.#writeFrom(chunk, at + n, done);
      else done();
    });
  }
}

/** Standard output as an FdOutput, falling back to process.stdout. */
export function standardOutput(): FdOutput {
  return new FdOutput(1, () => process.stdout);
}
