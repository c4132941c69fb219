/** GET /api/sessions/<id>/frames/<no> on a real server: the bytes of a shared file's packets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePcap } from '../../core/pcap/index.ts';
import type { SessionInfo } from '../../core/protocol.ts';
import { startApp, type App } from '../app.ts';
import { parseServeArgs } from '../cli/serve-args.ts';
import { handshakeFrames } from '../cli/testdata/handshake-frames.ts';

let app: App;
let id = '';
beforeAll(async () => {
  app = await startApp(parseServeArgs(['--port', '0', '--echo-port', '0']));
  const res = await fetch(new URL('/api/sessions?name=hs.pcap', app.url), {
    method: 'POST',
    body: Buffer.from(writePcap(handshakeFrames(), 1)),
    headers: { 'content-type': 'application/octet-stream' },
  });
  id = ((await res.json()) as SessionInfo).id;
});
afterAll(async () => {
  await app?.close();
});

const get = (p: string) => fetch(new URL(p, app.url));

describe('GET /api/sessions/<id>/frames/<no>', () => {
  it('returns the frame bytes, link type and time of packet <no>', async () => {
    const frames = handshakeFrames();
    const res = await get(`/api/sessions/${id}/frames/2`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { no: number; linkType: number; time: number; hex: string };
    expect(body).toMatchObject({ no: 2, linkType: 1, time: frames[1]!.time });
    expect(body.hex).toBe(Buffer.from(frames[1]!.data).toString('hex'));
  });

  it.each([
    { name: 'zero', path: 'frames/0', status: 400 },
    { name: 'not a number', path: 'frames/abc', status: 400 },
    { name: 'negative', path: 'frames/-1', status: 400 },
    { name: 'huge', path: 'frames/99999999999', status: 400 },
    { name: 'past the last', path: 'frames/5', status: 404 },
  ])('refuses in one line: $name', async ({ path, status }) => {
    const res = await get(`/api/sessions/${id}/${path}`);
    expect(res.status).toBe(status);
    const { error } = (await res.json()) as { error: string };
    expect(error.split('\n')).toHaveLength(1);
  });

  it('404 for an unknown session, 404 for a session without frames', async () => {
    expect((await get('/api/sessions/nope/frames/1')).status).toBe(404);
    expect((await get('/api/sessions/live/frames/1')).status).toBe(404);
  });
});
