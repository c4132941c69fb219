/** The scenario command end to end: flags, output formats, exit codes (real sockets on loopback). */
import net from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenarioCommand } from './scenario-command.ts';

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return Object.assign(w, { text: () => chunks.join('') });
}

async function cli(...argv: string[]) {
  const out = sink();
  const err = sink();
  const code = await runScenarioCommand(argv, out, err);
  return { code, out: out.text(), err: err.text() };
}

/** Something listening on loopback, to point a scenario at with --target. */
let listener: net.Server;
let port: number;
beforeAll(async () => {
  listener = net.createServer((s) => s.end());
  await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
  port = (listener.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => listener.close(() => r())));

describe('packet-ladder scenario', () => {
  it('prints the classic ladder and the verdict, exit 0', async () => {
    const r = await cli('classic');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Scenario classic: Classic exchange/);
    expect(r.out).toMatch(/\n +[\d.]+ +connect \|/);
    expect(r.out).toMatch(/\| accept\n/);
    expect(r.out).toMatch(
      /Verdict: As expected \(2 of 4 checks ran\)\. 2 packet expectation\(s\) not checked/,
    );
  });

  it('prints the title and the verdict in Chinese with --lang zh-CN', async () => {
    const r = await cli('classic', '--lang', 'zh-CN');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^场景 classic: [^\n]*[\u4e00-\u9fff]/);
    expect(r.out).toMatch(/\n结论: 符合预期（4 项检查中运行了 2 项）/);
    expect(r.out).toMatch(/\n {2}符合 {3}\S/);
    expect(r.out).toMatch(/\n {2}未检查 \S/);
    expect(r.out).not.toMatch(/Verdict|As expected|not checked|undefined|socket steps only/);
  });

  it('prints JSON Lines with --json: steps with kind, side, bytes, time', async () => {
    const r = await cli('udp', '--json');
    expect(r.code, r.err).toBe(0);
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => `${l.side} ${l.kind}`)).toEqual([
      'client udp-send',
      'server udp-recv',
      'server udp-send',
      'client udp-recv',
      'client close',
    ]);
    expect(lines[0]).toMatchObject({ bytes: 13, time: 0 });
    expect(r.err).toMatch(/^As expected/);
  });

  it('exits 1 with the reason when what was seen differs', async () => {
    const target = `127.0.0.1:${port}`;
    const r = await cli('refused', '--allow-target', target, '--target', target);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`(against ${target})`);
    expect(r.err).toMatch(/Differs: expected client gets ECONNREFUSED; saw no error on the client/);
    expect(r.err).toMatch(/Something listens on 127\.0\.0\.1:\d+/);
  });

  it.each([
    { name: 'unknown id', argv: ['smurf'], error: /no scenario "smurf"/ },
    { name: 'no id', argv: [], error: /name one scenario id/ },
    { name: 'unknown flag', argv: ['classic', '--loud'], error: /Unknown option '--loud'/ },
    {
      name: 'target not allowed',
      argv: ['classic', '--target', '127.0.0.1:9'],
      error: /not allowed; add --allow-target 127\.0\.0\.1:9/,
    },
    {
      name: 'bad target',
      argv: ['classic', '--allow-target', 'example.org:80'],
      error: /needs an IP address and a port/,
    },
    {
      name: 'untargetable scenario',
      argv: ['bulk', '--allow-target', '127.0.0.1:9', '--target', '127.0.0.1:9'],
      error: /only runs against this program/,
    },
    {
      name: 'clients elsewhere',
      argv: ['classic', '--clients', '3'],
      error: /only to the concurrent/,
    },
    {
      name: 'clients out of range',
      argv: ['concurrent', '--clients', '99'],
      error: /from 1 to 20/,
    },
  ])('usage error, one line, exit 2: $name', async ({ argv, error }) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(error);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('lists every scenario with its description', async () => {
    const r = await cli('--list');
    expect(r.code).toBe(0);
    const ids = r.out
      .split('\n')
      .filter((l) => /^\S/.test(l))
      .map((l) => l.split(' ')[0]);
    expect(ids).toEqual([
      'classic',
      'client-closes',
      'refused',
      'reset',
      'bulk',
      'slow-reader',
      'multi-message',
      'nagle',
      'concurrent',
      'keepalive',
      'udp',
      'udp-unreachable',
      'ipv6',
      'syn-lost',
      'data-lost',
      'ack-lost',
      'fin-lost',
      'blackhole',
    ]);
  });

  it('without root, lists the loss scenarios as unavailable and refuses to run them', async () => {
    const noRoot = () => ({ ok: false as const, missing: 'root' as const });
    const [out, err] = [sink(), sink()];
    expect(await runScenarioCommand(['--list'], out, err, noRoot)).toBe(0);
    const unavailable = out.text().match(/\(unavailable\) .*/g) ?? [];
    expect(unavailable).toHaveLength(5);
    expect(unavailable[0]).toBe(
      '(unavailable) Loss scenarios need root to make a network namespace; start the server with sudo.',
    );
    const [out2, err2] = [sink(), sink()];
    expect(await runScenarioCommand(['blackhole', '--capture'], out2, err2, noRoot)).toBe(1);
    expect(out2.text()).toBe('');
    expect(err2.text()).toBe(
      'packet-ladder scenario: Loss scenarios need root to make a network namespace; start the server with sudo.\n',
    );
    // Nothing else changes: the others still run.
    const [out3, err3] = [sink(), sink()];
    expect(await runScenarioCommand(['classic'], out3, err3, noRoot)).toBe(0);
  });

  it('has help', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: packet-ladder scenario <id>/);
  });
});
