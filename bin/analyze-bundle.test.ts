/**
 * `analyze` loaded as one bundle: made on the first run, used as it is while its sources are
 * unchanged, made again when one of them changed, and printing what the sources print.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, expect, it } from 'vitest';
import { generatePcap } from '../bench/decode-generate.ts';
import { writePcap } from '../core/pcap/index.ts';
import { analyzeCommand } from '../server/cli/analyze-command.ts';
import { handshakeFrames } from '../server/cli/testdata/handshake-frames.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/packet-ladder.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'analyze-bundle-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const capture = path.join(tmp, 'handshake.pcap');
fs.writeFileSync(capture, writePcap(handshakeFrames(), 1));

/** The CLI in a real process, with its own temporary directory (so its own bundle cache). */
function analyzeCli(file = capture, stdout: 'pipe' | number = 'pipe'): string {
  const run = spawnSync(process.execPath, [BIN, 'analyze', file], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 2 ** 20,
    stdio: ['ignore', stdout, 'pipe'],
    env: { ...process.env, TMPDIR: tmp },
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

async function analyzeInProcess(file: string): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  expect(await analyzeCommand([file], out, new PassThrough())).toBe(0);
  return text;
}

function cacheFile(ext: string): string {
  const dir = fs.readdirSync(tmp).find((d) => d.startsWith('packet-ladder-'));
  expect(dir).toBeDefined();
  const name = fs.readdirSync(path.join(tmp, dir!)).find((f) => f.endsWith(ext));
  expect(name).toBeDefined();
  return path.join(tmp, dir!, name!);
}

it('prints what the sources print, and makes the bundle again only when a source changed', async () => {
  const expected = await analyzeInProcess(capture);
  expect(expected.split('\n').length).toBeGreaterThan(3);

  expect(analyzeCli()).toBe(expected);
  const bundle = cacheFile('.cjs');
  const inputs = cacheFile('.json');
  const stamps = JSON.parse(fs.readFileSync(inputs, 'utf8')) as Record<string, string>;
  expect(Object.keys(stamps)).toContain('server/cli/analyze-command.ts');
  expect(Object.keys(stamps)).toContain('core/report/packet-json-line.ts');

  // Unchanged sources: the same bundle is loaded (marked here so a rebuild would show).
  fs.appendFileSync(bundle, '\n// kept\n');
  expect(analyzeCli()).toBe(expected);
  expect(fs.readFileSync(bundle, 'utf8')).toContain('// kept');

  // A source whose size or time differs from the one the bundle was made from: made again.
  stamps['core/report/packet-json-line.ts'] = '0:0';
  fs.writeFileSync(inputs, JSON.stringify(stamps));
  expect(analyzeCli()).toBe(expected);
  expect(fs.readFileSync(bundle, 'utf8')).not.toContain('// kept');
});

it('prints megabytes the same into a pipe and into a file as in process (its output buffers used in turn)', async () => {
  const big = path.join(tmp, 'echo.pcap');
  generatePcap(big, 20_000, 3, 'echo');
  const expected = await analyzeInProcess(big);
  expect(expected.length).toBeGreaterThan(8 * 2 ** 20);
  expect(analyzeCli(big)).toBe(expected);
  const fd = fs.openSync(path.join(tmp, 'out.jsonl'), 'w');
  try {
    analyzeCli(big, fd);
  } finally {
    fs.closeSync(fd);
  }
  expect(fs.readFileSync(path.join(tmp, 'out.jsonl'), 'utf8')).toBe(expected);
});
