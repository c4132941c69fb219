import { describe, it, expect, afterEach } from 'vitest';
import { writePcap } from '../../../core/pcap/index.ts';
import { handshakeFrames } from '../../../server/cli/testdata/handshake-frames.ts';
import { Connection } from './connection.svelte.ts';
import { Sessions } from './sessions.svelte.ts';
import { readCaptureColumns } from './read-capture-columns.ts';
import { FakeSocket, helloOf, info, settle } from './testdata/fake-socket.ts';
import { step, tcp } from './testdata/records.ts';

const pcapFile = (name: string) =>
  new File([new Uint8Array(writePcap(handshakeFrames(), 1))], name);

let stop: () => void = () => {};
afterEach(() => stop());

async function setup() {
  const socket = new FakeSocket();
  socket.held.set('live', [step(1), step(2)]);
  socket.held.set('file-1', [tcp(1, ['SYN']), tcp(2, ['SYN', 'ACK'], {}, false)]);
  const conn = new Connection(socket.asSocket());
  // The page reads in a Web Worker; here the same reading runs in the test's thread.
  const sessions = new Sessions(conn, (file, req) =>
    readCaptureColumns(file, { headPackets: req.headPackets, onHead: req.onHead }).then((d) => {
      req.signal?.throwIfAborted();
      return d;
    }),
  );
  let switches = 0;
  sessions.onswitch = () => switches++;
  conn.start();
  stop = () => conn.stop();
  socket.hello([info('live', 'live', 'Live', 2), info('file-1', 'file', 'shared.pcap', 2)]);
  await settle();
  return { socket, conn, sessions, switches: () => switches };
}

describe('Sessions', () => {
  it('shows live first, with the shared files in the picker', async () => {
    const { sessions } = await setup();
    expect(sessions.current).toBe('live');
    expect(sessions.store.toArray().map((r) => r.recNo)).toEqual([1, 2]);
    expect(sessions.options.map((o) => `${o.group}:${o.value}`)).toEqual([
      'live:live',
      'shared:file-1',
    ]);
  });

  it('opens a file as a local session and shows it; live is one choice away', async () => {
    const { sessions, switches } = await setup();
    await sessions.open(pcapFile('mine.pcap'));
    expect(sessions.opening).toBeNull();
    expect(sessions.current).toBe('local:1');
    expect(sessions.session?.title).toBe('mine.pcap');
    expect(
      sessions.store.toArray().map((r) => (r.type === 'packet' ? r.tcp?.flags.join(',') : '')),
    ).toEqual(['SYN', 'SYN,ACK', 'ACK', 'PSH,ACK']);
    expect(sessions.options.at(-1)).toMatchObject({
      value: 'local:1',
      label: 'mine.pcap',
      group: 'local',
    });
    expect(switches()).toBe(1);
    sessions.choose('live');
    expect(sessions.store.toArray().map((r) => r.type)).toEqual(['step', 'step']);
    expect(switches()).toBe(2);
  });

  it('joins a shared file from its start and back to live', async () => {
    const { socket, sessions } = await setup();
    sessions.choose('file-1');
    await settle();
    expect(socket.joins.at(-1)).toEqual({ session: 'file-1', after: 0, summaries: true });
    expect(sessions.store.toArray().map((r) => r.type)).toEqual(['packet', 'packet']);
    sessions.choose('live');
    await settle();
    expect(socket.joins.at(-1)).toEqual({ session: 'live', after: 0, summaries: true });
    expect(sessions.store.toArray().map((r) => r.type)).toEqual(['step', 'step']);
  });

  it('goes back to live when the shown shared file is dropped from the server', async () => {
    const { socket, sessions } = await setup();
    sessions.choose('file-1');
    await settle();
    socket.fire('sessions', [info('live', 'live', 'Live', 2)]);
    await settle();
    expect(sessions.current).toBe('live');
    expect(sessions.store.toArray().map((r) => r.type)).toEqual(['step', 'step']);
  });

  it('holds the newest records, and fetches an older conversation back by range', async () => {
    const { socket, conn, sessions } = await setup();
    const convOf = (n: number) => `tcp 127.0.0.1:${40000 + Math.floor((n - 1) / 10)} > 127.0.0.1:1`;
    const all = Array.from({ length: 150 }, (_, i) => step(i + 1, { conv: convOf(i + 1) }));
    socket.held.set('live', all);
    socket.fire('hello', { ...helloOf([info('live', 'live', 'Live', 150)]), maxRecords: 100 });
    await settle();
    const store = sessions.store;
    expect([store.length, store.firstRecNo]).toEqual([100, 51]);
    expect(store.summary(convOf(1))?.records).toBe(10);
    expect(store.missing(convOf(1))).toBe(true);
    await conn.fetchConversation(convOf(1));
    expect(socket.ranges.at(-1)).toEqual({ session: 'live', from: 1, to: 10, conv: convOf(1) });
    expect(store.recordsOf(convOf(1)).map((r) => r.recNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(store.missing(convOf(1))).toBe(false);
  });

  it('an unreadable file leaves one line and the shown session as it was', async () => {
    const { sessions } = await setup();
    await sessions.open(new File([new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])], 'junk.pcap'));
    expect(sessions.openError).toMatch(/^Cannot read junk\.pcap: .* at byte 0$/);
    expect(sessions.current).toBe('live');
    expect(sessions.local).toHaveLength(0);
  });

  it('a newer open cancels one still reading', async () => {
    const { sessions } = await setup();
    const syn = handshakeFrames()[0]!;
    const big = new Uint8Array(
      writePcap(
        Array.from({ length: 15_000 }, () => syn),
        1,
      ),
    );
    const first = sessions.open(new File([big], 'big.pcap'));
    const second = sessions.open(pcapFile('small.pcap'));
    await Promise.all([first, second]);
    expect(sessions.local.map((s) => s.info.title)).toEqual(['small.pcap']);
    expect(sessions.openError).toBeNull();
  });
});
