/**
 * Where a stored session lives under --data-dir: `sessions/<folder>/` with `meta.json` and its
 * records and packets in numbered segments, `records-000001.jsonl` + `packets-000001.pcapng`,
 * `…-000002…` and so on (a session past its cap loses its oldest segment pair). Folders written
 * before segments hold one pair, `records.jsonl` + `packets.pcapng`, read as segment 0. A
 * folder's name is the session's id once restored, made only of letters, digits and '-' so it is
 * safe both as a path part and in a URL.
 */
import path from 'node:path';

export const SESSIONS_DIR = 'sessions';
export const META_FILE = 'meta.json';
/** The one records file of a folder written before segments (segment 0). */
export const RECORDS_FILE = 'records.jsonl';
/** The one packets file of a folder written before segments (segment 0). */
export const PACKETS_FILE = 'packets.pcapng';

/** Segment `n`'s records file: `records-000001.jsonl`; 0 is the file of the older layout. */
export function recordsFile(n: number): string {
  return n === 0 ? RECORDS_FILE : `records-${String(n).padStart(6, '0')}.jsonl`;
}

/** Segment `n`'s packets file: `packets-000001.pcapng`; 0 is the file of the older layout. */
export function packetsFile(n: number): string {
  return n === 0 ? PACKETS_FILE : `packets-${String(n).padStart(6, '0')}.pcapng`;
}

/** The numbers of the segments in a folder's file names, those with a records file, in order. */
export function segmentNumbers(names: readonly string[]): number[] {
  const out: number[] = [];
  for (const name of names) {
    if (name === RECORDS_FILE) out.push(0);
    const m = /^records-(\d{6})\.jsonl$/.exec(name);
    if (m) out.push(Number(m[1]));
  }
  return out.sort((a, b) => a - b);
}

/** The shape of a folder name this server makes (and the only one it reads back). */
export const FOLDER_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `live-20261128t053700z` from the session id and its start time (µs); `-2`, `-3` when taken. */
export function folderName(
  id: string,
  startTime: number,
  taken: (name: string) => boolean,
): string {
  const stamp = new Date(Math.floor(startTime / 1000))
    .toISOString()
    .replace(/\.\d+Z$/, 'z')
    .replace(/[-:]/g, '')
    .toLowerCase();
  const base = `${
    id
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 's'
  }-${stamp}`;
  let name = base;
  for (let n = 2; taken(name); n++) name = `${base}-${n}`;
  return name;
}

export function sessionDir(dataDir: string, folder: string): string {
  if (!FOLDER_NAME.test(folder)) throw new Error(`"${folder}" is not a stored session's folder.`);
  return path.join(dataDir, SESSIONS_DIR, folder);
}
