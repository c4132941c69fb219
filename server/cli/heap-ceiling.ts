/**
 * Keeps a long batch job's heap near what it really holds: V8 lets garbage pile up to several
 * times the live heap before a full collection, which for `analyze` (every finished conversation
 * is garbage in old space) meant peak memory growing with the file. `check()` runs a full
 * collection once the heap has grown `slackBytes` past what the previous one left.
 * With `youngBytes`, it also stops the young generation growing once it is that big: V8 doubles
 * its semi-spaces up to 16 MB each while a job allocates fast, 32 MB of resident memory that a
 * job whose objects die young does not need (its flag can only be set at start, but the growth
 * factor is read at each growth).
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface HeapCeiling {
  /** Call between pieces of work; cheap when under the ceiling. */
  check(): void;
}

let collect: (() => void) | undefined;

function fullCollection(): () => void {
  if (collect) return collect;
  // --expose-gc at run time, then fetch gc from a fresh context (the flag applies to new ones).
  v8.setFlagsFromString('--expose-gc');
  collect = runInNewContext('gc') as () => void;
  return collect;
}

/** Committed bytes of the young generation (both semi-spaces). */
export function youngGenerationSize(): number {
  return v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}

export function createHeapCeiling(slackBytes: number, youngBytes?: number): HeapCeiling {
  const gc = fullCollection();
  let ceiling = v8.getHeapStatistics().used_heap_size + slackBytes;
  let youngGrows = youngBytes !== undefined;
  return {
    check() {
      if (youngGrows && youngGenerationSize() >= youngBytes!) {
        v8.setFlagsFromString('--semi-space-growth-factor=1');
        youngGrows = false;
      }
      if (v8.getHeapStatistics().used_heap_size < ceiling) return;
      gc();
      ceiling = v8.getHeapStatistics().used_heap_size + slackBytes;
    },
  };
}
