/**
 * Values cached under a path of tokens (strings, numbers, booleans, objects by identity), walked
 * one token at a time so that no key is built per lookup: the line writer caches what a line's
 * constant parts encode to under the parts themselves. Bounded: once more than `max` nodes were
 * made, the trie starts afresh (a walk already under way goes on in the forgotten nodes, so it
 * still gets a right value, which is just not kept).
 */

export interface TrieNode<T> {
  next: Map<unknown, TrieNode<T>> | undefined;
  value: T | undefined;
  /** The token last stepped on from here and where it led: most steps take the same one again. */
  lastToken: unknown;
  lastNode: TrieNode<T> | undefined;
}

function node<T>(): TrieNode<T> {
  return { next: undefined, value: undefined, lastToken: undefined, lastNode: undefined };
}

export class TokenTrie<T> {
  #root: TrieNode<T> = node();
  #nodes = 0;
  readonly #max: number;

  constructor(max: number) {
    this.#max = max;
  }

  /** Where every path starts. */
  get root(): TrieNode<T> {
    return this.#root;
  }

  /** The node under `from` for `token`, made when missing. */
  step(from: TrieNode<T>, token: unknown): TrieNode<T> {
    if (from.lastToken === token && from.lastNode !== undefined) return from.lastNode;
    let next = from.next;
    if (next === undefined) from.next = next = new Map();
    else {
      const to = next.get(token);
      if (to !== undefined) {
        from.lastToken = token;
        from.lastNode = to;
        return to;
      }
    }
    if (++this.#nodes > this.#max) {
      this.#root = node();
      this.#nodes = 1;
    }
    const to = node<T>();
    next.set(token, to);
    from.lastToken = token;
    from.lastNode = to;
    return to;
  }

  /** Nodes made since the trie was last started afresh. */
  get size(): number {
    return this.#nodes;
  }
}
