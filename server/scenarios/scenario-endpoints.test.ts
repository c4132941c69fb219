/** The scenario endpoints are bound to loopback whatever --echo-host says. */
import { describe, expect, it } from 'vitest';
import { scenarioHost, startScenarioEndpoints } from './scenario-endpoints.ts';

describe('scenario endpoints', () => {
  it('pick loopback for every echo host', () => {
    expect(scenarioHost('0.0.0.0')).toBe('127.0.0.1');
    expect(scenarioHost('::')).toBe('127.0.0.1');
    expect(scenarioHost('192.0.2.2')).toBe('127.0.0.1');
    expect(scenarioHost('127.0.0.1')).toBe('127.0.0.1');
    expect(scenarioHost('::1')).toBe('::1');
    expect(scenarioHost('[::1]')).toBe('::1');
  });

  it('listen on 127.0.0.1 when the echo is bound to all interfaces', async () => {
    const endpoints = await startScenarioEndpoints('0.0.0.0', () => undefined);
    try {
      const { bulkEcho, keepOpenEcho, slowReader, tally, closedTcpPort, closedUdpPort } = endpoints;
      for (const e of [bulkEcho, keepOpenEcho, slowReader, tally, closedTcpPort, closedUdpPort])
        expect(e.address).toBe('127.0.0.1');
    } finally {
      await endpoints.close();
    }
  });
});
