/**
 * Integration with a real redis-server: what one socket.io server answers another through the
 * link's adapter arrives as JSON would carry it (fields left undefined absent, null kept), and an
 * answer holding bytes arrives with its bytes.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../testdata/until.ts';
import { connectRedis, type RedisLink } from './redis-link.ts';
import { startRedisServer, type RedisServer } from './testdata/redis-server.ts';

let redis: RedisServer;
const links: RedisLink[] = [];
const servers: Server[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  try {
    for (const io of servers) await new Promise((resolve) => void io.close(resolve));
    await Promise.all(links.map((l) => l.close()));
  } finally {
    await redis?.stop(); // even when a server fails to close: no redis-server is left running
  }
});

async function server(): Promise<Server> {
  const link = connectRedis(redis.url, () => undefined);
  links.push(link);
  await until(() => link.status().state === 'up', 'the link is up');
  const io = new Server(createServer(), { adapter: link.adapter });
  servers.push(io);
  return io;
}

/** Asks the others until one answers (a new server reads the stream a moment after it starts). */
async function ask(io: Server, event: string): Promise<unknown> {
  const end = Date.now() + 10_000;
  for (;;) {
    const answers = await io
      .serverSideEmitWithAck(event)
      .catch((err: { responses?: unknown[] }) => err.responses ?? []);
    if (answers.length > 0 || Date.now() > end) return answers[0];
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('answers between servers sharing Redis', () => {
  it('arrive shaped as JSON: no null for a field left undefined, bytes kept as bytes', async () => {
    const [a, b] = await Promise.all([server(), server()]);
    const quiz = {
      id: 'q1',
      state: 'open',
      counts: undefined,
      answer: undefined,
      choices: [{ from: 'client', flags: 'SYN' }],
      replay: null,
      nested: { storeNote: undefined, kept: 0 },
    };
    b.on('quizNow', (ack: (q: unknown) => void) => ack(quiz));
    const part = { data: new Uint8Array([0, 1, 2, 255]), done: true };
    b.on('part', (ack: (p: unknown) => void) => ack(part));

    const got = await ask(a, 'quizNow');
    expect(got).toStrictEqual({
      id: 'q1',
      state: 'open',
      choices: [{ from: 'client', flags: 'SYN' }],
      replay: null,
      nested: { kept: 0 },
    });
    expect(Object.keys(got as object)).not.toContain('counts');

    const bytes = (await ask(a, 'part')) as { data: Uint8Array; done: boolean };
    expect(bytes.done).toBe(true);
    expect(ArrayBuffer.isView(bytes.data)).toBe(true);
    expect([...bytes.data]).toEqual([0, 1, 2, 255]);
  }, 60_000);
});
