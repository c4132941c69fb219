/**
 * Where `analyze` reads a capture from: a regular file by name, or standard input when the name is
 * `-`. A FIFO, a character device or a socket given by name is refused with one line: opening one
 * can block forever (a FIFO with no writer) or never end (/dev/zero, /dev/urandom).
 */
import fs from 'node:fs';
import type { Writable } from 'node:stream';

/** What is wrong with reading `path` as a capture, or undefined when it may be opened. */
export function refuseSpecialFile(path: string): string | undefined {
  if (path === '-') return undefined;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch {
    return undefined; // openSync reports it (no such file, permission denied)
  }
  const kind = stat.isFIFO()
    ? 'a FIFO (named pipe)'
    : stat.isCharacterDevice()
      ? 'a character device'
      : stat.isSocket()
        ? 'a socket'
        : stat.isBlockDevice()
          ? 'a block device'
          : undefined;
  return kind && `is ${kind}, not a capture file (to read a stream, name - and pipe it in)`;
}

/** The descriptor to read: standard input for `-`, else the file opened for reading. */
export function openCaptureInput(path: string): number {
  return path === '-' ? 0 : fs.openSync(path, 'r');
}

/**
 * fs.readSync that waits instead of failing when standard input is a non-blocking pipe (EAGAIN):
 * a shell pipe is blocking, but a parent may hand over a non-blocking one.
 */
export function readInput(fd: number, buffer: Uint8Array): number {
  for (;;) {
    try {
      return fs.readSync(fd, buffer, 0, buffer.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

/**
 * Once standard output is closed by its reader (`analyze x | head -1`), exit quietly: the reader
 * has what it wanted, and a stack trace about EPIPE would only confuse.
 */
export function exitQuietlyOnEpipe(stream: Writable): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    process.stderr.write(`packet-ladder: cannot write the output: ${e.message}\n`);
    process.exit(1);
  });
}
