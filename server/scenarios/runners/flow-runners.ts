/** Scenarios about how much flows and how it is cut into segments: bulk, slow-reader, nagle. */
import * as size from '../../../core/scenario/scenario-sizes.ts';
import { TALLY_READY } from '../endpoint-behaviours.ts';
import type { ScenarioRunner } from '../scenario-context.ts';
import { open } from './connection-runners.ts';

/** One write of 1 MiB, half-close, read the whole echo back. */
export const bulk: ScenarioRunner = async (ctx) => {
  const c = await open(ctx, ctx.targets.bulkEcho);
  c.write(new Uint8Array(size.BULK_BYTES).fill(0x61));
  c.end();
  await c.closed;
  if (c.received !== size.BULK_BYTES)
    throw new Error(`Got ${c.received} of ${size.BULK_BYTES} bytes back.`);
};

/** One big write the paused server cannot take in: the window closes, then reopens. */
export const slowReaderRun: ScenarioRunner = async (ctx) => {
  const c = await open(ctx, ctx.targets.slowReader);
  c.write(new Uint8Array(size.SLOW_READER_BYTES).fill(0x62));
  c.end();
  await c.closed;
};

/**
 * The same small writes twice: Nagle on (the default), then TCP_NODELAY. One request/reply first,
 * so the server delays its ACKs and Nagle has unacknowledged data to wait for.
 */
export const nagle: ScenarioRunner = async (ctx) => {
  for (const noDelay of [false, true]) {
    const c = await open(ctx, ctx.targets.tally, { noDelay });
    c.write(Buffer.from(size.NAGLE_START_MESSAGE));
    await c.readUntil(Buffer.byteLength(TALLY_READY));
    for (let i = 0; i < size.NAGLE_WRITES; i++) {
      c.write(new Uint8Array(size.NAGLE_WRITE_BYTES).fill(0x30 + (i % 10)));
    }
    c.end();
    await c.closed;
    const total = size.NAGLE_WRITES * size.NAGLE_WRITE_BYTES;
    if (c.received === 0) throw new Error(`No tally came back for ${total} bytes.`);
  }
};
