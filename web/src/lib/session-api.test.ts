import { describe, it, expect } from 'vitest';
import { fetchPcapng, pcapngUrl, shareCapture } from './session-api.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('shareCapture', () => {
  const info = {
    id: 'file-1',
    kind: 'file',
    title: 'a b.pcap',
    startTime: 1,
    lastRecNo: 4,
    firstRecNo: 1,
  };
  const cases = [
    {
      name: '201 gives the new session',
      res: () => json(201, { ...info, evicted: ['old.pcap'] }),
      expected: { ok: true, value: { ...info, evicted: ['old.pcap'] } },
    },
    {
      name: '400 gives the server’s error line',
      res: () => json(400, { error: 'a b.pcap: bad capture magic at byte 0' }),
      expected: { ok: false, error: 'a b.pcap: bad capture magic at byte 0', status: 400 },
    },
    {
      name: 'a body that is not JSON gives the status',
      res: () => new Response('nope', { status: 502, statusText: 'Bad Gateway' }),
      expected: { ok: false, error: 'HTTP 502 Bad Gateway', status: 502 },
    },
    {
      name: 'a network failure gives its message',
      res: () => {
        throw new TypeError('Failed to fetch');
      },
      expected: { ok: false, error: 'Failed to fetch' },
    },
  ];
  it('names this page so the server can tell it how far the share got', async () => {
    let asked = '';
    const got = await shareCapture(
      new Blob([new Uint8Array([1])]),
      'x.pcap',
      (url) => {
        asked = url;
        return Promise.resolve(json(201, info));
      },
      'sock-1',
    );
    expect(asked).toBe('/api/sessions?name=x.pcap&socket=sock-1');
    expect(got).toEqual({ ok: true, value: { ...info, evicted: [] } });
  });
  for (const c of cases) {
    it(c.name, async () => {
      const calls: [string, RequestInit | undefined][] = [];
      const file = new Blob([new Uint8Array([1, 2, 3])]);
      const got = await shareCapture(file, 'a b.pcap', (url, init) => {
        calls.push([url, init]);
        return Promise.resolve().then(c.res);
      });
      expect(got).toEqual(c.expected);
      expect(calls[0]?.[0]).toBe('/api/sessions?name=a%20b.pcap');
      expect(calls[0]?.[1]?.method).toBe('POST');
      expect(calls[0]?.[1]?.body).toBe(file);
    });
  }
});

describe('fetchPcapng', () => {
  it('asks for the session’s pcapng and returns the bytes', async () => {
    let asked = '';
    const got = await fetchPcapng('file-1', (url) => {
      asked = url;
      return Promise.resolve(new Response(new Uint8Array([10, 13, 13, 10])));
    });
    expect(asked).toBe(pcapngUrl('file-1'));
    expect(got.ok && [...new Uint8Array(await got.value.arrayBuffer())]).toEqual([10, 13, 13, 10]);
  });

  it('shows the 409 when there are no packets', async () => {
    const got = await fetchPcapng('live', () =>
      Promise.resolve(
        json(409, { error: 'This session has no captured packets to save (was capture on?).' }),
      ),
    );
    expect(got).toEqual({
      ok: false,
      error: 'This session has no captured packets to save (was capture on?).',
    });
  });
});
