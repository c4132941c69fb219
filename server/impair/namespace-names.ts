/**
 * Names of the network namespaces this program makes: `pl-<pid>-<n>`, so a later start can tell
 * which ones a process that died left behind (its pid is gone) and remove them.
 */

const NAME = /^pl-(\d+)-(\d+)$/;

export function namespaceName(pid: number, n: number): string {
  return `pl-${pid}-${n}`;
}

/** The pid in one of our names, or undefined for any other namespace. */
export function namespaceOwner(name: string): number | undefined {
  const m = NAME.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** Names in `ip netns list` output: the first word of each line ("name (id: 3)"). */
export function parseNamespaceList(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter((n) => n !== '');
}

/** Our namespaces whose owner no longer runs. */
export function staleNamespaces(names: string[], alive: (pid: number) => boolean): string[] {
  return names.filter((n) => {
    const pid = namespaceOwner(n);
    return pid !== undefined && pid !== process.pid && !alive(pid);
  });
}
