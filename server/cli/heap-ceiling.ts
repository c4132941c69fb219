/**
 * Keeps a long batch job's heap near what it really holds: V8 lets garbage pile up to several
 * times the live heap before a full collection, which for `analyze` (every finished conversation
 * is garbage in old space) meant peak memory growing with the file. `check()` runs a full
 * collection once the heap has grown `slackBytes` past what the previous one left.
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

export function createHeapCeiling(slackBytes: number): HeapCeiling {
  const gc = fullCollection();
  let ceiling = v8.getHeapStatistics().used_heap_size + slackBytes;
  return {
    check() {
      if (v8.getHeapStatistics().used_heap_size < ceiling) return;
      gc();
      ceiling = v8.getHeapStatistics().used_heap_size + slackBytes;
    },
  };
}
