import { describe, expect, it } from 'vitest';
import {
  namespaceName,
  namespaceOwner,
  parseNamespaceList,
  staleNamespaces,
} from './namespace-names.ts';

describe('namespace names', () => {
  it('carry the pid of the process that made them', () => {
    expect(namespaceName(4242, 7)).toBe('pl-4242-7');
    expect(namespaceOwner('pl-4242-7')).toBe(4242);
  });

  it.each([['pl-12'], ['pl-a-1'], ['xpl-1-2'], ['pl-1-2-3'], ['docker-ns'], ['']])(
    'leave other namespaces alone: %j',
    (name) => expect(namespaceOwner(name)).toBeUndefined(),
  );

  it('reads `ip netns list`, with or without ids', () => {
    expect(parseNamespaceList('pl-1-2 (id: 3)\nother\n\n  pl-9-1\n')).toEqual([
      'pl-1-2',
      'other',
      'pl-9-1',
    ]);
  });

  it('finds ours whose process is gone, never our own or others’', () => {
    const names = ['pl-100-1', 'pl-200-4', `pl-${process.pid}-1`, 'docker-ns'];
    expect(staleNamespaces(names, (pid) => pid === 200)).toEqual(['pl-100-1']);
  });
});
