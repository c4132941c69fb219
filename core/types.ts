/** Leaf types every layer shares (sides, endpoints, transports, step kinds); imports nothing. */

/** Which end of a conversation a socket step or state belongs to. */
export type Side =
  | 'client' // the side that connects / sends first
  | 'server'; // the echo endpoint

/** Transport of a conversation. */
export type Transport = 'tcp' | 'udp';

/** Socket-level steps the tap reports (names are stable test hooks: `data-step`). */
export type StepKind =
  | 'listen' // TCP server socket listening
  | 'bind' // UDP socket bound
  | 'connect' // client connect() completed (durationUs = how long it took)
  | 'accept' // server accepted a connection
  | 'write' // bytes handed to the kernel with write()/send()
  | 'read' // bytes returned by read()/recv()
  | 'peer-end' // read returned 0: the peer's FIN arrived
  | 'end' // shutdown(SHUT_WR): our FIN queued
  | 'close' // socket closed
  | 'reset' // socket aborted: RST sent
  | 'idle-close' // the server closes a connection silent for too long (durationUs: how long); a FIN follows
  | 'over-limit' // the server refused a connection past its limits with RST (message says which)
  | 'error' // an error reported by the socket (code: ECONNREFUSED, ECONNRESET…)
  | 'udp-send' // a datagram sent
  | 'udp-recv'; // a datagram received

export interface Endpoint {
  address: string;
  port: number;
}

export interface PayloadPreview {
  /** First bytes (at most 256) as text, non-printables shown as '.' */
  text: string;
  /** The same bytes as lowercase hex without separators */
  hex: string;
}
