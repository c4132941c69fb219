import { describe, expect, it } from 'vitest';
import { dropOldest } from './drop-oldest.ts';

/** A bounded map as the namers and trackers keep one, with the plain eviction beside it. */
function bounded(max: number) {
  const ours = new Map<string, number>();
  const plain = new Map<string, number>();
  return {
    ours,
    plain,
    set(k: string, v: number, again = false) {
      for (const m of [ours, plain]) {
        if (again) m.delete(k);
        m.set(k, v);
      }
      if (ours.size > max) dropOldest(ours);
      if (plain.size > max) plain.delete(plain.keys().next().value!);
    },
  };
}

describe('dropOldest', () => {
  it('forgets entries in insertion order, as deleting the first key does', () => {
    const m = bounded(100);
    // Pseudo-random keys, some set again (moved to the end) and some deleted from the middle.
    let x = 7;
    for (let i = 0; i < 20_000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const k = `k${x % 500}`;
      m.set(k, i, x % 3 === 0);
      if (x % 17 === 0) {
        m.ours.delete(`k${(x >> 3) % 500}`);
        m.plain.delete(`k${(x >> 3) % 500}`);
      }
      if (i % 997 === 0) expect([...m.ours]).toEqual([...m.plain]);
    }
    expect([...m.ours]).toEqual([...m.plain]);
  });

  it('returns the key forgotten, undefined when empty, and goes on after the collection emptied or was cleared', () => {
    const s = new Set(['a', 'b']);
    expect(dropOldest(s)).toBe('a');
    expect(dropOldest(s)).toBe('b');
    expect(dropOldest(s)).toBeUndefined();
    s.add('c').add('d');
    expect(dropOldest(s)).toBe('c');
    s.clear();
    s.add('e').add('f');
    expect(dropOldest(s)).toBe('e');
    expect([...s]).toEqual(['f']);
    const m = new Map([
      [1, 'one'],
      [2, 'two'],
    ]);
    m.delete(1);
    m.set(1, 'again');
    expect(dropOldest(m)).toBe(2);
    expect([...m.keys()]).toEqual([1]);
  });
});
