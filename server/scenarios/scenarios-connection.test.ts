/** Integration: the one-connection scenarios on loopback, with live capture. */
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

const HANDSHAKE = ['client SYN', 'server SYN,ACK', 'client ACK'];

describe('connection scenarios', () => {
  it('classic: the server replies and sends the first FIN', async () => {
    const run = await runScenario('classic', sl.env);
    expect(run.verdict.outcome, why(run)).toBe('as-expected');
    expect(run.timeline.captured).toBe(true);
    expect(kinds(run, 'client')).toEqual(['connect', 'write', 'read', 'peer-end', 'end', 'close']);
    expect(kinds(run, 'server')).toEqual(['accept', 'read', 'write', 'end', 'peer-end', 'close']);
    const ps = packets(run);
    expect(ps.slice(0, 3)).toEqual(HANDSHAKE);
    expect(ps).toContain('client ACK+data');
    const fins = ps.filter((p) => p.includes('FIN'));
    expect(fins.map((p) => p.split(' ')[0])).toEqual(['server', 'client']);
    expect(ps.at(-1)).toBe('server ACK'); // the last ACK, then the server waits in TIME_WAIT
  });

  it('client-closes: the client FIN comes first, the server still sends data after it', async () => {
    const run = await runScenario('client-closes', sl.env);
    expect(run.verdict.outcome, why(run)).toBe('as-expected');
    expect(kinds(run, 'client')).toEqual(['connect', 'write', 'end', 'read', 'peer-end', 'close']);
    const ps = packets(run);
    const clientFin = ps.findIndex((p) => p.startsWith('client') && p.includes('FIN'));
    const serverData = ps.findIndex((p) => p.startsWith('server') && p.endsWith('+data'));
    const serverFin = ps.findIndex((p) => p.startsWith('server') && p.includes('FIN'));
    expect(clientFin).toBeGreaterThan(2);
    expect(serverData).toBeGreaterThan(clientFin);
    expect(serverFin).toBeGreaterThanOrEqual(serverData);
  });

  it('refused: SYN answered by RST,ACK; ECONNREFUSED on the client', async () => {
    const run = await runScenario('refused', sl.env);
    expect(run.verdict.outcome, why(run)).toBe('as-expected');
    expect(kinds(run, 'client')).toEqual(['error', 'close']);
    expect(run.timeline.steps[0]!.code).toBe('ECONNREFUSED');
    expect(packets(run)).toEqual(['client SYN', 'server RST,ACK']);
  });

  it('reset: a RST from the client and no FIN; ECONNRESET on the server', async () => {
    const run = await runScenario('reset', sl.env);
    expect(run.verdict.outcome, why(run)).toBe('as-expected');
    expect(kinds(run, 'client')).toEqual(['connect', 'write', 'read', 'reset', 'close']);
    expect(kinds(run, 'server')).toEqual(['accept', 'read', 'write', 'error', 'close']);
    const ps = packets(run);
    expect(ps.some((p) => p.includes('FIN'))).toBe(false);
    expect(ps.at(-1)).toMatch(/^client RST/);
  });

  it('multi-message: three data segments each way on one connection', async () => {
    const run = await runScenario('multi-message', sl.env);
    expect(run.verdict.outcome, why(run)).toBe('as-expected');
    expect(run.timeline.convs).toHaveLength(1);
    const ps = packets(run);
    expect(ps.filter((p) => p === 'client ACK+data')).toHaveLength(3);
    expect(ps.filter((p) => p === 'server ACK+data')).toHaveLength(3);
    expect(ps.filter((p) => p.includes('SYN'))).toHaveLength(2);
  });

  it('ipv6: the classic ladder between ::1 ports', async () => {
    const run = await runScenario('ipv6', sl.env);
    expect(run.verdict.outcome, why(run)).toBe('as-expected');
    expect(run.timeline.convs[0]).toMatch(/^tcp \[::1\]:\d+ > \[::1\]:\d+$/);
    expect(packets(run).slice(0, 3)).toEqual(HANDSHAKE);
    expect(run.timeline.packets.every((p) => p.ipVersion === 6)).toBe(true);
    expect(flagged(run, 'zero_window')).toEqual([]);
  });
});
