/** `analyze` on files written by the project's pcap writer: output keys, errors, several files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { writePcap } from '../../core/pcap/index.ts';
import { analyzeCommand } from './analyze-command.ts';
import { handshakeFrames, refusedFrames } from './testdata/handshake-frames.ts';
import { IP_PROTO, LINKTYPE } from '../../core/decode/index.ts';
import { evenSpecs, ipv4Fragments, udpDatagram } from '../../core/decode/testdata/fragments.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'analyze-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const code = await analyzeCommand(args, out, err);
  return {
    code,
    stdout,
    stderr,
    lines: stdout.startsWith('{')
      ? stdout
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l))
      : [],
  };
}

function file(name: string, bytes: Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

describe('packet-ladder analyze', () => {
  const good = file('hs.pcap', writePcap(handshakeFrames(), 1));

  it('prints one JSON object per packet with relative numbers, states and phases', async () => {
    const { code, lines, stderr } = await run([good]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lines.map((l) => [l.no, l.flags.join(','), l.seq, l.ack, l.len])).toEqual([
      [1, 'SYN', 0, undefined, 0],
      [2, 'SYN,ACK', 0, 1, 0],
      [3, 'ACK', 1, 1, 0],
      [4, 'PSH,ACK', 1, 1, 5],
    ]);
    expect(lines[0]).toMatchObject({
      time: 0,
      src: '10.0.0.1',
      dst: '10.0.0.2',
      proto: 'TCP',
      sport: 40000,
      dport: 80,
      stream: 0,
      seqRaw: 1000,
      options: { mss: 1460, wscale: 7 },
      states: { client: 'SYN_SENT', server: 'SYN_RECEIVED' },
      phase: 'setup',
    });
    expect(lines[1].time).toBeCloseTo(0.01, 6);
    expect(lines[3]).toMatchObject({ win: 502 * 128, nextSeq: 6, phase: 'data', analysis: [] });
    expect(lines[3].file).toBeUndefined();
  });

  it('prints the page’s sentence as explain on every packet, in English or Chinese', async () => {
    const en = await run([good]);
    expect(en.lines.every((l) => typeof l.explain === 'string' && l.explain.length > 20)).toBe(
      true,
    );
    expect(en.lines[0].explain).toMatch(/^The client asks to open a connection/);
    expect(en.lines[3].explain).toMatch(/^The client sends 5 bytes \(Seq 1 to 5\)/);
    const zh = await run(['--lang', 'zh-CN', good]);
    expect(zh.lines[0].explain).toMatch(/^客户端请求建立连接/);
    const bad = await run(['--lang', 'fr', good]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('packet-ladder analyze: --lang must be en or zh-CN, not "fr".\n');
  });

  it('prints states true in hindsight: a refused SYN says server CLOSED, marked corrected', async () => {
    const p = file('refused.pcap', writePcap(refusedFrames(), 1));
    const { code, lines } = await run([p]);
    expect(code).toBe(0);
    expect(lines.map((l) => [l.flags.join(','), l.states, l.corrected])).toEqual([
      ['SYN', { client: 'SYN_SENT', server: 'CLOSED' }, true],
      ['RST,ACK', { client: 'CLOSED', server: 'CLOSED' }, undefined],
    ]);
    expect(lines[0].explain).toMatch(/server CLOSED \(corrected/);
  });

  it('names the file, the byte offset and what is wrong for an unreadable file, and still prints the others', async () => {
    const bad = file('bad.pcap', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    const cut = file('cut.pcap', writePcap(handshakeFrames(), 1).subarray(0, 60));
    const { code, lines, stderr } = await run([bad, good, cut, path.join(dir, 'missing.pcap')]);
    expect(code).toBe(2);
    const errs = stderr.trim().split('\n');
    expect(errs).toHaveLength(3);
    expect(errs[0]).toMatch(new RegExp(`^${bad}: .*at byte 0`));
    expect(errs[1]).toMatch(new RegExp(`^${cut}: .*at byte \\d+`));
    expect(errs[2]).toBe(`${path.join(dir, 'missing.pcap')}: no such file`);
    expect(lines.filter((l) => l.file === good)).toHaveLength(4);
  });

  it('marks a malformed packet inside a good file and goes on', async () => {
    const frames = handshakeFrames();
    // Data offset 2 (< 5 words) in the third frame's TCP header.
    frames[2]!.data[14 + 20 + 12] = 0x20;
    const p = file('malformed.pcap', writePcap(frames, 1));
    const { code, lines } = await run([p]);
    expect(code).toBe(0);
    expect(lines).toHaveLength(4);
    expect(lines[2].malformed).toMatch(/offset|header/i);
  });

  it('prints a fragmented datagram once, on the fragment that completes it, and says which were left incomplete', async () => {
    const udp = udpDatagram(5353, 7000, 2000);
    const whole = ipv4Fragments(udp, IP_PROTO.UDP, 1, evenSpecs(udp.length, 1000));
    const missing = ipv4Fragments(udp, IP_PROTO.UDP, 2, evenSpecs(udp.length, 1000).slice(1));
    const frames = [...whole, ...missing].map((data, i) => ({ time: i * 1000, data }));
    const p = file('fragments.pcap', writePcap(frames, LINKTYPE.RAW));
    const { code, lines, stderr } = await run([p]);
    expect(code).toBe(0);
    expect(lines.map((l) => [l.proto, l.len, l.sport])).toEqual([
      ['IPv4', 1000, undefined],
      ['IPv4', 1000, undefined],
      ['UDP', 2000, 5353],
      ['IPv4', 1000, undefined],
      ['IPv4', 8, undefined],
    ]);
    expect(lines[2]).toMatchObject({ reassembled: { fragments: 3, bytes: 2008 } });
    expect(stderr).toBe(
      `${p}: IP fragments not reassembled: 1 still missing fragments at the end\n`,
    );
  });

  it('documents every key in --help and rejects bad flags in one line', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const key of [
      'no',
      'time',
      'src',
      'proto',
      'len',
      'sport',
      'stream',
      'flags',
      'seqRaw',
      'win',
      'options',
      'type',
      'inner',
      'malformed',
      'teach',
      'corrected',
      'explain',
    ]) {
      expect(help.stdout).toMatch(new RegExp(`\\b${key}\\b`));
    }
    expect(help.stdout).toContain('--lang L');
    const bad = await run(['--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect((await run([])).code).toBe(2);
    expect((await run(['--server-port', 'x', good])).code).toBe(2);
  });
});
