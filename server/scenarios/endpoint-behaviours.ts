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

/** Bytes the keep-open endpoint reads from one connection before it closes it. */
export const KEEP_OPEN_MAX_BYTES = 64 * 1024;
const KEEP_OPEN_LINGER_MS = 2000;

/**
 * Answers each read with a reply and stays open; closes after the peer does. Reads no faster
 * than the peer takes the replies (paused while its own send buffer is full), and closes (FIN)
 * after KEEP_OPEN_MAX_BYTES: a client that only sends cannot make it hold more.
 */
export function keepOpen(maxBytes = KEEP_OPEN_MAX_BYTES): Behaviour {
  return (conn) => {
    let read = 0;
    conn.onRead((chunk) => {
      if (read >= maxBytes) return;
      read += chunk.length;
      if (!conn.write(Buffer.from(keepOpenReply(chunk.toString('utf8'))))) {
        conn.socket.pause();
        conn.socket.once('drain', () => {
          if (read < maxBytes) conn.socket.resume();
        });
      }
      if (read >= maxBytes) {
        // FIN, then read no more (the peer's window closes); gone after a moment either way.
        conn.end();
        conn.socket.pause();
        const timer = setTimeout(() => conn.socket.destroy(), KEEP_OPEN_LINGER_MS);
        conn.socket.once('close', () => clearTimeout(timer));
      }
    });
    conn.onPeerEnd(() => conn.end());
  };
}

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
