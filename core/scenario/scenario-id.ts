/** The scenarios a teacher can run: stable ids used by the page, the command line and the tests. */

export type ScenarioId =
  | 'classic' // the original exchange: the server replies and closes first
  | 'client-closes' // the client half-closes after sending; the server still replies
  | 'refused' // connect to a port with no listener: SYN answered by RST,ACK
  | 'reset' // the client aborts: RST instead of FIN
  | 'bulk' // 1 MiB sent and echoed: many segments, window full, window updates
  | 'slow-reader' // the server stops reading: zero window, probes, window update
  | 'multi-message' // several request/reply rounds on one connection
  | 'nagle' // many small writes with Nagle's algorithm on, then off
  | 'concurrent' // several clients at once, each its own conversation
  | 'keepalive' // an idle connection with 1 s keep-alive probes
  | 'udp' // one datagram and its reply
  | 'udp-unreachable' // a datagram to a closed port: ICMP port unreachable
  | 'ipv6' // the classic exchange over ::1
  | LossScenarioId;

/** Scenarios on an impaired link: a network namespace whose nftables rules lose chosen packets. */
export type LossScenarioId =
  | 'syn-lost' // the first SYN is lost: SYN retransmitted after the initial RTO (1 s)
  | 'data-lost' // one data segment of a transfer is lost: duplicate ACKs, fast retransmission
  | 'ack-lost' // the ACK of the data is lost: a spurious retransmission
  | 'fin-lost' // the client's FIN is lost: the FIN retransmitted
  | 'blackhole'; // everything after the handshake is lost: backoff until ETIMEDOUT

export const LOSS_SCENARIO_IDS: readonly LossScenarioId[] = [
  'syn-lost',
  'data-lost',
  'ack-lost',
  'fin-lost',
  'blackhole',
];

/** In catalog order. */
export const SCENARIO_IDS: readonly ScenarioId[] = [
  'classic',
  'client-closes',
  'refused',
  'reset',
  'bulk',
  'slow-reader',
  'multi-message',
  'nagle',
  'concurrent',
  'keepalive',
  'udp',
  'udp-unreachable',
  'ipv6',
  ...LOSS_SCENARIO_IDS,
];

export function isLossScenarioId(text: string): text is LossScenarioId {
  return (LOSS_SCENARIO_IDS as readonly string[]).includes(text);
}

export function isScenarioId(text: string): text is ScenarioId {
  return (SCENARIO_IDS as readonly string[]).includes(text);
}
