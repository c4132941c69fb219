/** Finds capture files under a directory: by extension, or by a pcap/pcapng magic number. */
import { closeSync, openSync, readSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CaptureReader } from '../core/pcap/index.ts';

const EXTENSIONS = new Set(['.pcap', '.pcapng', '.cap', '.dmp']);

/** Whether the first 4 bytes are a magic number the reader knows. */
function hasCaptureMagic(file: string): boolean {
  const head = new Uint8Array(4);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    if (readSync(fd, head, 0, 4, 0) < 4) return false;
    const reader = new CaptureReader();
    reader.push(head);
    return reader.format !== undefined;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Capture files under dir, sorted, recursing into subdirectories (symlinked ones are not followed). */
export function findCaptureFiles(dir: string): string[] {
  const found: string[] = [];
  const pending = [dir];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const entry of readdirSync(next, { withFileTypes: true })) {
      const path = join(next, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (
        entry.isFile() &&
        (EXTENSIONS.has(extname(entry.name).toLowerCase()) || hasCaptureMagic(path))
      ) {
        found.push(path);
      }
    }
  }
  return found.sort();
}
