/**
 * `packet-ladder analyze FILE...`: reads pcap/pcapng files in bounded chunks (flat memory) and prints one
 * JSON object per packet per line. An unreadable file is one line on stderr; the others still print.
 */
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  copyPacketRecord,
  createStreamingIngest,
  type PacketVisitor,
} from '../../core/ingest/capture-ingest.ts';
import { CaptureFormatError } from '../../core/pcap/index.ts';
import { reassemblyNote } from '../../core/decode/reassembly-note.ts';
import { ANALYZE_KEYS } from '../../core/report/packet-json.ts';
import { writePacketJsonLine } from '../../core/report/packet-json-line.ts';
import { JsonLineBuffer } from '../../core/report/json-line-buffer.ts';
import { isLocale, type Locale } from '../../core/explain/render-explanation.ts';
import { createHeapCeiling } from './heap-ceiling.ts';
import { HeldLines } from './held-lines.ts';
import { openCaptureInput, readInput, refuseSpecialFile } from './capture-input.ts';

/** Packets held back at most while waiting for a correction; past it the oldest print as they are. */
const MAX_HELD = 10_000;

export const ANALYZE_HELP = `Usage: packet-ladder analyze [--server-port N]... [--lang en|zh-CN] FILE...

Reads pcap or pcapng files and prints one JSON object per packet per line (JSON Lines), each with
\`explain\`, the sentence the page shows for it. States are true in hindsight: a packet that proves
an earlier packet's states wrong (a SYN answered by RST, a SYN sent again, a simultaneous open)
corrects that packet's line before it is printed (marked "corrected": true).
FILE may be - to read standard input; a FIFO or a device named as FILE is refused.
Unreadable files are reported on stderr (file, byte offset, what is wrong) and give exit code 2;
the other files still print. Fragmented IP datagrams are reassembled (up to 256 at once, 4 MiB,
60 s): the fragment that completes one carries its TCP/UDP; datagrams that could not be put
back together are counted in one line on stderr.

Flags:
  --server-port N   a port known to be a server's, to tell client from server when no SYN was captured
  --lang L          language of \`explain\`: en (default) or zh-CN
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
        lang: { type: 'string', default: 'en' },
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
  const lang = parsed.values.lang;
  if (!isLocale(lang)) {
    err.write(`packet-ladder analyze: --lang must be en or zh-CN, not "${lang}".\n`);
    return 2;
  }
  const files = parsed.positionals;
  if (files.length === 0) {
    err.write('packet-ladder analyze: name at least one capture file (see --help).\n');
    return 2;
  }
  let failed = false;
  for (const file of files) {
    const label = files.length > 1 ? file : undefined;
    const problem = await analyzeFile(file, label, serverPorts, lang, out, (note) =>
      err.write(`${file}: ${note}\n`),
    );
    if (problem) {
      err.write(`${file}: ${problem}\n`);
      failed = true;
    }
  }
  return failed ? 2 : 0;
}

/** Bytes read at a time: one buffer, reused, so memory does not grow with the file. After each
 * read, held lines are released and the heap checked: at 16 KB (~180 packets) that cost ~4 % more
 * CPU than at 64 KB, which holds ~1 MB more lines. */
const READ_CHUNK = 65536;
/** Output is written into buffers of this many bytes, each one write (one write per line costs
 * more). */
const WRITE_BUFFER = 1024 * 1024;
/** Buffers handed on and not yet written out before the job waits: one going out while the
 * next waits, and one more being filled. */
const WRITES_AHEAD = 2;
/** Garbage allowed to pile up before a full collection (see HeapCeiling). */
const HEAP_SLACK = 24 * 1024 * 1024;
/** Young generation kept to this (V8 would grow it to 32 MB): the same speed, 20 MB less memory. */
const YOUNG_GENERATION = 8 * 1024 * 1024;

/** Prints the file's packets; returns what was wrong with the file, if anything. */
async function analyzeFile(
  path: string,
  label: string | undefined,
  serverPorts: number[],
  lang: Locale,
  out: Writable,
  notice: (note: string) => void,
): Promise<string | undefined> {
  // analyze prints no payloads, no conversation list and no conversation ids: no hex previews, no
  // finished summaries, no id strings. Each packet's line is written (or held as bytes) before the
  // next is read: one record reused.
  const ingest = createStreamingIngest({
    serverPorts,
    previewBytes: 0,
    keepConversations: 0,
    conversationIds: false,
  });
  const fileJson = label === undefined ? undefined : JSON.stringify(label);
  let first: number | undefined;
  // A handed-on buffer belongs to the stream until its write is done, and a stream that is not a
  // file descriptor (a PassThrough, say) hands views of it on, not copies: the next lines go to a
  // new buffer. A file descriptor's stream (stdout) is done with a buffer once its write called
  // back: then it is used again. (New megabytes that outlived the young generation were freed
  // only by full collections: tens of MB more at the peak.)
  const reusable = typeof (out as { fd?: unknown }).fd === 'number';
  const spare: Buffer[] = [];
  let writing = 0;
  let written: (() => void) | undefined;
  const lines = new JsonLineBuffer(Buffer.allocUnsafe(WRITE_BUFFER), (bytes) => {
    const whole = Buffer.from(bytes.buffer, bytes.byteOffset, WRITE_BUFFER);
    writing++;
    out.write(bytes, () => {
      writing--;
      if (reusable && spare.length < WRITES_AHEAD) spare.push(whole);
      written?.();
    });
    return spare.pop() ?? Buffer.allocUnsafe(WRITE_BUFFER);
  });
  // Lines wait while a later packet may still correct them. A SYN's record held is a copy of the
  // record and its TCP header (the ingest reuses both); its analysis is not read again.
  const held = new HeldLines(
    lines,
    (to, record) => writePacketJsonLine(to, record, first!, fileJson, lang),
    (record) => copyPacketRecord(record, false),
  );
  const visit: PacketVisitor = (record, corrections) => {
    first ??= record.time;
    held.add(record);
    if (corrections) for (const c of corrections) held.correct(c.packet, c.analysis);
  };
  /** Prints what no later packet can correct any more (everything when `last`). */
  const emit = async (last = false) => {
    const open = last ? undefined : ingest.analyzer.oldestOpen();
    const count = held.count;
    let n = open === undefined || !count ? count : Math.max(0, open - held.first);
    n = Math.max(n, count - MAX_HELD);
    held.release(Math.min(n, count));
    if (last) lines.flush();
    while (writing >= WRITES_AHEAD) await new Promise<void>((r) => (written = r));
    written = undefined;
  };
  const heap = createHeapCeiling(HEAP_SLACK, YOUNG_GENERATION);
  let fd: number | undefined;
  try {
    const special = refuseSpecialFile(path);
    if (special) return special;
    fd = openCaptureInput(path);
    const buffer = new Uint8Array(READ_CHUNK);
    // Synchronous reads: the CLI has nothing else to do meanwhile, and a read from the page
    // cache is quicker than the hop to the thread pool. Waiting for writes bounds the output.
    for (let n; (n = readInput(fd, buffer)) > 0;) {
      ingest.push(buffer.subarray(0, n), visit);
      await emit();
      heap.check();
    }
    ingest.end();
    await emit(true);
    const note = reassemblyNote(ingest.reassembler);
    if (note) notice(note);
    if (ingest.reader.format === undefined) return 'empty file: not a pcap or pcapng capture';
    return undefined;
  } catch (e) {
    // What was read before the problem still prints.
    await emit(true);
    if (e instanceof CaptureFormatError) return e.message;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a directory, not a capture file';
    if (code === 'EACCES') return 'permission denied';
    return (e as Error).message;
  } finally {
    if (fd !== undefined && fd !== 0) fs.closeSync(fd);
  }
}
