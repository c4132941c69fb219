import { describe, expect, it } from 'vitest';
import { FrameRing } from './frame-ring.ts';

const frame = (n: number, size = 10) => ({ linkType: 1, time: n, data: new Uint8Array(size) });

describe('FrameRing', () => {
  it.each([
    { name: 'under both limits', maxFrames: 10, maxBytes: 1000, pushed: 5, held: [0, 1, 2, 3, 4] },
    {
      name: 'count limit drops the oldest',
      maxFrames: 3,
      maxBytes: 1000,
      pushed: 5,
      held: [2, 3, 4],
    },
    { name: 'byte limit drops the oldest', maxFrames: 100, maxBytes: 25, pushed: 5, held: [3, 4] },
  ])('$name', ({ maxFrames, maxBytes, pushed, held }) => {
    const ring = new FrameRing(maxFrames, maxBytes);
    for (let i = 0; i < pushed; i++) ring.push(frame(i));
    expect([...ring].map((f) => f.time)).toEqual(held);
    expect(ring.size).toBe(held.length);
    expect(ring.heldBytes).toBe(held.length * 10);
  });

  it('stays bounded and in order over many pushes (compaction)', () => {
    const ring = new FrameRing(500, 1e9);
    for (let i = 0; i < 10_000; i++) ring.push(frame(i, 1));
    const times = [...ring].map((f) => f.time);
    expect(times).toHaveLength(500);
    expect(times[0]).toBe(9500);
    expect(times.at(-1)).toBe(9999);
  });

  it('keeps a single frame larger than the byte limit', () => {
    const ring = new FrameRing(10, 5);
    ring.push(frame(1, 50));
    expect(ring.size).toBe(1);
  });
});

describe('FrameRing.at', () => {
  it('finds a frame by its number from 1, and not once it was dropped', () => {
    const ring = new FrameRing(3, 1000);
    for (let i = 0; i < 5; i++) ring.push(frame(i));
    expect(ring.at(3)?.time).toBe(2);
    expect(ring.at(5)?.time).toBe(4);
    expect(ring.at(2)).toBeUndefined();
    expect(ring.at(6)).toBeUndefined();
    expect(ring.at(0)).toBeUndefined();
    expect(ring.at(3.5)).toBeUndefined();
  });

  it('keeps numbering through compaction', () => {
    const ring = new FrameRing(500, 1e9);
    for (let i = 0; i < 10_000; i++) ring.push(frame(i, 1));
    expect(ring.at(9501)?.time).toBe(9500);
    expect(ring.at(10_000)?.time).toBe(9999);
    expect(ring.at(9500)).toBeUndefined();
  });
});
