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
