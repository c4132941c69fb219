/**
 * This browser's own id for the class (kept in localStorage), sent with the socket.io handshake so
 * the server counts one quiz answer per viewer even across reloads.
 */
const KEY = 'packet-ladder.viewer';

export function viewerId(storage: Pick<Storage, 'getItem' | 'setItem'> | null): string {
  const kept = storage?.getItem(KEY);
  if (kept && /^[\w-]{8,64}$/.test(kept)) return kept;
  const fresh = crypto.randomUUID();
  try {
    storage?.setItem(KEY, fresh);
  } catch {
    // Storage full or refused (private mode): the id lasts as long as the page.
  }
  return fresh;
}
