/**
 * One conversation as a Mermaid `sequenceDiagram`: the client and the server as participants,
 * each packet as an arrow labelled like the ladder (`SYN Seq=0 Win=65495`), each socket call as
 * a note on its side. Records in time order, as the ladder draws them.
 */
import { formatEndpoint } from '../conversation-id.ts';
import type { Endpoint, PacketRecord, SessionRecord, Side } from '../protocol.ts';
import { analysisNote, packetLabel } from '../report/packet-label.ts';
import { mermaidText } from './mermaid-text.ts';
import { stepDetail, stepName } from './step-text.ts';

const ALIAS: Record<Side, string> = { client: 'C', server: 'S' };

/** The diagram in lines; `records` are the conversation's (any others are skipped). */
export function* sequenceMermaid(
  records: readonly SessionRecord[],
  conv: string,
): Generator<string, void, undefined> {
  const mine = records
    .filter((r) => r.conv === conv)
    .sort((a, b) => a.time - b.time || a.recNo - b.recNo);
  const ends = endpointsOf(mine);
  yield 'sequenceDiagram\n';
  yield `  title ${mermaidText(conv)}\n`;
  for (const side of ['client', 'server'] as const) {
    const e = ends[side];
    yield `  participant ${ALIAS[side]} as ${mermaidText(`${side} ${e ? formatEndpoint(e) : ''}`)}\n`;
  }
  for (const r of mine) {
    if (r.type === 'step') {
      const where = r.side === 'client' ? 'left of C' : 'right of S';
      const detail = stepDetail(r);
      const text = `${stepName(r)}${r.preview?.text ? `: "${detail}"` : ''}`;
      yield `  Note ${where}: ${mermaidText(`(${r.recNo}) ${text}`)}\n`;
    } else {
      const from = senderOf(r, ends.client);
      const to = from === 'client' ? 'server' : 'client';
      const note = analysisNote(r);
      const label = `${packetLabel(r)}${note ? ` ${note}` : ''}`;
      yield `  ${ALIAS[from]}->>${ALIAS[to]}: ${mermaidText(label)}\n`;
    }
  }
}

/** Each side's endpoint, from the first record that tells it. */
function endpointsOf(records: readonly SessionRecord[]): Record<Side, Endpoint | undefined> {
  const out: Record<Side, Endpoint | undefined> = { client: undefined, server: undefined };
  for (const r of records) {
    if (out.client && out.server) break;
    if (r.type === 'step') {
      const other: Side = r.side === 'client' ? 'server' : 'client';
      out[r.side] ??= r.local;
      if (r.remote) out[other] ??= r.remote;
    } else if (r.analysis && r.src !== undefined && r.dst !== undefined && r.proto !== 'ICMP') {
      const other: Side = r.analysis.from === 'client' ? 'server' : 'client';
      out[r.analysis.from] ??= { address: r.src, port: r.sport ?? 0 };
      out[other] ??= { address: r.dst, port: r.dport ?? 0 };
    }
  }
  return out;
}

function senderOf(p: PacketRecord, client: Endpoint | undefined): Side {
  if (p.analysis) return p.analysis.from;
  return client && p.src === client.address ? 'client' : 'server';
}
