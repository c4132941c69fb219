import { describe, expect, it } from 'vitest';
import { viewerId } from './viewer-id.ts';

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('viewerId', () => {
  it('keeps the same id across page loads', () => {
    const storage = memory();
    const first = viewerId(storage);
    expect(first).toMatch(/^[\w-]{8,64}$/);
    expect(viewerId(storage)).toBe(first);
  });

  it('replaces a stored value the server would refuse', () => {
    const storage = memory({ 'packet-ladder.viewer': 'x y' });
    expect(viewerId(storage)).toMatch(/^[\w-]{36}$/);
  });

  it('works without storage', () => {
    expect(viewerId(null)).toMatch(/^[\w-]{36}$/);
  });
});
