/** Integration: concurrent clients, keep-alive, UDP, and the deadline, with live capture. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from './run-scenario.ts';
import type { ScenarioLab } from './scenario-lab.ts';
import { flagged, kinds, packets, startTestLab, why } from './testdata/scenario-test-lab.ts';

let sl: ScenarioLab;
beforeAll(async () => {
  sl = await startTestLab();
  expect(sl.lab.capture().state).toBe('running');
});
afterAll(() => sl?.close());

describe('more scenarios', () => {
  it('concurrent: each client its own conversation, each server closing first', async () => {
    const run = await runScenario('concurrent', sl.env, { clients: 4 });
    expect(run.verdict.outcome, why(run)).toBe('as-expected');
    expect(run.timeline.convs).toHaveLength(4);
    const clientPorts = new Set(run.timeline.convs.map((c) => c.split(' ')[1]));
    expect(clientPorts.size).toBe(4);
    for (let i = 0; i < 4; i++) {
      expect(kinds(run, 'server', i)).toEqual([
        'accept',
        'read',
        'write',
        'end',
        'peer-end',
        'close',
      ]);
      expect(packets(run, i).find((p) => p.includes('FIN'))).toMatch(/^server/);
    }
    const reads = run.timeline.steps.filter((s) => s.side === 'server' && s.kind === 'read');
    expect(reads.map((s) => s.preview?.text).sort()).toEqual(
      [1, 2, 3, 4].map((n) => `hello, I am A${n}`),
    );
  });

  it('keepalive: probes from the idle client, each answered by the server', async () => {
    const run = await runScenario('keepalive', sl.env);
    expect(run.verdict.outcome, why(run)).toBe('as-expected');
    expect(kinds(run, 'client')).toEqual(['connect', 'end', 'peer-end', 'close']);
    const probes = flagged(run, 'keep_alive');
    expect(probes.length).toBeGreaterThanOrEqual(1);
    expect(new Set(probes)).toEqual(new Set(['client keep_alive']));
    expect(flagged(run, 'keep_alive_ack')[0]).toBe('server keep_alive_ack');
    // No data went either way: the probes carry none.
    expect(run.timeline.packets.filter((p) => p.len > 1)).toEqual([]);
  });

  it('udp: one datagram each way, nothing else', async () => {
    const run = await runScenario('udp', sl.env);
    expect(run.verdict.outcome, why(run)).toBe('as-expected');
    expect(run.timeline.packets.map((p) => `${p.analysis?.from} ${p.proto}`)).toEqual([
      'client UDP',
      'server UDP',
    ]);
  });

  it('udp-unreachable: ICMP port unreachable and ECONNREFUSED', async () => {
    const run = await runScenario('udp-unreachable', sl.env);
    expect(run.verdict.outcome, why(run)).toBe('as-expected');
    expect(kinds(run, 'client')).toEqual(['udp-send', 'error', 'close']);
    expect(run.timeline.steps.find((s) => s.kind === 'error')?.code).toBe('ECONNREFUSED');
    const icmp = run.timeline.packets.find((p) => p.proto === 'ICMP');
    expect(icmp?.icmp).toMatchObject({ type: 3, code: 3 });
    expect(icmp?.icmp?.inner?.dport).toBe(sl.endpoints.closedUdpPort.port);
  });

  it('a run past its deadline is stopped and its sockets closed', async () => {
    const run = await runScenario('keepalive', sl.env, {}, 300);
    expect(run.error).toMatch(/did not finish within 0.3 s/);
    expect(run.verdict.outcome).toBe('differs');
    expect(kinds(run, 'client').at(-1)).toBe('close');
    expect(kinds(run, 'server')).toContain('close');
  });
});
