/** Presenter and viewers on a real server started with a token: HTTP, cookie, socket.io, Origin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { writePcap } from '../../core/pcap/index.ts';
import type { Hello } from '../../core/protocol.ts';
import { startApp, type App } from '../app.ts';
import { parseServeArgs } from '../cli/serve-args.ts';
import { handshakeFrames } from '../cli/testdata/handshake-frames.ts';

const TOKEN = 'presenter-token-for-tests';
let app: App;
let open: App;
beforeAll(async () => {
  app = await startApp(parseServeArgs(['--port', '0', '--echo-port', '0', '--token', TOKEN]));
  open = await startApp(parseServeArgs(['--port', '0', '--echo-port', '0']));
});
afterAll(async () => {
  await app?.close();
  await open?.close();
});

const capture = () => Buffer.from(writePcap(handshakeFrames(), 1));

function share(base: string, headers: Record<string, string>): Promise<Response> {
  return fetch(new URL('/api/sessions?name=x.pcap', base), {
    method: 'POST',
    body: capture(),
    headers: { 'content-type': 'application/octet-stream', ...headers },
  });
}

/** The cookie the presenter URL sets, as a browser would send it back. */
async function presenterCookie(): Promise<string> {
  const res = await fetch(new URL(`/?token=${TOKEN}&lang=zh`, app.url), { redirect: 'manual' });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/?lang=zh');
  const set = res.headers.get('set-cookie') ?? '';
  expect(set).toMatch(/HttpOnly/);
  expect(set).toMatch(/SameSite=Strict/);
  return set.split(';')[0]!;
}

function hello(base: string, headers: Record<string, string> = {}): Promise<Hello> {
  const socket = connect(base, {
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: headers,
  });
  return new Promise<Hello>((resolve, reject) => {
    socket.once('hello', resolve);
    socket.once('connect_error', reject);
  }).finally(() => socket.close());
}

describe('roles with --token', () => {
  it('moves the token from the URL into an HttpOnly, SameSite=Strict cookie', async () => {
    const cookie = await presenterCookie();
    expect(cookie).toBe(`pl_presenter=${TOKEN}`);
    const wrong = await fetch(new URL('/?token=not-the-token-at-all', app.url), {
      redirect: 'manual',
    });
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get('location')).toBe('/');
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('gives socket.io the role of its cookie', async () => {
    expect((await hello(app.url, { cookie: await presenterCookie() })).role).toBe('presenter');
    expect((await hello(app.url)).role).toBe('viewer');
    expect((await hello(app.url, { cookie: 'pl_presenter=wrong-wrong-wrong-wrong' })).role).toBe(
      'viewer',
    );
  });

  it('refuses a socket.io handshake from another origin', async () => {
    await expect(hello(app.url, { origin: 'http://evil.example' })).rejects.toThrow();
    const host = new URL(app.url).host;
    expect((await hello(app.url, { origin: `http://${host}` })).role).toBe('viewer');
  });

  it.each([
    {
      name: 'a viewer',
      headers: {} as Record<string, string>,
      status: 403,
      error: /Only the presenter/,
    },
    {
      name: 'another site',
      headers: { origin: 'http://evil.example', cookie: `pl_presenter=${TOKEN}` },
      status: 403,
      error: /another site/,
    },
    {
      name: 'a text/plain body',
      headers: { 'content-type': 'text/plain', cookie: `pl_presenter=${TOKEN}` },
      status: 415,
      error: /octet-stream/,
    },
    {
      name: 'a form body',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `pl_presenter=${TOKEN}`,
      },
      status: 415,
      error: /octet-stream/,
    },
  ])(
    'refuses a share from $name in one line, adding nothing',
    async ({ headers, status, error }) => {
      const before = (await (await fetch(new URL('/api/sessions', app.url))).json()) as unknown[];
      const res = await share(app.url, headers);
      expect(res.status).toBe(status);
      const body = await res.text();
      expect(body.split('\n')).toHaveLength(1);
      expect((JSON.parse(body) as { error: string }).error).toMatch(error);
      const after = (await (await fetch(new URL('/api/sessions', app.url))).json()) as unknown[];
      expect(after).toHaveLength(before.length);
    },
  );

  it('lets the presenter share', async () => {
    const res = await share(app.url, { cookie: await presenterCookie() });
    expect(res.status).toBe(201);
  });

  it('refuses any other write from a viewer', async () => {
    const res = await fetch(new URL('/api/sessions/live', app.url), { method: 'DELETE' });
    expect(res.status).toBe(403);
  });
});

describe('roles off (loopback, no --token)', () => {
  it('makes every page presenter and lets it share', async () => {
    expect((await hello(open.url)).role).toBe('presenter');
    expect((await share(open.url, {})).status).toBe(201);
  });

  it('still refuses other origins and form content types', async () => {
    await expect(hello(open.url, { origin: 'http://evil.example' })).rejects.toThrow();
    expect((await share(open.url, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await share(open.url, { 'content-type': 'text/plain' })).status).toBe(415);
  });
});
