import { describe, expect, it } from 'vitest';
import { echoSession } from '../export/testdata/echo-session.ts';
import type { SessionRecord, SocketStep } from '../records.ts';
import type { Side, StepKind } from '../types.ts';
import { SummaryTracker } from './summary-tracker.ts';

const CLIENT = { address: '127.0.0.2', port: 50000 };
const SERVER = { address: '127.0.0.1', port: 23333 };
const CONV = 'tcp 127.0.0.2:50000 > 127.0.0.1:23333';

function steps(list: [Side, StepKind, number?, string?][]): SessionRecord[] {
  return list.map(([side, kind, bytes = 0, code], i) => ({
    type: 'step',
    kind,
    side,
    time: 1_000_000 + i * 100,
    transport: 'tcp',
    local: side === 'client' ? CLIENT : SERVER,
    remote: side === 'client' ? SERVER : CLIENT,
    conv: CONV,
    bytes,
    ...(code ? { code } : {}),
    recNo: i + 1,
  })) satisfies (SocketStep & { recNo: number })[];
}

function track(records: SessionRecord[]): SummaryTracker {
  const t = new SummaryTracker();
  for (const r of records) t.add(r);
  return t;
}

describe('SummaryTracker from socket steps', () => {
  const cases: {
    name: string;
    input: [Side, StepKind, number?, string?][];
    expected: Record<string, unknown>;
  }[] = [
    {
      name: 'built-in client: both sides tapped, bytes as written, the server closes first',
      input: [
        ['client', 'connect'],
        ['server', 'accept'],
        ['client', 'write', 5],
        ['server', 'read', 5],
        ['server', 'write', 36],
        ['client', 'read', 36],
        ['server', 'end'],
        ['client', 'peer-end'],
      ],
      expected: {
        origin: 'builtin',
        ending: 'fin-server',
        bytesC2S: 5,
        bytesS2C: 36,
        steps: 8,
        records: 8,
        firstRecNo: 1,
        lastRecNo: 8,
        responseTime: 200,
        client: CLIENT,
        server: SERVER,
      },
    },
    {
      name: 'outside client: only the echo side, request bytes from its reads',
      input: [
        ['server', 'accept'],
        ['server', 'read', 7],
        ['server', 'write', 7],
        ['server', 'peer-end'],
      ],
      expected: { origin: 'outside', ending: 'fin-client', bytesC2S: 7, bytesS2C: 7 },
    },
    {
      name: 'a reset after a FIN says reset',
      input: [
        ['client', 'connect'],
        ['client', 'end'],
        ['server', 'reset'],
      ],
      expected: { ending: 'rst-server' },
    },
    {
      name: 'refused: the error code, once',
      input: [
        ['client', 'error', 0, 'ECONNREFUSED'],
        ['client', 'error', 0, 'ECONNREFUSED'],
      ],
      expected: { ending: 'error', errors: ['ECONNREFUSED'] },
    },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(track(steps(input)).get(CONV)).toMatchObject(expected);
  });

  it('a scenario mark wins over what the taps say, before or after the first record', () => {
    const t = new SummaryTracker();
    t.markOrigin(CONV, 'scenario');
    for (const r of steps([['client', 'connect']])) t.add(r);
    expect(t.get(CONV)!.origin).toBe('scenario');
  });
});

describe('SummaryTracker on a real captured echo exchange', () => {
  const session = echoSession();
  const t = track(session.records);
  const s = t.get(session.conv)!;

  it('counts packets, steps and bytes each way (from the packets when captured)', () => {
    expect(s).toMatchObject({
      transport: 'tcp',
      records: session.records.length,
      steps: 10,
      packets: session.records.length - 10,
      bytesC2S: 5,
      bytesS2C: 36,
      origin: 'builtin',
      ending: 'fin-server',
      stream: 0,
    });
    expect(s.state).toEqual({ client: 'CLOSED', server: 'TIME_WAIT' });
  });

  it('phases in order with their times, and the handshake RTTs', () => {
    expect(s.phases.map((p) => p.phase)).toEqual(['setup', 'data', 'close']);
    expect(s.phases[0]!.start).toBe(s.firstTime + 5);
    expect(s.synAckRtt).toBeGreaterThan(0);
    expect(s.handshakeRtt).toBeGreaterThanOrEqual(s.synAckRtt!);
    expect(s.responseTime).toBeGreaterThan(0);
  });

  it('hands out each changed summary once, as a copy', () => {
    const t2 = new SummaryTracker();
    t2.add(session.records[0]!);
    const [first] = t2.takeChanged();
    expect(t2.takeChanged()).toEqual([]);
    t2.add(session.records[1]!);
    expect(first!.records).toBe(1);
    expect(t2.takeChanged()[0]!.records).toBe(2);
  });
});

describe('SummaryTracker on addresses and ports used again', () => {
  it('numbers a later connection between the same ends, and not the first', () => {
    const first = steps([['client', 'connect']])[0]!;
    const again = { ...first, conv: `${CONV} #2`, recNo: 2 } as SessionRecord;
    const t = track([first, again]);
    expect(t.get(CONV)?.connection).toBeUndefined();
    expect(t.get(`${CONV} #2`)?.connection).toBe(2);
  });
});

describe('SummaryTracker bounds', () => {
  it('forgets the oldest conversation past its limit', () => {
    const t = new SummaryTracker(2);
    for (let i = 0; i < 3; i++) t.add({ ...steps([['client', 'connect']])[0]!, conv: `c${i}` });
    expect(t.all().map((s) => s.conv)).toEqual(['c1', 'c2']);
  });
});
