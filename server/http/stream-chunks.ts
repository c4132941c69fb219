/**
 * Writes chunks to an HTTP response as the client takes them: waits for 'drain' whenever the
 * socket's buffer is full, and stops pulling chunks once the client has gone.
 */
import { once } from 'node:events';
import type http from 'node:http';

export async function streamChunks(
  res: http.ServerResponse,
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
): Promise<void> {
  let gone = false;
  const onClose = () => (gone = true);
  res.once('close', onClose);
  try {
    for await (const chunk of chunks) {
      if (gone || res.destroyed) return;
      if (!res.write(chunk)) {
        await Promise.race([once(res, 'drain'), once(res, 'close')]);
      }
    }
    if (!gone) res.end();
  } finally {
    res.off('close', onClose);
  }
}
