import { describe, expect, it } from 'vitest';
import { KeyBloom } from './key-bloom.ts';

describe('KeyBloom', () => {
  it('always has the keys added, and rarely others', () => {
    const bloom = new KeyBloom(20, 5);
    const key = (i: number) => `udp 10.0.${i >> 8}.${i & 255} ${i} 10.9.0.1 53`;
    for (let i = 0; i < 20_000; i += 2) bloom.add(key(i));
    for (let i = 0; i < 20_000; i += 2) expect(bloom.has(key(i))).toBe(true);
    let wrong = 0;
    for (let i = 1; i < 20_000; i += 2) if (bloom.has(key(i))) wrong++;
    // 10,000 keys in 2^20 bits with 5 probes: about one in 60,000 (well under 10 in 10,000).
    expect(wrong).toBeLessThan(10);
  });
});
