/**
 * `analyze` on several threads prints exactly what one thread prints: same lines, same order,
 * same stream numbers and corrections, on generated traffic and on the cases sharding must not
 * get wrong (fragments, ICMP errors, a reused port, SYNs corrected later, more flows than the
 * analyzer keeps, a damaged file, several files).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { generatePcap } from '../../bench/decode-generate.ts';
import { analyzeCommand } from './analyze-command.ts';
import { runShards, threadChoice, THREADS_ENV } from './analyze-shards.ts';
import { edgeCaseCapture, manyFlowsCapture } from './testdata/shard-captures.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'analyze-shards-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const saved = process.env[THREADS_ENV];
afterEach(() => {
  if (saved === undefined) delete process.env[THREADS_ENV];
  else process.env[THREADS_ENV] = saved;
});

async function analyze(threads: number, args: string[]) {
  process.env[THREADS_ENV] = String(threads);
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: Buffer[] = [];
  let stderr = '';
  out.on('data', (d: Buffer) => chunks.push(d));
  err.on('data', (d) => (stderr += d));
  const code = await analyzeCommand(args, out, err);
  return { code, stdout: Buffer.concat(chunks), stderr };
}

function write(name: string, bytes: Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

/** Runs one thread and `threads` threads on the same arguments; returns the one-thread run. */
async function expectSameOutput(args: string[], threads = 2) {
  const one = await analyze(1, args);
  const many = await analyze(threads, args);
  expect(many.code).toBe(one.code);
  expect(many.stderr).toBe(one.stderr);
  expect(many.stdout.length).toBe(one.stdout.length);
  expect(many.stdout.equals(one.stdout)).toBe(true);
  return one;
}

describe('analyze on threads', () => {
  it('prints the one-thread output for echo conversations, on 2 and 3 threads', async () => {
    const file = path.join(dir, 'echo.pcap');
    generatePcap(file, 20_000, 3, 'echo');
    const one = await expectSameOutput([file]);
    expect(one.stdout.toString().split('\n').length).toBe(20_001);
    await expectSameOutput([file], 3);
  });

  it('prints the one-thread output for longer exchanges with UDP among them', async () => {
    const file = path.join(dir, 'mixed.pcap');
    generatePcap(file, 15_000, 4, 'mixed');
    await expectSameOutput([file]);
  });

  it('keeps fragments, ICMP errors, a reused port and corrected SYNs as one thread has them', async () => {
    const file = write('edge.pcap', edgeCaseCapture());
    const { stdout } = await expectSameOutput([file]);
    const lines = stdout
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    // What the capture is for is really in it.
    expect(lines.some((l) => l.reassembled && l.proto === 'UDP')).toBe(true);
    expect(lines.some((l) => l.reassembled && l.proto === 'TCP')).toBe(true);
    expect(lines.filter((l) => l.proto === 'ICMP' && l.inner).length).toBe(2);
    expect(lines.some((l) => l.corrected)).toBe(true);
    const reused = lines.filter((l) => l.sport === 50000 && l.flags?.join() === 'SYN');
    expect(new Set(reused.map((l) => l.stream)).size).toBe(2);
    await expectSameOutput([file], 3);
  });

  it('finishes on one thread, exactly, once a thread could disagree with it', async () => {
    for (const forgets of ['thread', 'one'] as const) {
      const file = write(`many-${forgets}.pcap`, manyFlowsCapture(forgets));
      const { stdout } = await expectSameOutput([file]);
      const last = JSON.parse(stdout.toString().trim().split('\n').at(-1)!);
      // The last packet's flow: kept by the one-thread run, or forgotten (a new stream).
      expect(last.stream).toBe(forgets === 'thread' ? 0 : 1);
    }
  });

  it('names the file in every line and prints a damaged file up to the damage', async () => {
    const a = path.join(dir, 'a.pcap');
    generatePcap(a, 3_000, 5, 'echo');
    const whole = fs.readFileSync(a);
    const cut = write('cut.pcap', whole.subarray(0, whole.length - 30));
    const one = await expectSameOutput([a, cut]);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/^.*cut\.pcap: truncated/m);
  });

  it('reports a thread that fails in one line instead of hanging', async () => {
    const file = path.join(dir, 'fail.pcap');
    generatePcap(file, 1_000, 6, 'echo');
    const out = new PassThrough().resume();
    const run = await runShards(
      { path: file, label: undefined, serverPorts: [], lang: 'en' },
      2,
      out,
      'throw new Error("no memory left")',
    );
    expect(run).toEqual({ problem: 'an analysis thread failed: no memory left' });
  });

  it('reads the number of threads from the environment, refusing nonsense', () => {
    expect(threadChoice({ [THREADS_ENV]: '3' })).toBe(3);
    expect(threadChoice({})).toBe(1);
    expect(threadChoice({ [THREADS_ENV]: 'two' })).toMatch(/must be a number of threads/);
    expect(threadChoice({ [THREADS_ENV]: '0' })).toMatch(/from 1 to 8/);
  });

  it('ends quietly when the reader of its output has had enough (analyze | head -1)', async () => {
    const file = path.join(dir, 'head.pcap');
    generatePcap(file, 20_000, 8, 'echo');
    const bin = path.resolve(import.meta.dirname, '../../bin/packet-ladder.js');
    const child = spawn(process.execPath, [bin, 'analyze', file], {
      env: { ...process.env, [THREADS_ENV]: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((r) => child.on('close', r));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
