import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { interfaceFor } from './interface-for.ts';

const v4 = (address: string): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal: false,
  cidr: `${address}/24`,
});
const v6 = (address: string): NetworkInterfaceInfo => ({
  address,
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '00:00:00:00:00:00',
  internal: false,
  cidr: `${address}/64`,
  scopeid: 0,
});
const table = {
  lo: [v4('127.0.0.1'), v6('::1')],
  eth0: [v4('10.1.2.3'), v6('fe80::1')],
  wlan0: [v4('192.168.7.9')],
};

describe('interfaceFor', () => {
  const cases = [
    { name: 'IPv4 loopback', input: '127.0.0.1', expected: 'lo' },
    { name: 'anywhere in 127/8', input: '127.3.2.1', expected: 'lo' },
    { name: 'IPv6 loopback', input: '::1', expected: 'lo' },
    { name: 'bracketed IPv6 loopback', input: '[::1]', expected: 'lo' },
    { name: 'long IPv6 loopback', input: '0:0:0:0:0:0:0:1', expected: 'lo' },
    { name: 'IPv4-mapped loopback', input: '::ffff:127.0.0.1', expected: 'lo' },
    { name: 'localhost', input: 'LocalHost', expected: 'lo' },
    { name: 'IPv4 wildcard', input: '0.0.0.0', expected: 'any' },
    { name: 'IPv6 wildcard', input: '::', expected: 'any' },
    { name: 'address of eth0', input: '10.1.2.3', expected: 'eth0' },
    { name: 'address of wlan0', input: '192.168.7.9', expected: 'wlan0' },
    { name: 'link-local with zone', input: 'fe80::1%eth0', expected: 'eth0' },
    { name: 'address no interface holds', input: '10.9.9.9', expected: undefined },
    { name: 'a name that is not local', input: 'example.org', expected: undefined },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => expect(interfaceFor(input, table)).toBe(expected));
  }

  it('reads this machine’s interfaces by default', () => {
    expect(interfaceFor('127.0.0.1')).toBe('lo');
  });
});
