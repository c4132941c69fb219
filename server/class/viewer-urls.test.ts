import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { viewerUrls } from './viewer-urls.ts';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as os.NetworkInterfaceInfo;

const interfaces = {
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  eth0: [nic('192.168.1.20', 'IPv4'), nic('fe80::1', 'IPv6'), nic('2001:db8::20', 'IPv6')],
  wlan0: [nic('10.0.0.7', 'IPv4')],
};

const cases = [
  {
    name: 'loopback bind: only this machine',
    host: '127.0.0.1',
    expected: { urls: ['http://127.0.0.1:8080/'], loopbackOnly: true },
  },
  {
    name: 'one LAN address bound',
    host: '192.168.1.20',
    expected: { urls: ['http://192.168.1.20:8080/'], loopbackOnly: false },
  },
  {
    name: 'every IPv4 interface',
    host: '0.0.0.0',
    expected: { urls: ['http://192.168.1.20:8080/', 'http://10.0.0.7:8080/'], loopbackOnly: false },
  },
  {
    name: 'every interface, IPv6 too, without link-local',
    host: '::',
    expected: {
      urls: ['http://192.168.1.20:8080/', 'http://10.0.0.7:8080/', 'http://[2001:db8::20]:8080/'],
      loopbackOnly: false,
    },
  },
];

describe('viewerUrls', () => {
  for (const { name, host, expected } of cases) {
    it(name, () => expect(viewerUrls(host, 8080, interfaces)).toEqual(expected));
  }

  it('falls back to loopback when the machine has no other address', () => {
    expect(viewerUrls('0.0.0.0', 8080, { lo: interfaces.lo })).toEqual({
      urls: ['http://127.0.0.1:8080/'],
      loopbackOnly: true,
    });
  });
});
