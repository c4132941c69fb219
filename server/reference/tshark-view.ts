/**
 * tshark 4.0's reading of a capture file, as PacketViews: `-T json -e …` with relative sequence
 * numbers (payloads left out, so big captures stay small), the packet's own headers only (not
 * those an ICMP error quotes), and every tcp.analysis.* field that is a flag (FT_NONE).
 */
import { execFileSync, type ExecFileSyncOptionsWithStringEncoding } from 'node:child_process';
import { compact, type PacketView } from './packet-view.ts';

/** tshark 4.0's tcp.analysis.* flags (`tshark -G fields`, type FT_NONE, less the tree itself). */
export const TSHARK_ANALYSIS_FLAGS = [
  'retransmission',
  'fast_retransmission',
  'spurious_retransmission',
  'out_of_order',
  'reused_ports',
  'lost_segment',
  'ack_lost_segment',
  'window_update',
  'window_full',
  'keep_alive',
  'keep_alive_ack',
  'zero_window_probe',
  'zero_window',
  'zero_window_probe_ack',
  'duplicate_ack',
  'tfo_syn',
  'tfo_ack',
  'tfo_ignored',
];

const FIELDS = [
  'frame.number',
  'frame.protocols',
  'ip.src',
  'ip.dst',
  'ipv6.src',
  'ipv6.dst',
  'tcp.srcport',
  'tcp.dstport',
  'tcp.stream',
  'tcp.seq',
  'tcp.ack',
  'tcp.len',
  'tcp.window_size',
  'tcp.flags',
  'tcp.nxtseq',
  'udp.srcport',
  'udp.dstport',
  'udp.stream',
  'udp.length',
  'icmp.type',
  'icmp.code',
  'icmpv6.type',
  'icmpv6.code',
  ...TSHARK_ANALYSIS_FLAGS.map((f) => `tcp.analysis.${f}`),
];

/** Values of one frame: each field's occurrences, outermost first. */
type Fields = Record<string, string[] | undefined>;

/** The transport the packet itself carries: the first one in frame.protocols. */
function transportOf(protocols: string): string | undefined {
  return protocols.split(':').find((p) => ['tcp', 'udp', 'icmp', 'icmpv6'].includes(p));
}

/**
 * The packet's own IP layer: the outermost of ip and ipv6 in frame.protocols. A tunnel (IPv6
 * outside, IPv4 inside) fills both ip.* and ipv6.*, and the inner one is not the packet's.
 */
function outerIp(protocols: string): 'ip' | 'ipv6' {
  return protocols.split(':').find((p) => p === 'ip' || p === 'ipv6') === 'ipv6' ? 'ipv6' : 'ip';
}

function view(f: Fields): PacketView {
  const first = (k: string): string | undefined => f[k]?.[0];
  const num = (k: string): number | undefined => {
    const s = first(k);
    return s === undefined ? undefined : Number(s);
  };
  const ip = outerIp(first('frame.protocols') ?? '');
  const v: PacketView = {
    no: num('frame.number')!,
    src: first(`${ip}.src`),
    dst: first(`${ip}.dst`),
  };
  const transport = transportOf(first('frame.protocols') ?? '');
  if (transport === 'tcp') {
    const flags = Number(first('tcp.flags')) & 0x1ff;
    Object.assign(v, {
      sport: num('tcp.srcport'),
      dport: num('tcp.dstport'),
      stream: num('tcp.stream'),
      seq: num('tcp.seq'),
      ack: flags & 0x010 ? num('tcp.ack') : undefined,
      len: num('tcp.len'),
      win: num('tcp.window_size'),
      flags,
      nextSeq: num('tcp.nxtseq'),
      analysis: TSHARK_ANALYSIS_FLAGS.filter((a) => f[`tcp.analysis.${a}`]),
    });
    v.analysis!.sort();
  } else if (transport === 'udp') {
    Object.assign(v, {
      sport: num('udp.srcport'),
      dport: num('udp.dstport'),
      stream: num('udp.stream'),
      len: num('udp.length')! - 8,
    });
  } else if (transport === 'icmp' || transport === 'icmpv6') {
    Object.assign(v, { type: num(`${transport}.type`), code: num(`${transport}.code`) });
  }
  return compact(v);
}

/** One frame as tshark read it: the compared view and its protocol stack (`eth:ethertype:ip:tcp`). */
export interface TsharkFrame {
  view: PacketView;
  protocols: string;
}

function parseFrames(out: string): TsharkFrame[] {
  const frames = JSON.parse(out) as { _source: { layers: Fields } }[];
  return frames.map((x) => ({
    view: view(x._source.layers),
    protocols: x._source.layers['frame.protocols']?.[0] ?? '',
  }));
}

/**
 * Runs tshark on `file` (bounded in time). `tolerant`: a file tshark calls cut short or damaged
 * (exit status 2) still gives the frames it printed before the damage.
 */
export function tsharkFrames(file: string, tolerant = false): TsharkFrame[] {
  const args = ['-n', '-r', file, '-o', 'tcp.relative_sequence_numbers:TRUE', '-T', 'json'];
  for (const field of FIELDS) args.push('-e', field);
  const opts: ExecFileSyncOptionsWithStringEncoding = {
    encoding: 'utf8',
    timeout: 20_000,
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  };
  try {
    return parseFrames(execFileSync('tshark', args, opts));
  } catch (e) {
    const out = (e as { stdout?: string; status?: number }).stdout;
    if (!tolerant || (e as { status?: number }).status !== 2 || !out) throw e;
    return parseFrames(out);
  }
}

/** Runs tshark on `file` (bounded in time) and returns one view per frame, in order. */
export function tsharkView(file: string): PacketView[] {
  return tsharkFrames(file).map((f) => f.view);
}
