import { describe, it, expect, afterEach } from 'vitest';
import { Connection } from './connection.svelte.ts';
import { FakeSocket, helloOf, info, settle } from './testdata/fake-socket.ts';

let stop: () => void = () => {};
afterEach(() => stop());

function setup() {
  const socket = new FakeSocket();
  socket.held.set('live-a', []);
  const conn = new Connection(socket.asSocket());
  stop = () => conn.stop();
  return { socket, conn };
}

describe('Connection', () => {
  it('goes from connecting to connected, reconnecting when the link drops, offline when stopped', () => {
    const { socket, conn } = setup();
    expect(conn.status).toBe('connecting');
    conn.start();
    expect(conn.status).toBe('connected');
    socket.fire('disconnect');
    expect(conn.status).toBe('reconnecting');
    conn.stop();
    expect(conn.status).toBe('offline');
  });

  it('keeps what hello says: sessions, capture, role, the live session and a cut connection', async () => {
    const { socket, conn } = setup();
    conn.start();
    socket.fire('hello', {
      ...helloOf([info('live-a', 'live', 'Live')]),
      live: 'live-a',
      role: 'viewer',
      fellBehind: true,
      capture: { state: 'running', tool: 'tcpdump' },
    });
    await settle();
    expect(conn.liveId).toBe('live-a');
    expect(conn.role).toBe('viewer');
    expect(conn.fellBehind).toBe(true);
    expect(conn.capture).toEqual({ state: 'running', tool: 'tcpdump' });
    expect(conn.sessions.map((s) => s.id)).toEqual(['live-a']);
    expect(socket.joins.at(-1)?.session).toBe('live-a');
  });

  it('joins again when the link to the other processes comes back up', async () => {
    const { socket, conn } = setup();
    conn.start();
    socket.fire('hello', { ...helloOf([info('live-a', 'live', 'Live')]), live: 'live-a' });
    await settle();
    const joins = socket.joins.length;
    socket.fire('cluster', { state: 'down', redis: '127.0.0.1:6379' });
    await settle();
    expect(socket.joins.length).toBe(joins);
    socket.fire('cluster', { state: 'up', redis: '127.0.0.1:6379' });
    await settle();
    expect(socket.joins.length).toBe(joins + 1);
    expect(conn.cluster?.state).toBe('up');
  });
});
