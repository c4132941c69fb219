import { describe, expect, it } from 'vitest';
import { TokenTrie, type TrieNode } from './token-trie.ts';

function walk<T>(trie: TokenTrie<T>, tokens: unknown[]): TrieNode<T> {
  let n = trie.root;
  for (const t of tokens) n = trie.step(n, t);
  return n;
}

describe('TokenTrie', () => {
  it('finds a value again under the same tokens, objects by identity', () => {
    const trie = new TokenTrie<string>(100);
    const list = Object.freeze(['SYN']);
    walk(trie, ['en', list, 1, true]).value = 'a';
    walk(trie, ['en', ['SYN'], 1, true]).value = 'b';
    expect(walk(trie, ['en', list, 1, true]).value).toBe('a');
    expect(walk(trie, ['en', list, 1, false]).value).toBeUndefined();
    expect(walk(trie, ['en', list, '1', true]).value).toBeUndefined();
    expect(walk(trie, ['zh-CN', list, 1, true]).value).toBeUndefined();
  });

  it('takes the right branch whether or not it is the one taken last', () => {
    const trie = new TokenTrie<string>(100);
    const a = Object.freeze({ client: 'SYN_SENT' });
    const b = Object.freeze({ client: 'SYN_SENT' });
    walk(trie, ['x', a]).value = 'a';
    walk(trie, ['x', b]).value = 'b';
    for (const [token, value] of [
      [a, 'a'],
      [a, 'a'],
      [b, 'b'],
      [a, 'a'],
      [b, 'b'],
      [b, 'b'],
    ] as const)
      expect(walk(trie, ['x', token]).value).toBe(value);
    expect(walk(trie, ['x', { client: 'SYN_SENT' }]).value).toBeUndefined();
  });

  it('tells a path from its own beginning', () => {
    const trie = new TokenTrie<string>(100);
    walk(trie, ['a', 'b']).value = 'ab';
    expect(walk(trie, ['a']).value).toBeUndefined();
    walk(trie, ['a']).value = 'a';
    expect(walk(trie, ['a', 'b']).value).toBe('ab');
  });

  it('starts afresh past its bound, and a walk under way still ends in a node of its own', () => {
    const trie = new TokenTrie<number>(10);
    for (let i = 0; i < 9; i++) walk(trie, [i]).value = i;
    expect(trie.size).toBe(9);
    expect(walk(trie, [3]).value).toBe(3);
    const old = trie.root;
    // The 11th node: the trie is started afresh during this walk.
    const n = walk(trie, ['x', 'y']);
    expect(trie.root).not.toBe(old);
    expect(trie.size).toBeLessThanOrEqual(10);
    n.value = 42;
    expect(walk(trie, [3]).value).toBeUndefined();
    for (let i = 0; i < 1000; i++) walk(trie, [i, i + 1]);
    expect(trie.size).toBeLessThanOrEqual(10);
  });
});
