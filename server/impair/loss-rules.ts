/**
 * nftables rulesets that lose chosen packets on a namespace's loopback. Every rule sits on the
 * input hook: the packet has already gone out through `lo` (so a capture there sees the one that
 * is lost, as a capture at the sender would), and it is dropped before the receiving socket gets
 * it. Rules are deterministic: they count packets (`numgen inc`) or remember connections (a set),
 * never draw random numbers, so every run loses the same packet.
 */

/** Which packets a ruleset loses (the server listens on `port`; the client connects to it). */
export type LossPlan =
  | { drop: 'first-syn' } // each connection's first SYN; its retransmission passes
  | { drop: 'client-data'; nth: number; every?: number } // the client's nth data segment (and each `every` after)
  | { drop: 'first-server-ack' } // the server's first ACK without data after the handshake
  | { drop: 'first-client-fin' } // the client's first FIN
  | { drop: 'after-handshake' }; // everything after SYN, SYN/ACK and the ACK that completes the handshake

export const NFT_TABLE = 'packet_ladder_loss';

/** Larger than any run's packet count: `numgen inc mod` this counts from 0 without wrapping. */
const NO_WRAP = 1 << 30;

/**
 * A segment carrying data, in nftables terms (it has no arithmetic between fields): one rule per
 * TCP header length, each "IP total length greater than the two headers". IPv4 without options,
 * which is all the namespace's 127.0.0.1 traffic carries.
 */
function withPayload(match: string, action: string): string[] {
  const rules: string[] = [];
  for (let doff = 5; doff <= 15; doff++)
    rules.push(`${match} ip hdrlength 5 tcp doff ${doff} ip length > ${20 + 4 * doff} ${action}`);
  return rules;
}

/** The same for a segment with no data (a bare header). */
function withoutPayload(match: string, action: string): string[] {
  const rules: string[] = [];
  for (let doff = 5; doff <= 15; doff++)
    rules.push(`${match} ip hdrlength 5 tcp doff ${doff} ip length ${20 + 4 * doff} ${action}`);
  return rules;
}

/** The ruleset for `nft -f -`, for a server on `port`. */
export function lossRuleset(plan: LossPlan, port: number): string {
  const toServer = `tcp dport ${port}`;
  const toClient = `tcp sport ${port}`;
  const sets: string[] = [];
  const chains: Record<string, string[]> = {};
  let input: string[];
  switch (plan.drop) {
    case 'first-syn':
      sets.push('set syn_seen { type inet_service; flags dynamic; }');
      input = [
        `${toServer} tcp flags & (syn | ack) == syn tcp sport @syn_seen accept`,
        `${toServer} tcp flags & (syn | ack) == syn add @syn_seen { tcp sport } drop`,
      ];
      break;
    case 'client-data': {
      const every = plan.every ?? NO_WRAP;
      chains.client_data = [`numgen inc mod ${every} == ${(plan.nth - 1) % every} drop`];
      input = withPayload(toServer, 'jump client_data');
      break;
    }
    case 'first-server-ack':
      chains.server_ack = [`numgen inc mod ${NO_WRAP} == 0 drop`];
      input = withoutPayload(`${toClient} tcp flags == ack`, 'jump server_ack');
      break;
    case 'first-client-fin':
      chains.client_fin = [`numgen inc mod ${NO_WRAP} == 0 drop`];
      input = [`${toServer} tcp flags & fin == fin jump client_fin`];
      break;
    case 'after-handshake':
      // The client's first segment without SYN is the handshake's ACK: it passes, the rest not.
      chains.client_after = [`numgen inc mod ${NO_WRAP} > 0 drop`];
      input = [
        `${toServer} tcp flags & syn == 0 jump client_after`,
        `${toClient} tcp flags & syn == 0 drop`,
      ];
      break;
  }
  const chainText = Object.entries(chains).map(
    ([name, rules]) => `  chain ${name} {\n${rules.map((r) => `    ${r}\n`).join('')}  }\n`,
  );
  return [
    `table inet ${NFT_TABLE} {\n`,
    ...sets.map((s) => `  ${s}\n`),
    ...chainText,
    '  chain input {\n',
    '    type filter hook input priority filter; policy accept;\n',
    ...input.map((r) => `    ${r}\n`),
    '  }\n',
    '}\n',
  ].join('');
}
