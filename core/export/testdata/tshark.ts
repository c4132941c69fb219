/** Runs tshark on bytes written to a temporary file: its stdout and its stderr (minus the root notice). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tshark(bytes: Uint8Array, args: string[]): { stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'export-tshark-'));
  try {
    const file = join(dir, 'export.pcapng');
    writeFileSync(file, bytes);
    const r = spawnSync('tshark', ['-n', '-r', file, ...args], { encoding: 'utf8' });
    // tshark warns that it runs as root on every start; that line says nothing about the file.
    const stderr = r.stderr
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('Running as user "root"'))
      .join('\n');
    return { stdout: r.stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
