/** What the extra scenario endpoints do with a connection (see startScenarioEndpoints). */
import { SLOW_READER_PAUSE_MS } from '../../core/scenario/scenario-sizes.ts';
import type { Behaviour } from '../echo/tapped-tcp-server.ts';

/** Echoes every byte back as it arrives; closes after the peer does. */
export const echoEverything: Behaviour = (conn) => {
  conn.onRead((chunk) => {
    // Stop reading while our own send buffer is full, so memory stays bounded.
    if (!conn.write(chunk)) {
      conn.socket.pause();
      conn.socket.once('drain', () => conn.socket.resume());
    }
  });
  conn.onPeerEnd(() => conn.end());
};

export function keepOpenReply(message: string): string {
  return `echo: ${message}`;
}

/** Answers each read with a reply and stays open; closes after the peer does. */
export const keepOpen: Behaviour = (conn) => {
  conn.onRead((chunk) => conn.write(Buffer.from(keepOpenReply(chunk.toString('utf8')))));
  conn.onPeerEnd(() => conn.end());
};

/** Does not read at first, so the receive window fills and closes; then reads everything. */
export function slowReader(pauseMs = SLOW_READER_PAUSE_MS): Behaviour {
  return (conn) => {
    conn.socket.pause();
    const timer = setTimeout(() => conn.socket.resume(), pauseMs);
    conn.socket.once('close', () => clearTimeout(timer));
    conn.onPeerEnd(() => conn.end());
  };
}

export function tallyReply(bytes: number, reads: number): string {
  return `received ${bytes} bytes in ${reads} reads\n`;
}

/** What the tally answers to the first read. */
export const TALLY_READY = 'ready\n';

/**
 * Answers the first read with "ready" (a request/reply, after which Linux delays its ACKs: the
 * connection looks interactive), then reads until the peer's FIN, says how many bytes came in
 * how many reads, and closes.
 */
export const tally: Behaviour = (conn) => {
  let bytes = 0;
  let reads = 0;
  conn.onRead((chunk) => {
    if (reads++ === 0) conn.write(Buffer.from(TALLY_READY));
    bytes += chunk.length;
  });
  conn.onPeerEnd(() => {
    conn.write(Buffer.from(tallyReply(bytes, reads)));
    conn.end();
  });
};
