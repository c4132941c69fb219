import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.ts';

describe('TokenBucket', () => {
  it('allows a burst, then the rate', () => {
    let now = 0;
    const b = new TokenBucket(2, 3, () => now);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
    now += 499;
    expect(b.take()).toBe(false);
    now += 1;
    expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
  });

  it('never holds more than the burst after a long quiet', () => {
    let now = 0;
    const b = new TokenBucket(10, 2, () => now);
    now += 60_000;
    expect([b.take(), b.take(), b.take()]).toEqual([true, true, false]);
  });

  it('takes a refunded token back', () => {
    const b = new TokenBucket(1, 1, () => 0);
    expect(b.take()).toBe(true);
    b.refund();
    expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
  });
});
