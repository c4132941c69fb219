/**
 * A value as JSON carries it to a page: fields left undefined are dropped. Answers between
 * processes sharing Redis are encoded with msgpack, which keeps such fields as null, so without
 * this a page on another process would hold values unlike those the owner's pages hold (see
 * redis-link.ts, which shapes every answer so).
 */
export function jsonShaped<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
