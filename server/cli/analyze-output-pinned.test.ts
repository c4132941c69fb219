/**
 * Pins `analyze`'s output byte for byte on a set of captures (synthetic exchanges with every
 * analysis flag, real loopback captures, and seeded traffic of many interleaved conversations), so
 * work on the speed of the analyze path cannot change a single character of what it prints.
 * When the output is meant to change, PIN_PRINT=<file> appends the new digests to that file.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePcap } from '../../bench/decode-generate.ts';
import {
  flagScenarios,
  numberScenarios,
  streamScenarios,
} from '../../core/analysis/testdata/scenarios.ts';
import { writePcap } from '../../core/analysis/testdata/write-pcap.ts';
import {
  LOOPBACK_TCP_ECHO,
  LOOPBACK_TCP_ECHO_IPV6,
  LOOPBACK_UDP_CLOSED_PORT,
} from '../../core/ingest/testdata/loopback-captures.ts';
import { analyzeCommand } from './analyze-command.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'analyze-pinned-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

/** Digest of what analyze prints, with this run's temporary folder taken out of `file` keys. */
async function digest(args: string[]): Promise<{ sha256: string; lines: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (d: Buffer) => chunks.push(d));
  const code = await analyzeCommand(args, out, new PassThrough());
  expect(code).toBe(0);
  const text = Buffer.concat(chunks).toString('utf8').replaceAll(`${dir}${path.sep}`, '');
  return {
    sha256: createHash('sha256').update(text).digest('hex'),
    lines: text.split('\n').length - 1,
  };
}

const scenarios = [...flagScenarios, ...numberScenarios, ...streamScenarios];
const exchanges = scenarios.map((s, i) => file(`scenario-${i}.pcap`, writePcap(s.packets)));
const loopback = [
  file('echo.pcap', LOOPBACK_TCP_ECHO),
  file('echo6.pcap', LOOPBACK_TCP_ECHO_IPV6),
  file('udp-closed.pcap', LOOPBACK_UDP_CLOSED_PORT),
];
const mixed = path.join(dir, 'mixed.pcap');
const echo = path.join(dir, 'echo-class.pcap');
generatePcap(mixed, 20_000, 7, 'mixed');
generatePcap(echo, 20_000, 8, 'echo');

const PINNED: [name: string, args: string[], sha256: string, lines: number][] = [
  [
    'synthetic exchanges, several files',
    [...exchanges],
    '0ff815249e7b692ba38bec8f2dfdd8b7266fd24b0aaea0912fbab0e4b86d289f',
    106,
  ],
  [
    'synthetic exchanges in Chinese',
    ['--lang', 'zh-CN', ...exchanges],
    'ade0fcd9f8eac5e8ae7c2863bfffe3202bcedf19b67f54dc2cb3dac097818976',
    106,
  ],
  [
    'real loopback captures',
    [...loopback],
    '8db977d376a6e14326d91a0e170aa0b1423b99445232a0f14bcbee21308ac2d1',
    22,
  ],
  [
    'interleaved web-like traffic with UDP',
    [mixed],
    '9edb3ad3f151ffac7d11424435a11b3052b08aee5d66bc6e67a5b4c7d2d055a6',
    20000,
  ],
  [
    'a class at the echo endpoint, in Chinese',
    ['--lang', 'zh-CN', echo],
    '3bb264c647a9aa83b31a895751f793ce24f29a9c0fa9e888b97e96f374089a41',
    20000,
  ],
  [
    'a server port given',
    ['--server-port', '8080', echo],
    '983bb4ec1db3fb4c7c198385b982891b4962d3d6957be5fd65da835020b7769e',
    20000,
  ],
];

describe('analyze output is pinned', () => {
  for (const [name, args, sha256, lines] of PINNED) {
    it(name, async () => {
      const got = await digest(args);
      const print = process.env.PIN_PRINT;
      if (print) fs.appendFileSync(print, `${JSON.stringify([name, got.sha256, got.lines])}\n`);
      expect(got).toEqual({ sha256, lines });
    });
  }
});
