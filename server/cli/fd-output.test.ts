/**
 * FdOutput on a real pipe (a FIFO): chunks arrive whole and in order behind a reader slower than
 * the writer, a non-blocking descriptor hands what it could not write to the fallback stream, and
 * a pipe closed by its reader is an EPIPE error.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { FdOutput } from './fd-output.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-output-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let fifos = 0;
/** A FIFO's two ends: the reader as a paused socket, the writer's descriptor opened with `flags`. */
function pipe(flags: number): { reader: net.Socket; fd: number } {
  const fifo = path.join(dir, `fifo-${fifos++}`);
  execFileSync('mkfifo', [fifo]);
  const readFd = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  const fd = fs.openSync(fifo, fs.constants.O_WRONLY | flags);
  const reader = new net.Socket({ fd: readFd, readable: true, writable: false });
  reader.pause();
  return { reader, fd };
}

/** Chunk `i` of `size` bytes: its number and a running counter, so order and gaps both show. */
function chunk(i: number, size: number): Buffer {
  const b = Buffer.alloc(size);
  for (let at = 0; at + 4 <= size; at += 4) b.writeUInt32LE(i * size + at, at);
  return b;
}

/** Reads everything, a little at a time with pauses (slower than the writer). */
function slowly(reader: net.Socket): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    reader.on('data', (d: Buffer) => {
      parts.push(d);
      reader.pause();
      setTimeout(() => reader.resume(), 1);
    });
    reader.on('end', () => resolve(Buffer.concat(parts)));
    reader.on('error', reject);
    reader.resume();
  });
}

function collector(): { stream: Writable; bytes: () => Buffer } {
  const parts: Buffer[] = [];
  const stream = new Writable({
    write(c: Buffer, _e, done) {
      parts.push(Buffer.from(c));
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(parts) };
}

const CHUNKS = 40;
const SIZE = 256 * 1024;
const expected = Buffer.concat(Array.from({ length: CHUNKS }, (_, i) => chunk(i, SIZE)));

async function writeAll(out: FdOutput): Promise<void> {
  for (let i = 0; i < CHUNKS; i++)
    await new Promise<void>((resolve, reject) =>
      out.write(chunk(i, SIZE), (e) => (e ? reject(e) : resolve())),
    );
}

describe('FdOutput', () => {
  it('writes many chunks whole and in order to a reader slower than the writer', async () => {
    const { reader, fd } = pipe(0);
    const fallback = collector();
    const out = new FdOutput(fd, () => fallback.stream);
    const read = slowly(reader);
    // All handed on at once: the stream queues them and writes one at a time.
    const done = Promise.all(
      Array.from(
        { length: CHUNKS },
        (_, i) => new Promise<void>((r, j) => out.write(chunk(i, SIZE), (e) => (e ? j(e) : r()))),
      ),
    );
    await done;
    fs.closeSync(fd);
    const got = await read;
    expect(got.length).toBe(expected.length);
    expect(got.equals(expected)).toBe(true);
    expect(fallback.bytes().length).toBe(0);
  }, 60_000);

  it('hands the rest to the fallback once a non-blocking descriptor says EAGAIN', async () => {
    const { reader, fd } = pipe(fs.constants.O_NONBLOCK);
    const fallback = collector();
    const out = new FdOutput(fd, () => fallback.stream);
    // Nobody reads yet: the pipe fills during the first chunk (a partial write, then EAGAIN).
    await writeAll(out);
    fs.closeSync(fd);
    const inPipe = await slowly(reader);
    const rest = fallback.bytes();
    expect(inPipe.length).toBeGreaterThan(0);
    expect(inPipe.length).toBeLessThan(SIZE);
    expect(Buffer.concat([inPipe, rest]).equals(expected)).toBe(true);
  }, 60_000);

  it('reports EPIPE once the reader has closed the pipe', async () => {
    const { reader, fd } = pipe(0);
    reader.destroy();
    await new Promise((r) => reader.on('close', r));
    const out = new FdOutput(fd, () => collector().stream);
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => {
      out.on('error', resolve);
      out.write(chunk(0, SIZE));
    });
    fs.closeSync(fd);
    expect(error.code).toBe('EPIPE');
  }, 60_000);
});
