import { describe, expect, it } from 'vitest';
import { captureFailureMessage, INSTALL_SENTENCE } from './capture-failure-message.ts';

// stderr texts as tcpdump 4.99 and dumpcap 4.0 print them
describe('captureFailureMessage', () => {
  const cases = [
    {
      name: 'program missing',
      input: { tool: 'dumpcap', iface: 'lo', code: 'ENOENT' },
      expected: INSTALL_SENTENCE,
    },
    {
      name: 'not executable',
      input: { tool: 'tcpdump', iface: 'lo', code: 'EACCES' },
      expected: 'tcpdump could not be run: make it executable (chmod +x $(which tcpdump)).',
    },
    {
      name: 'tcpdump without rights',
      input: {
        tool: 'tcpdump',
        iface: 'lo',
        stderr:
          "tcpdump: lo: You don't have permission to perform this capture on that device\n(socket: Operation not permitted)\n",
      },
      expected:
        'tcpdump may not capture on lo: run as root or give it CAP_NET_RAW (setcap cap_net_raw,cap_net_admin=eip $(which tcpdump)).',
    },
    {
      name: 'dumpcap without rights',
      input: {
        tool: 'dumpcap',
        iface: 'eth0',
        stderr:
          'Capturing on \'eth0\'\ndumpcap: You do not have permission to capture on device "eth0".\n(socket: Operation not permitted)\n',
      },
      expected:
        'dumpcap may not capture on eth0: run as root or give it CAP_NET_RAW (setcap cap_net_raw,cap_net_admin=eip $(which dumpcap)).',
    },
    {
      name: 'tcpdump, unknown interface',
      input: {
        tool: 'tcpdump',
        iface: 'nosuch0',
        stderr: 'tcpdump: nosuch0: No such device exists\n(No such device exists)\n',
      },
      expected: 'There is no network interface named "nosuch0": pick one that `ip link` lists.',
    },
    {
      name: 'dumpcap, unknown interface',
      input: {
        tool: 'dumpcap',
        iface: 'nosuch0',
        stderr: 'dumpcap: There is no device named "nosuch0".\n(No such device exists)\n',
      },
      expected: 'There is no network interface named "nosuch0": pick one that `ip link` lists.',
    },
    {
      name: 'interface down',
      input: { tool: 'tcpdump', iface: 'eth1', stderr: 'tcpdump: eth1: That device is not up\n' },
      expected: 'Interface "eth1" is down: bring it up (ip link set eth1 up).',
    },
    {
      name: 'bad filter',
      input: {
        tool: 'tcpdump',
        iface: 'lo',
        stderr: "tcpdump: can't parse filter expression: syntax error\n",
      },
      expected:
        "tcpdump rejected the capture filter (can't parse filter expression: syntax error): fix the filter.",
    },
    {
      name: 'anything else, first error line',
      input: {
        tool: 'tcpdump',
        iface: 'lo',
        stderr: 'tcpdump: listening on lo\n0 packets captured\ntcpdump: pcap_loop: read error.\n',
        exitCode: 1,
      },
      expected:
        'tcpdump stopped capturing on lo (pcap_loop: read error): check that it runs by hand with the same arguments.',
    },
    {
      name: 'nothing printed',
      input: { tool: 'dumpcap', iface: 'lo', stderr: '', exitCode: 2 },
      expected:
        'dumpcap stopped capturing on lo (exit code 2): check that it runs by hand with the same arguments.',
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => expect(captureFailureMessage(input)).toBe(expected));
  }
});
