/** Integration: the scenarios about how bytes flow (bulk, slow reader, Nagle), with live capture. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as size from '../../core/scenario/scenario-sizes.ts';
import { runScenario } from './run-scenario.ts';
import type { ScenarioLab } from './scenario-lab.ts';
import { flagged, kinds, packets, startTestLab, why } from './testdata/scenario-test-lab.ts';

let sl: ScenarioLab;
beforeAll(async () => {
  sl = await startTestLab();
  expect(sl.lab.capture().state).toBe('running');
});
afterAll(() => sl?.close());

const bytesOf = (
  run: Awaited<ReturnType<typeof runScenario>>,
  side: 'client' | 'server',
  kind: string,
) =>
  run.timeline.steps
    .filter((s) => s.side === side && s.kind === kind)
    .reduce((n, s) => n + s.bytes, 0);

describe('flow scenarios', () => {
  it('bulk: 1 MiB each way in many segments', async () => {
    const run = await runScenario('bulk', sl.env);
    expect(run.verdict.outcome, why(run)).toBe('as-expected');
    expect(bytesOf(run, 'client', 'write')).toBe(size.BULK_BYTES);
    expect(bytesOf(run, 'server', 'read')).toBe(size.BULK_BYTES);
    expect(bytesOf(run, 'client', 'read')).toBe(size.BULK_BYTES);
    // Not every byte: a capture may drop some of these 64 KB segments (the check says so).
    const data = run.timeline.packets.filter((p) => p.len > 0);
    expect(data.filter((p) => p.analysis?.from === 'client').length).toBeGreaterThanOrEqual(8);
    expect(data.filter((p) => p.analysis?.from === 'server').length).toBeGreaterThanOrEqual(8);
    expect(Math.max(...data.map((p) => p.len))).toBeGreaterThan(16 * 1024);
  });

  it('slow-reader: zero window from the server, probes from the client, then a window update', async () => {
    const started = Date.now();
    const run = await runScenario('slow-reader', sl.env);
    // Seconds, not the minutes a probe backoff could take: generous for a loaded machine.
    expect(Date.now() - started).toBeLessThan(40_000);
    expect(run.verdict.outcome, why(run)).toBe('as-expected');
    expect(bytesOf(run, 'server', 'read')).toBe(size.SLOW_READER_BYTES);
    const zero = flagged(run, 'zero_window');
    expect(zero.length).toBeGreaterThan(0);
    expect(new Set(zero)).toEqual(new Set(['server zero_window']));
    const probes = [...flagged(run, 'zero_window_probe'), ...flagged(run, 'keep_alive')];
    expect(probes.some((p) => p.startsWith('client'))).toBe(true);
    // tshark's Keep-Alive shape, sent into a zero window, is taught as a zero-window probe.
    const shaped = run.timeline.packets.filter((p) => p.analysis?.analysis?.includes('keep_alive'));
    for (const p of shaped) expect(p.analysis?.teach).toEqual(['zero_window_probe']);
    // The first read comes after the pause, and a window update after the zero window.
    const firstRead = run.timeline.steps.find((s) => s.side === 'server' && s.kind === 'read')!;
    expect(firstRead.time - run.startTime).toBeGreaterThan(
      (size.SLOW_READER_PAUSE_MS - 100) * 1000,
    );
    const ps = run.timeline.packets;
    const firstZero = ps.findIndex((p) => p.analysis?.analysis?.includes('zero_window'));
    const update = ps.findIndex(
      (p, i) =>
        i > firstZero &&
        p.analysis?.from === 'server' &&
        p.analysis.analysis?.includes('window_update'),
    );
    expect(update).toBeGreaterThan(firstZero);
  });

  it('nagle: the same writes take fewer segments with Nagle on than with it off', async () => {
    const run = await runScenario('nagle', sl.env);
    expect(run.verdict.outcome, why(run)).toBe('as-expected');
    expect(run.timeline.convs).toHaveLength(2);
    for (const conv of [0, 1]) {
      expect(kinds(run, 'client', conv).filter((k) => k === 'write')).toHaveLength(
        size.NAGLE_WRITES + 1,
      );
    }
    const onSegments = packets(run, 0).filter((p) => p === 'client ACK+data').length;
    const offSegments = packets(run, 1).filter((p) => p === 'client ACK+data').length;
    // Nagle holds the small writes while one is unacknowledged: a handful of segments.
    expect(onSegments).toBeLessThanOrEqual(size.NAGLE_WRITES / 2);
    expect(offSegments).toBeGreaterThan(onSegments);
    // The summary never contradicts a check under it: an optional difference is named.
    const optional = run.verdict.checks.filter((c) => c.optional && c.status === 'differs');
    if (optional.length)
      expect(run.verdict.summary).toContain(`with ${optional.length} optional difference`);
    else expect(run.verdict.summary).not.toContain('optional');
  });
});
