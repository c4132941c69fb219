/** Integration: scenarios over socket.io against a real page server (capture off). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  RunScenarioResult,
  ScenarioCatalog,
  ScenarioStatus,
  ServerToClientEvents,
} from '../../core/protocol.ts';
import { startApp, type App } from '../app.ts';
import { parseServeArgs } from '../cli/serve-args.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let app: App;
let page: Client;
beforeAll(async () => {
  app = await startApp(parseServeArgs(['--port', '0', '--echo-port', '0']));
  page = connect(app.url, { transports: ['websocket'] });
  await new Promise<void>((r) => page.once('connect', () => r()));
});
afterAll(async () => {
  page?.close();
  await app?.close();
});

const run = (req: unknown): Promise<RunScenarioResult> =>
  page.timeout(5000).emitWithAck('runScenario', req as never);

describe('scenario events', () => {
  it('lists the catalog with what each scenario expects', async () => {
    const cat: ScenarioCatalog = await page.timeout(5000).emitWithAck('scenarios');
    expect(cat.scenarios.map((s) => s.id)).toContain('slow-reader');
    expect(cat.scenarios.find((s) => s.id === 'refused')!.expects.length).toBeGreaterThan(0);
    expect(cat.runs).toEqual([]);
  });

  it("queues another page's run behind the first, then reports both done with verdicts", async () => {
    const statuses: ScenarioStatus[] = [];
    page.on('scenario', (s) => statuses.push(s));
    const other: Client = connect(app.url, { transports: ['websocket'] });
    await new Promise<void>((r) => other.once('connect', () => r()));
    const first = await run({ id: 'classic' });
    const again = await run({ id: 'udp' });
    const second = await other.timeout(5000).emitWithAck('runScenario', { id: 'udp' });
    other.close();
    expect(first).toMatchObject({ ok: true, state: 'running', position: 0 });
    // One run per page at a time: the page that asks again waits for its own.
    expect(again).toMatchObject({ ok: false, limit: 'scenario-queue' });
    expect(second).toMatchObject({ ok: true, state: 'queued', position: 1 });
    const deadline = Date.now() + 8000;
    while (statuses.filter((s) => s.state === 'done').length < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const done = statuses.filter((s) => s.state === 'done');
    expect(done.map((s) => s.id)).toEqual(['classic', 'udp']);
    expect(done.map((s) => s.verdict?.outcome)).toEqual(['as-expected', 'as-expected']);
    expect(done[0]!.verdict!.summary).toMatch(
      /packet expectation\(s\) not checked: capture was off/,
    );
    // The run's steps are in the live session, under the conversation the status names.
    const conv = done[0]!.convs![0]!;
    const kinds = app.live
      .since(0)
      .records.filter((r) => r.type === 'step' && r.conv === conv && r.side === 'client')
      .map((r) => (r.type === 'step' ? r.kind : ''));
    expect(kinds).toEqual(['connect', 'write', 'read', 'peer-end', 'end', 'close']);
    page.off('scenario');
  });

  it.each([
    { name: 'unknown id', req: { id: 'ping-of-death' }, error: /No such scenario/ },
    {
      name: 'a target from the page',
      req: { id: 'classic', target: '10.0.0.1:80' },
      error: /target/,
    },
    {
      name: 'clients on another scenario',
      req: { id: 'classic', clients: 3 },
      error: /only to the concurrent/,
    },
    { name: 'too many clients', req: { id: 'concurrent', clients: 500 }, error: /clients/ },
    { name: 'not an object', req: 'classic', error: /Invalid request/ },
  ])('rejects $name with one line', async ({ req, error }) => {
    const res = await run(req);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(error);
  });
});
