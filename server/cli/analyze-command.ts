/**
 * `packet-ladder analyze FILE...`: reads pcap/pcapng files in bounded chunks (flat memory) and prints one
 * JSON object per packet per line. An unreadable file is one line on stderr; the others still print.
 */
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createCaptureIngest, type IngestedPacket } from '../../core/ingest/capture-ingest.ts';
import { CaptureFormatError } from '../../core/pcap/index.ts';
import { ANALYZE_KEYS } from '../../core/report/packet-json.ts';
import { packetJsonLine } from '../../core/report/packet-json-line.ts';
import { createHeapCeiling } from './heap-ceiling.ts';

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

/** Bytes read at a time: one buffer, reused, so memory does not grow with the file. */
const READ_CHUNK = 16384;
/** Output is written in pieces of about this many characters (one write per line costs more). */
const WRITE_BATCH = 256 * 1024;
/** Garbage allowed to pile up before a full collection (see HeapCeiling). */
const HEAP_SLACK = 24 * 1024 * 1024;

/** Prints the file's packets; returns what was wrong with the file, if anything. */
async function analyzeFile(
  path: string,
  label: string | undefined,
  serverPorts: number[],
  out: Writable,
): Promise<string | undefined> {
  // analyze prints no payloads and no conversation list: no hex previews, no finished summaries.
  const ingest = createCaptureIngest({ serverPorts, previewBytes: 0, keepConversations: 0 });
  const fileJson = label === undefined ? undefined : JSON.stringify(label);
  let first: number | undefined;
  let text = '';
  const flush = async () => {
    const ready = out.write(text);
    text = '';
    if (!ready) await new Promise((r) => out.once('drain', r));
  };
  const emit = async (packets: IngestedPacket[]) => {
    for (let i = 0; i < packets.length; i++) {
      const record = packets[i]!.record;
      first ??= record.time;
      text += packetJsonLine(record, first, fileJson) + '\n';
    }
    if (text.length >= WRITE_BATCH) await flush();
  };
  const heap = createHeapCeiling(HEAP_SLACK);
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, 'r');
    const buffer = new Uint8Array(READ_CHUNK);
    // Synchronous reads: the CLI has nothing else to do meanwhile, and a read from the page
    // cache is quicker than the hop to the thread pool. Waiting for 'drain' bounds the output.
    for (let n; (n = fs.readSync(fd, buffer, 0, READ_CHUNK, null)) > 0;) {
      await emit(ingest.push(buffer.subarray(0, n)));
      heap.check();
    }
    await emit(ingest.end());
    if (text) await flush();
    if (ingest.reader.format === undefined) return 'empty file: not a pcap or pcapng capture';
    return undefined;
  } catch (e) {
    if (text) await flush();
    if (e instanceof CaptureFormatError) return e.message;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a directory, not a capture file';
    if (code === 'EACCES') return 'permission denied';
    return (e as Error).message;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
