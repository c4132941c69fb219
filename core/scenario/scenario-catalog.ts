/** The catalog: what each scenario is called, what to look for, and what it talks to. */
import type { Transport } from '../types.ts';
import type { ScenarioId } from './scenario-id.ts';
import { SCENARIO_IDS } from './scenario-id.ts';
import * as size from './scenario-sizes.ts';

const NAGLE_START = `a ${size.NAGLE_START_MESSAGE.length}-byte “${size.NAGLE_START_MESSAGE}” request`;
const NAGLE_ALL = size.NAGLE_WRITES + 1;

export interface ScenarioEntry {
  id: ScenarioId;
  title: string;
  /** Two lines: what happens, and what to look for. */
  description: [string, string];
  transport: Transport;
  /** The run may be pointed at an operator-allowed host:port instead of the project's endpoint. */
  targetable: boolean;
  /** Runs on an impaired link (a network namespace with nftables loss rules): needs root. */
  impaired?: true;
}

const ENTRIES: Record<ScenarioId, Omit<ScenarioEntry, 'id'>> = {
  classic: {
    title: 'Classic exchange',
    description: [
      'The client sends "hello, I am A"; the server replies and closes first.',
      'Look for the handshake, one request, one reply, and the server’s FIN before the client’s.',
    ],
    transport: 'tcp',
    targetable: true,
  },
  'client-closes': {
    title: 'Client half-closes',
    description: [
      'The client sends, then shuts down its sending side (half-close); the server still replies.',
      'Look for the client’s FIN first, then the server’s data after it, then the server’s FIN.',
    ],
    transport: 'tcp',
    targetable: true,
  },
  refused: {
    title: 'Connection refused',
    description: [
      'The client connects to a port where nothing listens.',
      'Look for a SYN answered by RST,ACK, and ECONNREFUSED on the client.',
    ],
    transport: 'tcp',
    targetable: true,
  },
  reset: {
    title: 'Connection reset',
    description: [
      'The client sends, reads the reply, then aborts the connection.',
      'Look for a RST from the client instead of a FIN, and ECONNRESET on the server.',
    ],
    transport: 'tcp',
    targetable: false,
  },
  bulk: {
    title: 'Bulk transfer (1 MiB)',
    description: [
      'The client sends 1 MiB and the server echoes every byte back.',
      'Look for many full-size segments, ACKs every few segments, window full and window updates.',
    ],
    transport: 'tcp',
    targetable: false,
  },
  'slow-reader': {
    title: 'Slow reader',
    description: [
      'The server stops reading for 1.5 s while the client keeps writing.',
      'Look for the server’s zero window, the client’s probes, then the window update.',
    ],
    transport: 'tcp',
    targetable: false,
  },
  'multi-message': {
    title: 'Several messages, one connection',
    description: [
      'Three request/reply rounds on one connection; the server answers each and stays open.',
      'Look for one handshake, three data exchanges, one close.',
    ],
    transport: 'tcp',
    targetable: false,
  },
  nagle: {
    title: 'Nagle’s algorithm on and off',
    description: [
      `On each of two connections, ${NAGLE_START}, then ${size.NAGLE_WRITES} writes of ${size.NAGLE_WRITE_BYTES} bytes (${NAGLE_ALL} writes): first with Nagle’s algorithm on, then with it off (TCP_NODELAY).`,
      `Look for fewer, merged segments on the first connection and up to one segment per write (${NAGLE_ALL}) on the second; Linux may still merge a few there.`,
    ],
    transport: 'tcp',
    targetable: false,
  },
  concurrent: {
    title: 'Concurrent clients',
    description: [
      'Several clients connect at once, each with its own conversation.',
      'Look for separate client ports, interleaved packets, and each server closing first.',
    ],
    transport: 'tcp',
    targetable: true,
  },
  keepalive: {
    title: 'Keep-alive probes',
    description: [
      'An idle connection with keep-alive probes every second.',
      'Look for empty segments one byte back in sequence, each answered by an ACK.',
    ],
    transport: 'tcp',
    targetable: true,
  },
  udp: {
    title: 'UDP datagram',
    description: [
      'One datagram to the UDP echo and its reply.',
      'Look for no handshake and no close: two datagrams, nothing else.',
    ],
    transport: 'udp',
    targetable: true,
  },
  'udp-unreachable': {
    title: 'UDP to a closed port',
    description: [
      'One datagram to a port where nothing listens.',
      'Look for the ICMP port unreachable that comes back and ECONNREFUSED on the client.',
    ],
    transport: 'udp',
    targetable: true,
  },
  ipv6: {
    title: 'Classic exchange over IPv6',
    description: [
      'The classic exchange between [::1] ports.',
      'Look for the same ladder as the classic one, with IPv6 addresses.',
    ],
    transport: 'tcp',
    targetable: false,
  },
  'syn-lost': {
    title: 'Lost SYN',
    description: [
      'The client’s first SYN is dropped on an impaired link; the kernel sends it again.',
      'Look for a second SYN about 1 s after the first (the initial RTO), then the handshake.',
    ],
    transport: 'tcp',
    targetable: false,
    impaired: true,
  },
  'data-lost': {
    title: 'Lost data segment',
    description: [
      'The client sends 64 KiB in 1448-byte segments; its 5th data segment is dropped.',
      'Look for duplicate ACKs (with SACK blocks) from the server, then the fast retransmission.',
    ],
    transport: 'tcp',
    targetable: false,
    impaired: true,
  },
  'ack-lost': {
    title: 'Lost ACK',
    description: [
      'The client sends a message; the server’s ACK of it is dropped.',
      'Look for the client sending the same data again: a spurious retransmission the server already had.',
    ],
    transport: 'tcp',
    targetable: false,
    impaired: true,
  },
  'fin-lost': {
    title: 'Lost FIN',
    description: [
      'After one request and reply the client closes first; its FIN is dropped.',
      'Look for the FIN sent again after the retransmission timeout, then the usual close.',
    ],
    transport: 'tcp',
    targetable: false,
    impaired: true,
  },
  blackhole: {
    title: 'Blackhole',
    description: [
      'After the handshake every packet is dropped; the client’s data never arrives.',
      'Look for retransmissions at doubling intervals, then ETIMEDOUT on the client after about 3 s.',
    ],
    transport: 'tcp',
    targetable: false,
    impaired: true,
  },
};

export const SCENARIOS: readonly ScenarioEntry[] = SCENARIO_IDS.map((id) => ({
  id,
  ...ENTRIES[id],
}));

export function scenarioEntry(id: ScenarioId): ScenarioEntry {
  return { id, ...ENTRIES[id] };
}
