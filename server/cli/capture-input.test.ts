/**
 * `analyze` as a shell user runs it, in a real process: `-` reads standard input, a FIFO or a
 * device named as FILE is refused at once with one line, and a reader that closes the pipe early
 * (`| head -1`) ends it quietly. Output over many write buffers is the same through a slow pipe,
 * into a file and into a stream in the same process.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { writePcap } from '../../core/pcap/index.ts';
import { handshakeFrames } from './testdata/handshake-frames.ts';
import { analyzeCommand } from './analyze-command.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/packet-ladder.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capture-input-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `copies` of the handshake, a second apart: 600 make about a megabyte of output. */
function handshakes(name: string, copies: number): string {
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    writePcap(
      Array.from({ length: copies }, (_, i) =>
        handshakeFrames().map((f) => ({ ...f, time: f.time + i * 1_000_000 })),
      ).flat(),
      1,
    ),
  );
  return file;
}
const many = handshakes('many.pcap', 600);

function analyze(args: string[], stdin?: string) {
  return spawnSync(process.execPath, [BIN, 'analyze', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    ...(stdin !== undefined && { input: fs.readFileSync(stdin) }),
  });
}

describe('analyze inputs', () => {
  it('reads standard input when the file is -, with the same output as the file', () => {
    const byName = analyze([many]);
    const piped = analyze(['-'], many);
    expect(byName.status).toBe(0);
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe('');
    expect(piped.stdout.split('\n').length).toBeGreaterThan(2000);
    expect(piped.stdout).toBe(byName.stdout);
  }, 120_000);

  it('refuses a FIFO with one line instead of waiting for a writer', () => {
    const fifo = path.join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = analyze([fifo]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${fifo}: is a FIFO (named pipe), not a capture file (to read a stream, name - and pipe it in)\n`,
    );
  }, 60_000);

  it('refuses a character device such as /dev/zero', () => {
    const r = analyze(['/dev/zero']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      '/dev/zero: is a character device, not a capture file (to read a stream, name - and pipe it in)',
    ]);
  }, 60_000);

  it('ends quietly when the reader closes the pipe after the first line', async () => {
    const child = spawn(process.execPath, [BIN, 'analyze', many], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const first = await new Promise<string>((resolve) => {
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        text += d;
        if (text.includes('\n')) {
          child.stdout.destroy(); // what `head -1` does once it has its line
          resolve(text.slice(0, text.indexOf('\n')));
        }
      });
    });
    expect(JSON.parse(first).no).toBe(1);
    const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);

  it('prints the same bytes through a slow pipe, into a file and into a stream', async () => {
    const big = handshakes('big.pcap', 4000); // ~7 MB: several write buffers, each used again
    const child = spawn(process.execPath, [BIN, 'analyze', big], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const parts: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => {
      parts.push(d);
      child.stdout.pause(); // a reader slower than the writer
      setTimeout(() => child.stdout.resume(), 1);
    });
    const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    expect(code).toBe(0);
    const piped = Buffer.concat(parts);

    const intoFile = path.join(dir, 'big.jsonl');
    const fd = fs.openSync(intoFile, 'w');
    const file = spawnSync(process.execPath, [BIN, 'analyze', big], {
      cwd: ROOT,
      stdio: ['ignore', fd, 'pipe'],
      timeout: 60_000,
    });
    fs.closeSync(fd);
    expect(file.status).toBe(0);

    const stream = new PassThrough();
    const streamed: Buffer[] = [];
    stream.on('data', (d: Buffer) => streamed.push(d));
    expect(await analyzeCommand([big], stream, new PassThrough())).toBe(0);

    const inFile = fs.readFileSync(intoFile);
    expect(piped.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(piped.equals(inFile)).toBe(true);
    expect(piped.equals(Buffer.concat(streamed))).toBe(true);
  }, 120_000);
});
