/**
 * `packet-ladder analyze FILE...`: reads pcap/pcapng files as streams (flat memory) and prints one
 * JSON object per packet per line. An unreadable file is one line on stderr; the others still print.
 */
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createCaptureIngest, type IngestedPacket } from '../../core/ingest/capture-ingest.ts';
import { CaptureFormatError } from '../../core/pcap/index.ts';
import { ANALYZE_KEYS, packetJson } from '../../core/report/packet-json.ts';

export const ANALYZE_HELP = `Usage: packet-ladder analyze [--server-port N]... FILE...

Reads pcap or pcapng files and prints one JSON object per packet per line (JSON Lines).
Unreadable files are reported on stderr (file, byte offset, what is wrong) and give exit code 2;
the other files still print.

Flags:
  --server-port N   a port known to be a server's, to tell client from server when no SYN was captured
  -h, --help        show this help

Keys:
${ANALYZE_KEYS.map(([k, v]) => `  ${k.padEnd(15)} ${v}`).join('\n')}
`;

export async function analyzeCommand(
  argv: string[],
  out: Writable,
  err: Writable,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        'server-port': { type: 'string', multiple: true },
      },
    });
  } catch (e) {
    err.write(`packet-ladder analyze: ${(e as Error).message.split('\n')[0]} (see --help)\n`);
    return 2;
  }
  if (parsed.values.help) {
    out.write(ANALYZE_HELP);
    return 0;
  }
  const serverPorts: number[] = [];
  for (const text of parsed.values['server-port'] ?? []) {
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < 1 || n > 65535) {
      err.write(`packet-ladder analyze: --server-port must be a port number, not "${text}".\n`);
      return 2;
    }
    serverPorts.push(n);
  }
  const files = parsed.positionals;
  if (files.length === 0) {
    err.write('packet-ladder analyze: name at least one capture file (see --help).\n');
    return 2;
  }
  let failed = false;
  for (const file of files) {
    const problem = await analyzeFile(file, files.length > 1 ? file : undefined, serverPorts, out);
    if (problem) {
      err.write(`${file}: ${problem}\n`);
      failed = true;
    }
  }
  return failed ? 2 : 0;
}

/** Prints the file's packets; returns what was wrong with the file, if anything. */
async function analyzeFile(
  path: string,
  label: string | undefined,
  serverPorts: number[],
  out: Writable,
): Promise<string | undefined> {
  // analyze prints no payloads: skip the hex previews.
  const ingest = createCaptureIngest({ serverPorts, previewBytes: 0 });
  let first: number | undefined;
  const emit = async (packets: IngestedPacket[]) => {
    let text = '';
    for (const { record } of packets) {
      first ??= record.time;
      text += JSON.stringify(packetJson(record, first, label)) + '\n';
    }
    if (text && !out.write(text)) await new Promise((r) => out.once('drain', r));
  };
  try {
    const stream = fs.createReadStream(path, { highWaterMark: 256 * 1024 });
    for await (const chunk of stream) await emit(ingest.push(chunk as Buffer));
    await emit(ingest.end());
    if (ingest.reader.format === undefined) return 'empty file: not a pcap or pcapng capture';
    return undefined;
  } catch (e) {
    if (e instanceof CaptureFormatError) return e.message;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a directory, not a capture file';
    if (code === 'EACCES') return 'permission denied';
    return (e as Error).message;
  }
}
