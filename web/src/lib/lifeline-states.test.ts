import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/protocol.ts';
import { lifelineStates } from './lifeline-states.ts';
import { derivedStatesOf, timeWaitStarts } from './side-states.ts';
import { convRecords, TCP_CONV } from './testdata/live-session.ts';
import { tcp } from './testdata/records.ts';
import { setLocale } from './messages.ts';
import { stateText } from './state-text.ts';

const geometry = (records: SessionRecord[]) => ({
  ys: records.map((_, i) => 24 + i * 48),
  rowHeight: 48,
  clientX: 200,
  serverX: 500,
});

/** The same exchange with no packets: capture off. */
const stepsOnly = convRecords(TCP_CONV).filter((r) => r.type === 'step');

describe('lifelineStates', () => {
  const cases = [
    {
      name: 'captured: a label wherever a side changes state, below the packet that changed it',
      records: convRecords(TCP_CONV),
      expected: [
        'client SYN_SENT',
        'server SYN_RECEIVED',
        'client ESTABLISHED',
        'server ESTABLISHED',
        'client CLOSE_WAIT',
        'server FIN_WAIT_1',
        'client LAST_ACK',
        'server TIME_WAIT',
        'client CLOSED',
      ],
      derived: false,
    },
    {
      name: 'capture off: states derived from the socket calls, marked derived',
      records: stepsOnly,
      expected: [
        'client ESTABLISHED',
        'server ESTABLISHED',
        'client CLOSE_WAIT',
        'server FIN_WAIT_1',
        'client LAST_ACK',
        'client CLOSED',
        'server TIME_WAIT',
      ],
      derived: true,
    },
  ];
  it.each(cases)('$name', ({ records, expected, derived }) => {
    const marks = lifelineStates(records, derivedStatesOf(records), geometry(records));
    expect(marks.map((m) => `${m.side} ${m.state}`)).toEqual(expected);
    expect(marks.every((m) => m.derived === derived)).toBe(true);
  });

  it('places a packet’s labels on its own row, at each lifeline (drawn outside it)', () => {
    const records = convRecords(TCP_CONV);
    const marks = lifelineStates(records, derivedStatesOf(records), geometry(records));
    const syn = records.findIndex((r) => r.type === 'packet');
    const centre = 24 + syn * 48;
    expect(marks[0]).toMatchObject({ side: 'client', x: 200, y: centre, onStep: false });
    expect(marks[1]).toMatchObject({ side: 'server', x: 500, y: centre, onStep: false });
  });

  it('places a label derived from a socket call on the call’s row, beside its pill', () => {
    const records = convRecords(TCP_CONV).filter((r) => r.type === 'step');
    const marks = lifelineStates(records, derivedStatesOf(records), geometry(records));
    expect(marks.length).toBeGreaterThan(0);
    const row = records.findIndex((r) => r.recNo === marks[0]!.recNo);
    expect(marks[0]).toMatchObject({ y: 24 + row * 48, onStep: true });
  });
});

describe('lifelineStates after a correction', () => {
  // A refused connection: the SYN's row corrected once the RST came (server never left CLOSED).
  const records = [
    tcp(1, ['SYN'], {
      analysis: {
        stream: 0,
        from: 'client',
        states: { client: 'SYN_SENT', server: 'CLOSED' },
        corrected: true,
      },
    }),
    tcp(
      2,
      ['RST', 'ACK'],
      { analysis: { stream: 0, from: 'server', states: { client: 'CLOSED', server: 'CLOSED' } } },
      false,
    ),
  ];

  it('labels the server CLOSED on the SYN’s row, marked corrected, and nothing more for it', () => {
    const marks = lifelineStates(records, derivedStatesOf(records), geometry(records));
    expect(marks.map((m) => [m.recNo, m.side, m.state, m.corrected])).toEqual([
      [1, 'client', 'SYN_SENT', false],
      [1, 'server', 'CLOSED', true],
      [2, 'client', 'CLOSED', false],
    ]);
  });

  it('says on hover why, in English and Chinese', () => {
    setLocale('en');
    expect(stateText('CLOSED', undefined, 0, false, true).title).toMatch(/RST.*never left CLOSED/);
    expect(stateText('LISTEN', undefined, 0, false, true).title).toMatch(/sent again.*LISTEN/);
    setLocale('zh-CN');
    expect(stateText('CLOSED', undefined, 0, false, true).title).toMatch(/RST.*CLOSED/);
    setLocale('en');
    expect(stateText('CLOSED', undefined, 0, false, false).title).toBe('');
  });
});

describe('timeWaitStarts', () => {
  it('the server entered TIME_WAIT with the client’s FIN (captured)', () => {
    const records = convRecords(TCP_CONV);
    const since = timeWaitStarts(records, derivedStatesOf(records)).get(TCP_CONV);
    expect(since).toEqual({ server: 1795702663085242 });
  });
});
