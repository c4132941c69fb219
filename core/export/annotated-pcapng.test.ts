import { describe, expect, it } from 'vitest';
import { annotatedPcapng } from './annotated-pcapng.ts';
import { stepComments } from './step-comments.ts';
import { echoSession } from './testdata/echo-session.ts';
import { tshark } from './testdata/tshark.ts';

const bytesOf = (chunks: Iterable<Uint8Array>) => Buffer.concat([...chunks]);

describe('annotatedPcapng', () => {
  it('opens in tshark without a warning, every packet there, steps as packet comments', () => {
    const s = echoSession();
    const file = bytesOf(annotatedPcapng(s.frames, stepComments(s.records), 'lesson 1'));
    const r = tshark(file, [
      '-T',
      'fields',
      '-e',
      'frame.number',
      '-e',
      'tcp.flags.str',
      '-e',
      'frame.comment',
    ]);
    expect(r.stderr).toBe('');
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(rows).toHaveLength(s.frames.length);
    const comments = rows.map((row) => row[2] ?? '');
    // connect is tied to the SYN, the client's write to the segment carrying "hello".
    expect(comments[0]).toBe('Packet Ladder step 1: client connect');
    // The fourth packet is the PSH,ACK carrying "hello": written by the client, read by the server.
    expect(rows[3]![1]).toContain('P');
    expect(comments[3]).toContain('client write 5 B "hello"');
    expect(comments[3]).toContain('server read 5 B "hello"');
    // Every step is on some packet, once.
    const all = comments.join(',').match(/Packet Ladder step \d+/g) ?? [];
    const steps = s.records
      .filter((x) => x.type === 'step')
      .map((x) => `Packet Ladder step ${x.recNo}`);
    expect(all.sort()).toEqual(steps.sort());
  });

  it('writes only the frames it is given: one conversation stays one conversation', () => {
    const s = echoSession();
    const some = s.frames.slice(0, 3);
    const r = tshark(bytesOf(annotatedPcapng(some, new Map(), 'x')), [
      '-T',
      'fields',
      '-e',
      'frame.number',
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(['1', '2', '3']);
  });
});
