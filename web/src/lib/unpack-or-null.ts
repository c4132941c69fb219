/** A `records` batch unpacked, or null (with one line in the console) when it cannot be read. */
import type { Batch, PackedBatch } from '../../../core/packed-batch.ts';
import { unpackBatch } from '../../../core/unpack-batch.ts';

export function unpackOrNull(packed: PackedBatch): Batch | null {
  try {
    return unpackBatch(packed);
  } catch (err) {
    console.warn(`records batch not read: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}
