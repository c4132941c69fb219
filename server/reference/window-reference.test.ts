/**
 * Packet Ladder against tshark 4.0 on loopback captures that exercise the window and the timers:
 * a 1 MiB transfer, a receiver that stops reading (zero window, probes, update), keep-alive.
 * Big loopback segments can overflow the capture buffer, so holes (lost/ACKed unseen) may appear:
 * the analysis must then agree on those too.
 */
import { describe, it, expect } from 'vitest';
import { describeFrames, flagsSeen, referenceRun } from './reference-run.ts';
import { bulkExchange } from './tcp-exchanges.ts';
import { keepAliveExchange, slowReaderExchange } from './window-exchanges.ts';

describe('window and timer captures agree with tshark 4.0', () => {
  it('a 1 MiB transfer to a reader that takes everything', async () => {
    const { ours, tshark } = await referenceRun(() => bulkExchange(1024 * 1024));
    expect(describeFrames(ours)).toEqual(describeFrames(tshark));
    const client = tshark[0]!.sport;
    const segments = tshark.filter((v) => v.sport === client && v.len! > 0);
    // segments of up to 64 KiB: at least 16, fewer only where the capture buffer dropped some
    expect(segments.length).toBeGreaterThanOrEqual(8);
    expect(tshark.some((v) => v.sport !== client && v.ack! > 500_000)).toBe(true);
  });

  it('a reader that stops: zero window, probes while it waits, then window updates', async () => {
    const { ours, tshark } = await referenceRun(() => slowReaderExchange(1200));
    expect(describeFrames(ours)).toEqual(describeFrames(tshark));
    const seen = flagsSeen(tshark);
    expect(seen).toContain('zero_window');
    expect(seen).toContain('window_update');
    // Linux probes a zero window one byte below the next sequence number, with no data:
    // tshark (and so we) call that a keep-alive rather than a zero window probe.
    expect(seen).toContain('keep_alive');
  });

  it('an idle connection kept alive every second', async () => {
    const { ours, tshark } = await referenceRun(() => keepAliveExchange(2500));
    expect(describeFrames(ours)).toEqual(describeFrames(tshark));
    const seen = flagsSeen(tshark);
    expect(seen).toContain('keep_alive');
    expect(seen).toContain('keep_alive_ack');
  });
});
