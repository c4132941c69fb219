import { describe, expect, it } from 'vitest';
import { parseCaptureStats } from './capture-stats.ts';

describe('parseCaptureStats', () => {
  const cases = [
    {
      name: 'tcpdump on exit',
      input:
        'tcpdump: listening on lo, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n' +
        '14 packets captured\n28 packets received by filter\n3 packets dropped by kernel\n',
      expected: { captured: 14, dropped: 3 },
    },
    {
      name: 'tcpdump, one packet',
      input: '1 packet captured\n1 packet received by filter\n0 packets dropped by kernel\n',
      expected: { captured: 1, dropped: 0 },
    },
    {
      name: 'dumpcap on exit',
      input:
        "Capturing on 'Loopback: lo'\nFile: -\nPackets captured: 9\n" +
        "Packets received/dropped on interface 'Loopback: lo': 9/4 (pcap:4/dumpcap:0/flushed:0/ps_ifdrop:0) (69.2%)\n",
      expected: { captured: 9, dropped: 4 },
    },
    {
      name: 'dumpcap on two interfaces',
      input:
        "Packets received/dropped on interface 'lo': 5/1 (pcap:1/dumpcap:0/flushed:0/ps_ifdrop:0) (83.3%)\n" +
        "Packets received/dropped on interface 'eth0': 7/2 (pcap:2/dumpcap:0/flushed:0/ps_ifdrop:0) (77.8%)\n",
      expected: { dropped: 3 },
    },
    { name: 'no statistics (killed)', input: 'tcpdump: listening on lo\n', expected: {} },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => expect(parseCaptureStats(input)).toEqual(expected));
  }
});
