/**
 * Where a stored session lives under --data-dir: `sessions/<folder>/` with `meta.json`,
 * `records.jsonl` and `packets.pcapng`. A folder's name is the session's id once restored, made
 * only of letters, digits and '-' so it is safe both as a path part and in a URL.
 */
import path from 'node:path';

export const SESSIONS_DIR = 'sessions';
export const META_FILE = 'meta.json';
export const RECORDS_FILE = 'records.jsonl';
export const PACKETS_FILE = 'packets.pcapng';

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
