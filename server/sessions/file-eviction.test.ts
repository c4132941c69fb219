import { describe, expect, it } from 'vitest';
import { filesToEvict, type FileSlot } from './file-eviction.ts';

const slot = (id: string, watchers: number, lastUsed: number): FileSlot => ({
  id,
  title: `${id}.pcap`,
  watchers,
  lastUsed,
});

describe('filesToEvict', () => {
  it.each([
    { name: 'room left: nothing goes', files: [slot('a', 0, 1)], max: 3, expected: [] },
    {
      name: 'full: the least recently used idle file goes',
      files: [slot('a', 0, 5), slot('b', 0, 2), slot('c', 0, 9)],
      max: 3,
      expected: ['b'],
    },
    {
      name: 'a watched file stays however old',
      files: [slot('teacher', 1, 0), slot('b', 0, 7), slot('c', 0, 9)],
      max: 3,
      expected: ['b'],
    },
    {
      name: 'every file watched: refused',
      files: [slot('a', 2, 0), slot('b', 1, 1)],
      max: 2,
      expected: null,
    },
    {
      name: 'over the cap (it was lowered): enough idle files go',
      files: [slot('a', 0, 3), slot('b', 1, 1), slot('c', 0, 2), slot('d', 0, 4)],
      max: 2,
      expected: ['c', 'a', 'd'],
    },
    {
      name: 'over the cap, too few idle: refused',
      files: [slot('a', 1, 3), slot('b', 1, 1), slot('c', 0, 2)],
      max: 2,
      expected: null,
    },
  ])('$name', ({ files, max, expected }) => {
    const got = filesToEvict(files, max);
    expect(got && got.map((f) => f.id)).toEqual(expected);
  });
});
