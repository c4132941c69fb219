/**
 * The link to the Redis shared by several server processes: one client for socket.io's Redis
 * Streams adapter, set so that this process keeps serving its own pages while Redis is away and
 * rejoins by itself when it returns. One log line when the link goes down, one when it is back.
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { hasBinary } from '@socket.io/redis-streams-adapter/dist/util.js';
import { createClient } from 'redis';
import type { ClusterState, ClusterStatus } from '../../core/protocol.ts';
import { jsonShaped } from './json-shaped.ts';

/** Longest wait between two tries to reach Redis again. */
const MAX_RETRY_MS = 2000;
/** A try to connect that hangs (a host that drops packets) gives up after this. */
const CONNECT_TIMEOUT_MS = 3000;

type AdapterFactory = ReturnType<typeof createAdapter>;

export interface RedisLink {
  /** For `new Server(…, { adapter })`. */
  adapter: AdapterFactory;
  status(): ClusterStatus;
  /** Called on every change of state (not on every failed retry). */
  onStatus(listener: (s: ClusterStatus) => void): void;
  keys: RedisKeys;
  close(): Promise<void>;
}

/** Plain keys beside the adapter's streams; each command fails at once while Redis is away. */
export interface RedisKeys {
  /** SET with an expiry in ms. */
  hold(key: string, value: string, ms: number): Promise<void>;
  drop(key: string): Promise<void>;
  /** The keys starting with `prefix` (by SCAN, never KEYS). */
  list(prefix: string): Promise<string[]>;
}

export function connectRedis(url: string, log: (line: string) => void): RedisLink {
  // Without disableOfflineQueue a broadcast waits for its XADD, so while Redis is down the pages
  // of this very process would get nothing: the command now fails at once and the adapter
  // delivers locally. The adapter's reading and subscribing clients (duplicates) keep the
  // offline queue: their XREAD/SUBSCRIBE wait for the link instead of failing in a tight loop.
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** Math.min(retries, 5), MAX_RETRY_MS),
    },
  });
  const duplicate = client.duplicate.bind(client);
  client.duplicate = ((overrides) =>
    duplicate({ ...overrides, disableOfflineQueue: false })) as typeof client.duplicate;
  // The adapter publishes some messages (server-side emits) without catching a refusal: a
  // refused PUBLISH while Redis is down must not become an unhandled rejection.
  const publish = client.publish.bind(client);
  Object.defineProperty(client, 'publish', {
    value: (...args: Parameters<typeof publish>) => publish(...args).catch(() => 0),
  });

  const where = redactedUrl(url);
  let status: ClusterStatus = { state: 'connecting', redis: where };
  const listeners = new Set<(s: ClusterStatus) => void>();
  const set = (state: ClusterState, why?: string) => {
    if (status.state === state) return;
    status = { state, redis: where, ...(why !== undefined && { message: why }) };
    if (state === 'up') log(`joined the other servers through Redis at ${where}.`);
    if (state === 'down')
      log(
        `Redis at ${where} cannot be reached (${why}): serving this server's own pages alone, retrying.`,
      );
    for (const l of listeners) l(status);
  };
  client.on('ready', () => set('up'));
  client.on('error', (err: Error) => set('down', err.message || String(err)));
  // connect() retries by itself until Redis answers; it rejects only when closed.
  client.connect().catch(() => undefined);

  return {
    adapter: jsonAnswers(catchingAdapter(createAdapter(client))),
    status: () => status,
    onStatus: (l) => void listeners.add(l),
    keys: {
      hold: async (key, value, ms) =>
        void (await client.set(key, value, { expiration: { type: 'PX', value: ms } })),
      drop: async (key) => void (await client.del(key)),
      list: async (prefix) => {
        const found: string[] = [];
        for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) {
          found.push(...batch);
        }
        return found;
      },
    },
    close: async () => {
      listeners.clear();
      if (client.isOpen) await client.close().catch(() => undefined);
      else client.destroy();
    },
  };
}

/**
 * The adapter's serverSideEmit with an acknowledgement first asks Redis how many servers there
 * are; refused (Redis down), its promise rejects and the acknowledgement is never called. Here it
 * is called with the error and no responses, as for a timeout.
 */
function catchingAdapter(make: AdapterFactory): AdapterFactory {
  return function (this: unknown, nsp: Parameters<AdapterFactory>[0]) {
    const adapter = make(nsp);
    const serverSideEmit = adapter.serverSideEmit.bind(adapter);
    adapter.serverSideEmit = (packet: unknown[]) => {
      const last = packet[packet.length - 1];
      const ack = typeof last === 'function' ? (last as (e: Error, r: unknown[]) => void) : null;
      return Promise.resolve(serverSideEmit(packet)).catch((err: Error) => ack?.(err, []));
    };
    return adapter;
  } as AdapterFactory;
}

/**
 * The adapter sends what it publishes as JSON unless it holds bytes, but always encodes its
 * answers to other processes (the acknowledgements of serverSideEmitWithAck) with msgpack, which
 * keeps a field left undefined as null: a session row, a quiz or a record answered by another
 * process would then arrive unlike the same value on this one (and an optional field as null is
 * refused by its schema). Answers without bytes are shaped as JSON first, like everything else.
 */
function jsonAnswers(make: AdapterFactory): AdapterFactory {
  return function (this: unknown, nsp: Parameters<AdapterFactory>[0]) {
    const adapter = make(nsp);
    // Protected in the adapter's types; it is the one place every answer goes through.
    const target = adapter as unknown as { doPublishResponse(to: string, r: unknown): unknown };
    const publish = target.doPublishResponse.bind(adapter);
    target.doPublishResponse = (to, response) =>
      publish(to, hasBinary(response) ? response : jsonShaped(response));
    return adapter;
  } as AdapterFactory;
}

/** The URL without its password, for the log and the page. */
function redactedUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.href.replace(/\/$/, '');
}
