import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureStatus } from '../../core/protocol.ts';
import { captureFilter } from './capture-filter.ts';
import { CaptureStartError } from './capture-start-error.ts';
import { INSTALL_SENTENCE } from './capture-failure-message.ts';
import { findCaptureBinary } from './find-capture-tool.ts';
import { createTcpdumpSource, tcpdumpArgs } from './tcpdump-source.ts';
import {
  captureConversation,
  echoServer,
  processesWith,
  summarizePcap,
  within,
} from './testdata/loopback-conversation.ts';

let dir: string;
/** A stand-in program for the tcpdump binary, written as a shell script. */
function script(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'capture-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tcpdumpArgs', () => {
  it('streams unbuffered pcap to stdout, keeps root and ends options before the filter', () => {
    expect(tcpdumpArgs('lo', 'tcp port 1')).toEqual([
      '-i',
      'lo',
      '-U',
      '--immediate-mode',
      '-n',
      '-s',
      '262144',
      '-B',
      '16384',
      '-w',
      '-',
      '-Z',
      'root',
      '--',
      'tcp port 1',
    ]);
    expect(tcpdumpArgs('any', '')).not.toContain('--');
  });
});

describe('createTcpdumpSource on lo', () => {
  it('captures a whole TCP conversation as pcap, then stops and leaves no process', async () => {
    const server = await echoServer();
    const filter = captureFilter({ tcp: [server.port] });
    const source = createTcpdumpSource({ iface: 'lo', filter });
    const states: CaptureStatus['state'][] = [];
    source.on('status', (s) => states.push(s.state));
    let exits = 0;
    source.on('exit', (e) => {
      exits++;
      expect(e.requested).toBe(true);
    });
    try {
      const bytes = await captureConversation(source, server.port, 'hello ladder');
      const pcap = summarizePcap(bytes, 'hello ladder');
      expect(pcap.magic).toBe(0xa1b2c3d4);
      expect(pcap.linkType).toBe(1); // EN10MB on lo
      expect(pcap.records).toBeGreaterThanOrEqual(6);
      expect(pcap).toMatchObject({ syn: 1, synAck: 1, fin: 2, withPayload: 2 }); // data and its echo
      expect(states).toEqual(['starting', 'running', 'stopped']);
      expect(source.status).toMatchObject({
        state: 'stopped',
        tool: 'tcpdump',
        iface: 'lo',
        filter,
        dropped: 0,
      });
      expect(source.status.packets).toBe(pcap.records);
      expect(source.dropped).toBe(0);
      // idempotent: concurrent and later calls resolve without a second exit
      await within(Promise.all([source.stop(), source.stop()]), 2000, 'stop again');
      expect(exits).toBe(1);
      expect(processesWith(filter)).toEqual([]);
    } finally {
      await source.stop();
      await server.close();
    }
  });

  it('rejects with the install sentence when the program is missing', async () => {
    const source = createTcpdumpSource({
      iface: 'lo',
      filter: '',
      binary: join(dir, 'no-such-tcpdump'),
    });
    const err = await within(source.start(), 3000, 'start').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaptureStartError);
    expect((err as Error).message).toBe(INSTALL_SENTENCE);
    expect(source.status).toMatchObject({ state: 'failed', message: INSTALL_SENTENCE });
    await within(source.stop(), 1000, 'stop');
  });

  it('rejects naming an interface that does not exist', async () => {
    const source = createTcpdumpSource({ iface: 'nosuch0', filter: 'tcp port 9' });
    await expect(within(source.start(), 5000, 'start')).rejects.toThrow(
      'There is no network interface named "nosuch0": pick one that `ip link` lists.',
    );
    await expect(createTcpdumpSource({ iface: '-w/etc/x', filter: '' }).start()).rejects.toThrow(
      '"-w/etc/x"',
    );
  });

  it('explains missing capture rights, with the setcap fix', async () => {
    // The real tcpdump, started as user nobody, which may not open a packet socket.
    const tcpdump = findCaptureBinary('tcpdump') ?? 'tcpdump';
    const binary = script(
      'tcpdump-as-nobody',
      `exec setpriv --reuid=65534 --regid=65534 --clear-groups ${tcpdump} "$@"`,
    );
    const source = createTcpdumpSource({ iface: 'lo', filter: 'tcp port 9', binary });
    await expect(within(source.start(), 5000, 'start')).rejects.toThrow(
      'tcpdump may not capture on lo: run as root or give it CAP_NET_RAW (setcap cap_net_raw,cap_net_admin=eip $(which tcpdump)).',
    );
  });

  it('gives up and kills a program that never writes', async () => {
    const binary = script('silent-tcpdump', 'exec sleep 30 # silent-marker');
    const source = createTcpdumpSource({ iface: 'lo', filter: '', binary, startTimeoutMs: 300 });
    let exited = false;
    source.on('exit', () => (exited = true));
    await expect(within(source.start(), 3000, 'start')).rejects.toThrow(
      'wrote nothing within 300 ms',
    );
    await within(source.stop(), 3000, 'stop');
    expect(exited).toBe(true);
    expect(processesWith('silent-tcpdump')).toEqual([]);
  });

  it('reports a capture that dies after it started, with its drop count', async () => {
    const binary = script(
      'dying-tcpdump',
      "printf '\\324\\303\\262\\241\\002\\000\\004\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\004\\000\\001\\000\\000\\000'\n" +
        "sleep 0.2; printf '3 packets captured\\n3 packets received by filter\\n2 packets dropped by kernel\\ntcpdump: pcap_loop: The interface disappeared\\n' >&2; exit 1",
    );
    const source = createTcpdumpSource({ iface: 'lo', filter: '', binary });
    const ended = new Promise((resolve) => source.on('exit', resolve));
    await within(source.start(), 3000, 'start');
    expect(await within(ended, 3000, 'exit')).toEqual({ code: 1, signal: null, requested: false });
    expect(source.dropped).toBe(2);
    expect(source.status).toMatchObject({ state: 'failed', dropped: 2, packets: 3 });
    expect(source.status.message).toMatch(
      /^tcpdump stopped capturing on lo \(pcap_loop: The interface disappeared\)/,
    );
  });

  it('stop() before start() makes start() reject', async () => {
    const source = createTcpdumpSource({ iface: 'lo', filter: '' });
    await source.stop();
    expect(source.status.state).toBe('stopped');
    await expect(source.start()).rejects.toBeInstanceOf(CaptureStartError);
  });
});
