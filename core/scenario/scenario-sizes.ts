/** Sizes and counts the scenarios use, shared by their runners and their expectations. */

/** What the client says in the classic exchange. */
export const CLASSIC_MESSAGE = 'hello, I am A';
/** Bytes the bulk scenario sends (and gets back). */
export const BULK_BYTES = 1024 * 1024;
/** Bytes the slow-reader scenario writes while the server does not read. */
export const SLOW_READER_BYTES = 4 * 1024 * 1024;
/** How long the slow reader stops reading, in ms. */
export const SLOW_READER_PAUSE_MS = 1500;
/** Request/reply rounds of multi-message. */
export const MULTI_ROUNDS = 3;
/** What the nagle scenario sends first, before its small writes (one request/reply). */
export const NAGLE_START_MESSAGE = 'start';
/** Small writes per connection in the nagle scenario, and their size in bytes. */
export const NAGLE_WRITES = 20;
export const NAGLE_WRITE_BYTES = 8;
/** Clients in the concurrent scenario by default, and the most it allows. */
export const CONCURRENT_DEFAULT = 5;
export const CONCURRENT_MAX = 20;
/** Keep-alive idle time and probe interval in ms, and how long the connection stays idle. */
export const KEEPALIVE_MS = 1000;
export const KEEPALIVE_IDLE_MS = 2600;
/** Where the server of a loss scenario listens inside its namespace (the namespace is empty). */
export const LOSS_SERVER_PORT = 23333;
/** The namespace's link: Ethernet's MTU, so segments are 1448 bytes and one loss is one segment. */
export const LOSS_MTU = 1500;
/** Bytes the data-lost client sends, and which of its data segments is lost. */
export const DATA_LOST_BYTES = 64 * 1024;
export const DATA_LOST_NTH = 5;
/** How long the ack-lost and fin-lost clients leave for the retransmission before going on, ms. */
export const LOSS_RECOVERY_WAIT_MS = 1000;
/**
 * net.ipv4.tcp_retries2 in the blackhole namespace (Node has no TCP_USER_TIMEOUT; this sysctl is
 * per namespace): Linux gives up on unacknowledged data after a time modelled on this many
 * backed-off retransmissions. With 2, on a loopback link (RTO ≈ 200 ms), measured: a tail-loss
 * probe, retransmissions about 0.4, 0.8 and 1.7 s after the data, ETIMEDOUT after about 3.4 s.
 */
export const BLACKHOLE_RETRIES2 = 2;
/** Retransmissions the blackhole shows at least before the client gives up. */
export const BLACKHOLE_MIN_RETRANSMISSIONS = 3;
