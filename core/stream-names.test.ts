import { describe, expect, it } from 'vitest';
import { ConversationNames, type NamedPacket } from './conversation-names.ts';
import { createCaptureIngest } from './ingest/capture-ingest.ts';
import { streamScenarios } from './analysis/testdata/scenarios.ts';
import { writePcap } from './analysis/testdata/write-pcap.ts';
import { StreamNames } from './stream-names.ts';

const A = 'tcp 127.0.0.1:50000 > 127.0.0.1:8080';
const B = 'tcp 127.0.0.1:50001 > 127.0.0.1:8080';

/** [plain id, stream, SYN?] → the id each packet gets. */
function name(
  packets: [string, number | undefined, boolean?][],
  names = new StreamNames(),
): (string | undefined)[] {
  return packets.map(([conv, stream, syn]) => {
    const p: NamedPacket = {
      conv,
      time: 0,
      ...(stream === undefined ? {} : { analysis: { stream } }),
      tcp: { flags: syn ? ['SYN'] : ['ACK'] },
    };
    return names.packet(p);
  });
}

describe('StreamNames', () => {
  const cases: {
    name: string;
    input: [string, number | undefined, boolean?][];
    expected: string[];
  }[] = [
    {
      name: 'one stream keeps the plain id',
      input: [
        [A, 0, true],
        [A, 0],
        [A, 0],
      ],
      expected: [A, A, A],
    },
    {
      name: 'each later stream opened by a SYN is the next connection, other pairs apart',
      input: [
        [A, 0, true],
        [B, 1, true],
        [A, 2, true],
        [A, 2],
        [B, 1],
        [A, 3, true],
      ],
      expected: [A, B, `${A} #2`, `${A} #2`, B, `${A} #3`],
    },
    {
      name: 'a late packet of an earlier connection keeps its id',
      input: [
        [A, 0, true],
        [A, 1, true],
        [A, 0],
        [A, 2, true],
        [A, 1],
      ],
      expected: [A, `${A} #2`, A, `${A} #3`, `${A} #2`],
    },
    {
      name: 'a new stream without a SYN continues the newest connection',
      input: [
        [A, 0, true],
        [A, 1, true],
        [A, 2],
      ],
      expected: [A, `${A} #2`, `${A} #2`],
    },
    {
      name: 'a packet without a stream keeps the plain id',
      input: [
        [A, 0, true],
        [A, 1, true],
        [A, undefined],
      ],
      expected: [A, `${A} #2`, A],
    },
  ];
  for (const c of cases) it(c.name, () => expect(name(c.input)).toEqual(c.expected));

  it('remembers at most maxPairs pairs, the least recently opened forgotten first', () => {
    const C = 'tcp 127.0.0.1:50002 > 127.0.0.1:8080';
    const names = new StreamNames(2);
    const got = name(
      [
        [A, 0, true],
        [B, 1, true],
        [A, 2, true], // A opens again: B is now the least recently opened
        [C, 3, true], // a third pair: B is forgotten
        [A, 4, true],
        [B, 5, true], // B is new again: its plain id
      ],
      names,
    );
    expect(got).toEqual([A, B, `${A} #2`, C, `${A} #3`, B]);
    expect(names.size).toBe(2);
  });

  it('forgets as the live namer does when both are bounded alike', () => {
    const live = new ConversationNames(2);
    const file = new StreamNames(2);
    const pairs = [50000, 50001, 50002, 50000, 50003, 50001, 50000];
    const ids = (names: { packet(p: NamedPacket): string | undefined }) =>
      pairs.map((port, stream) =>
        names.packet({
          conv: `tcp 127.0.0.1:${port} > 127.0.0.1:8080`,
          time: stream * 1_000_000,
          analysis: { stream },
          tcp: { flags: ['SYN'] },
        }),
      );
    expect(ids(file)).toEqual(ids(live));
  });

  it('names every scenario capture as the live namer does', () => {
    for (const s of streamScenarios) {
      const live = createCaptureIngest({ names: new ConversationNames() });
      const file = createCaptureIngest({ names: new StreamNames() });
      const bytes = writePcap(s.packets);
      const ids = (ingest: typeof live) => ingest.push(bytes).map((p) => p.record.conv);
      expect(ids(file), s.name).toEqual(ids(live));
    }
  });
});
