import { describe, expect, it } from 'vitest';
import type { CaptureStatus } from '../../core/protocol.ts';
import { captureFilter } from './capture-filter.ts';
import { INSTALL_SENTENCE } from './capture-failure-message.ts';
import { createDumpcapSource, dumpcapArgs } from './dumpcap-source.ts';
import {
  captureConversation,
  echoServer,
  processesWith,
  summarizePcap,
  within,
} from './testdata/loopback-conversation.ts';

describe('dumpcapArgs', () => {
  it('asks for pcap on stdout, quietly, with the filter as one argument', () => {
    expect(dumpcapArgs('lo', 'udp port 7')).toEqual([
      '-i',
      'lo',
      '-B',
      '16',
      '-P',
      '-w',
      '-',
      '-q',
      '-f',
      'udp port 7',
    ]);
    expect(dumpcapArgs('any', '')).not.toContain('-f');
  });
});

describe('createDumpcapSource on lo', () => {
  it('captures a whole TCP conversation as pcap, then stops and leaves no process', async () => {
    const server = await echoServer();
    const filter = captureFilter({ tcp: [server.port] });
    const source = createDumpcapSource({ iface: 'lo', filter });
    const states: CaptureStatus['state'][] = [];
    source.on('status', (s) => states.push(s.state));
    try {
      const bytes = await captureConversation(source, server.port, 'hello dumpcap');
      const pcap = summarizePcap(bytes, 'hello dumpcap');
      expect(pcap.magic).toBe(0xa1b2c3d4); // -P: pcap, not pcapng
      expect(pcap.linkType).toBe(1);
      expect(pcap.records).toBeGreaterThanOrEqual(6);
      expect(pcap).toMatchObject({ syn: 1, synAck: 1, fin: 2, withPayload: 2 });
      expect(states).toEqual(['starting', 'running', 'stopped']);
      expect(source.status).toMatchObject({
        state: 'stopped',
        tool: 'dumpcap',
        dropped: 0,
        packets: pcap.records,
      });
      await within(source.stop(), 1000, 'stop again');
      expect(processesWith(filter)).toEqual([]);
    } finally {
      await source.stop();
      await server.close();
    }
  });

  it('rejects with the install sentence when the program is missing', async () => {
    const source = createDumpcapSource({ iface: 'lo', filter: '', binary: '/nonexistent/dumpcap' });
    await expect(within(source.start(), 3000, 'start')).rejects.toThrow(INSTALL_SENTENCE);
  });

  it('rejects naming an interface that does not exist', async () => {
    const source = createDumpcapSource({ iface: 'nosuch1', filter: 'tcp port 9' });
    await expect(within(source.start(), 5000, 'start')).rejects.toThrow(
      'There is no network interface named "nosuch1": pick one that `ip link` lists.',
    );
    expect(source.status.state).toBe('failed');
  });
});
