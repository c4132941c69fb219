import { describe, it, expect } from 'vitest';
import { isShowFilter, showsRecord } from './show-filter.ts';
import { step, tcp } from './testdata/records.ts';

describe('showsRecord', () => {
  const records = [step(1), tcp(2, ['SYN']), step(3, { kind: 'read' }), tcp(4, ['ACK'])];
  const cases = [
    { name: 'both keeps everything', show: 'both' as const, expected: [1, 2, 3, 4] },
    { name: 'packets keeps packets', show: 'packets' as const, expected: [2, 4] },
    { name: 'steps keeps socket calls', show: 'steps' as const, expected: [1, 3] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(records.filter((r) => showsRecord(r, c.show)).map((r) => r.recNo)).toEqual(c.expected);
    });
  }
  it('knows its values', () => {
    expect(['both', 'packets', 'steps', 'all'].map(isShowFilter)).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
