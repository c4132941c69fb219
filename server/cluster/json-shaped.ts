/**
 * A value as JSON carries it to a page: fields left undefined are dropped. What crosses Redis is
 * encoded with msgpack, which keeps such fields as null, so without this a page on another
 * process would hold records unlike those the owner's pages hold.
 */
export function jsonShaped<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
