/** One line of English per expectation, for the catalog, the verdict and the command line. */
import type { Expectation, PacketPattern } from './expectation.ts';

export function describeExpectation(e: Expectation): string {
  if (e.text) return e.text;
  const where = e.conv === undefined ? '' : ` (conversation ${e.conv + 1})`;
  return describeCheck(e) + where;
}

function describeCheck(e: Expectation): string {
  switch (e.check) {
    case 'steps':
      return `${e.side}: ${e.kinds.join(' → ')}`;
    case 'step-error':
      return `${e.side} gets ${e.code}`;
    case 'no-step':
      return `${e.side} never does ${e.kind}`;
    case 'step-count':
      return `${e.side} does ${e.kind} ${range(e.min, e.max)} time(s)`;
    case 'bytes':
      return `${e.side} ${e.kind === 'read' ? 'reads' : 'writes'} ${e.total} bytes`;
    case 'conversations':
      return `${e.count} conversation(s)`;
    case 'flow':
      return `packets: ${e.packets.map(describePattern).join(', ')}`;
    case 'first-fin':
      return `the ${e.from} sends the first FIN`;
    case 'rst-not-fin':
      return `the ${e.from} sends RST instead of FIN`;
    case 'data-packets':
      return `${range(e.min ?? 0, e.max)} data packet(s) from the ${e.from}`;
    case 'fewer-data-packets':
      return `fewer data packets from the ${e.from} than in conversation ${e.than + 1}`;
    case 'analysis':
      return `${e.flags.join(' or ')}${e.from ? ` from the ${e.from}` : ''} (${range(e.min, e.max)})`;
    case 'icmp-unreachable':
      return 'an ICMP port unreachable comes back';
    case 'ip-version':
      return `every packet is IPv${e.version}`;
  }
}

export function describePattern(p: PacketPattern): string {
  const flags = p.has.length ? p.has.join(',') : '';
  const data = p.data ? (flags ? '+data' : 'data') : '';
  return `${p.from} ${flags}${data}`;
}

function range(min: number, max?: number): string {
  if (max === undefined) return `at least ${min}`;
  if (max === min) return `exactly ${min}`;
  return min === 0 ? `at most ${max}` : `${min} to ${max}`;
}
