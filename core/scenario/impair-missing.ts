/** What keeps a machine from running the scenarios on an impaired link, and how to get it. */

export type ImpairMissing =
  | 'linux' // network namespaces and nftables are Linux's
  | 'root' // making a namespace needs root (CAP_SYS_ADMIN and CAP_NET_ADMIN)
  | 'iproute2' // the `ip` command
  | 'nftables'; // the `nft` command, or nftables in the kernel

/** One sentence: what is missing and how to get it. */
export const IMPAIR_MISSING_TEXT: Record<ImpairMissing, string> = {
  linux:
    'Loss scenarios need Linux (network namespaces and nftables); run the server on a Linux machine.',
  root: 'Loss scenarios need root to make a network namespace; start the server with sudo.',
  iproute2: 'Loss scenarios need the ip command; install it with: sudo apt-get install iproute2.',
  nftables: 'Loss scenarios need nftables; install it with: sudo apt-get install nftables.',
};
