/**
 * Finds an installed capture program. Searches PATH and the sbin folders that a non-root PATH often
 * lacks (tcpdump lives in /usr/sbin on Debian); tcpdump is preferred for its per-packet delivery.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { CaptureTool } from './capture-source.ts';
import { INSTALL_SENTENCE } from './capture-failure-message.ts';

/** Which tool to use: one by name, or whichever is installed ('auto'). */
export type CaptureToolPreference = CaptureTool | 'auto';

export type CaptureToolChoice =
  { tool: CaptureTool; path: string } | { tool: undefined; reason: string }; // none usable; reason is one sentence with the fix

/** PATH's folders, then /usr/sbin, /usr/bin, /sbin, /usr/local/sbin, without duplicates. */
export function captureSearchDirs(path = process.env.PATH ?? ''): string[] {
  const dirs = [...path.split(delimiter), '/usr/sbin', '/usr/bin', '/sbin', '/usr/local/sbin'];
  return [...new Set(dirs.filter((d) => d !== ''))];
}

/** The path of an executable file named `tool` in `dirs`, or undefined. */
export function findCaptureBinary(
  tool: string,
  dirs: readonly string[] = captureSearchDirs(),
): string | undefined {
  for (const dir of dirs) {
    const file = join(dir, tool);
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) return file;
    } catch {
      // not here, or not executable: keep looking
    }
  }
  return undefined;
}

/** Picks the tool to capture with; under 'auto' tcpdump wins over dumpcap. */
export function chooseCaptureTool(
  preferred: CaptureToolPreference = 'auto',
  dirs: readonly string[] = captureSearchDirs(),
): CaptureToolChoice {
  const order: CaptureTool[] = preferred === 'auto' ? ['tcpdump', 'dumpcap'] : [preferred];
  for (const tool of order) {
    const path = findCaptureBinary(tool, dirs);
    if (path !== undefined) return { tool, path };
  }
  if (preferred === 'auto') return { tool: undefined, reason: INSTALL_SENTENCE };
  const pkg = preferred === 'dumpcap' ? 'wireshark-common' : 'tcpdump';
  return {
    tool: undefined,
    reason: `Capture with ${preferred} needs it installed: install it (apt-get install ${pkg}).`,
  };
}
