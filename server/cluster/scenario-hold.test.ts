/**
 * Integration with a real redis-server: a process's hold on "a scenario is running" is seen by the
 * others and not by itself, is let go when its runs end, is renewed while they last, and expires
 * when its process stops renewing it (a crash).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../testdata/until.ts';
import { connectRedis, type RedisLink } from './redis-link.ts';
import { holdScenarioRuns } from './scenario-hold.ts';
import { startRedisServer, type RedisServer } from './testdata/redis-server.ts';

let redis: RedisServer;
const links: RedisLink[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(links.map((l) => l.close()));
  await redis?.stop();
});

async function link(): Promise<RedisLink> {
  const l = connectRedis(redis.url, () => undefined);
  links.push(l);
  await until(() => l.status().state === 'up', 'the link is up');
  return l;
}

describe('the scenario hold shared through Redis', () => {
  it('is seen by the other processes while a run lasts, and let go when it ends', async () => {
    const [la, lb] = await Promise.all([link(), link()]);
    let busyA = false;
    const a = holdScenarioRuns(la.keys, 'a', () => busyA);
    const b = holdScenarioRuns(lb.keys, 'b', () => false);
    expect(await b.elsewhere()).toBe(false);
    busyA = true;
    await a.changed();
    expect(await b.elsewhere()).toBe(true);
    expect(await a.elsewhere()).toBe(false); // its own runs are known without Redis
    busyA = false;
    await a.changed();
    expect(await la.keys.list('packet-ladder:')).toEqual([]);
    expect(await b.elsewhere()).toBe(false);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('is renewed while the run lasts and expires once its process stops renewing it', async () => {
    const [la, lb] = await Promise.all([link(), link()]);
    const times = { holdMs: 600, renewMs: 150 };
    const a = holdScenarioRuns(la.keys, 'crashing', () => true, times);
    const b = holdScenarioRuns(lb.keys, 'b', () => false, times);
    await a.changed();
    // Well past one hold's length, still held: renewed.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await b.elsewhere()).toBe(true);
    // A crash: nothing renews it, nothing lets it go; Redis lets it expire.
    await la.close();
    const end = Date.now() + 30_000;
    while ((await b.elsewhere()) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(await b.elsewhere()).toBe(false);
    await Promise.all([a.stop(), b.stop()]);
  });
});
