/**
 * Forgets the oldest entry of a Map or Set kept to a bound (its first in insertion order), in
 * constant time. `map.delete(map.keys().next().value)` is not: V8 leaves a deleted entry's slot
 * in place until the table is rebuilt, and a new iterator walks every such slot from the start,
 * so a map of 100,000 forgetting one entry per insert spent ~60 µs a call (a 900,000-stream file
 * read in minutes instead of seconds). An iterator kept per collection goes on from where it
 * stopped: every entry before it has been forgotten, and entries set again move past it.
 */
type Bounded<K> = Map<K, unknown> | Set<K>;

const kept = new WeakMap<Bounded<unknown>, Iterator<unknown>>();

/** Deletes the collection's oldest entry and returns its key (undefined when it is empty). */
export function dropOldest<K>(collection: Bounded<K>): K | undefined {
  const next = oldest(collection);
  if (next.done) return undefined;
  collection.delete(next.value);
  return next.value;
}

/** Deletes the map's oldest entry and returns it (undefined when it is empty). */
export function dropOldestEntry<K, V>(map: Map<K, V>): [K, V] | undefined {
  const next = oldest(map);
  if (next.done) return undefined;
  const value = map.get(next.value) as V;
  map.delete(next.value);
  return [next.value, value];
}

/** The kept iterator's next key: the oldest, as long as every key it gave was deleted at once. */
function oldest<K>(collection: Bounded<K>): IteratorResult<K> {
  let it = kept.get(collection) as Iterator<K> | undefined;
  let next = it?.next();
  // A finished iterator stays finished, even once entries are added: start a new one.
  if (!it || !next || next.done) {
    it = collection.keys();
    kept.set(collection, it);
    next = it.next();
  }
  return next;
}
