import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/records.ts';
import { TIME_WAIT_US } from '../../../core/analysis/index.ts';
import { stateText } from './state-text.ts';
import { timeWaitClock } from './time-wait-clock.ts';

const at = (time: number) => ({ time }) as SessionRecord;
const WALL = 2_000_000_000_000_000; // long after the capture

describe('the clock TIME_WAIT counts against', () => {
  it.each([
    {
      name: 'live: the wall clock',
      live: true,
      records: [at(1_000), at(2_000)],
      expected: WALL,
    },
    {
      name: 'a file: the capture time of its last record, not the day it is opened',
      live: false,
      records: [at(1_000), at(5_000_000), at(3_000)],
      expected: 5_000_000,
    },
    { name: 'an empty file', live: false, records: [], expected: 0 },
  ])('$name', ({ live, records, expected }) => {
    expect(timeWaitClock(live, WALL, records)).toBe(expected);
  });

  it('a file whose capture ends 1 s after the FIN row shows TIME_WAIT, not "over"', () => {
    const fin = 1_700_000_000_000_000;
    const now = timeWaitClock(false, WALL, [at(fin), at(fin + 1_000_000)]);
    expect(stateText('TIME_WAIT', fin, now).text).toMatch(/^TIME_WAIT 59/);
    const later = timeWaitClock(false, WALL, [at(fin), at(fin + TIME_WAIT_US)]);
    const over = stateText('TIME_WAIT', fin, later);
    expect(over.text).toBe('CLOSED');
    expect(over.title).toMatch(/over/);
  });
});
