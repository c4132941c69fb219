import { describe, it, expect } from 'vitest';
import { FramePool } from './frame-pool.ts';

describe('FramePool', () => {
  it('copies frames apart from their source and from each other', () => {
    const pool = new FramePool();
    const source = Uint8Array.of(1, 2, 3);
    const a = pool.copy(source);
    const b = pool.copy(source);
    source.fill(9);
    a.fill(7);
    expect([...b]).toEqual([1, 2, 3]);
    expect(b.byteOffset % 8).toBe(0);
  });

  const cases = [
    { name: 'small frames share a slab', sizes: [10, 20], shared: true },
    { name: 'a frame over 8 KiB gets its own buffer', sizes: [10, 9000], shared: false },
    { name: 'a full slab is replaced, not grown', sizes: [60000, 6000], shared: false },
  ];
  for (const { name, sizes, shared } of cases) {
    it(name, () => {
      const pool = new FramePool();
      const [x, y] = sizes.map((n) => pool.copy(new Uint8Array(n).fill(n % 251)));
      expect(x!.buffer === y!.buffer).toBe(shared);
      expect(y!.every((v) => v === sizes[1]! % 251)).toBe(true);
    });
  }
});
