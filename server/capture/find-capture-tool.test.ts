import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INSTALL_SENTENCE } from './capture-failure-message.ts';
import { captureSearchDirs, chooseCaptureTool } from './find-capture-tool.ts';

const root = mkdtempSync(join(tmpdir(), 'capture-tools-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder holding the named files; `mode` decides whether they are executable. */
function folder(name: string, files: string[], mode = 0o755): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const f of files) {
    writeFileSync(join(dir, f), '#!/bin/sh\n');
    chmodSync(join(dir, f), mode);
  }
  return dir;
}
const both = folder('both', ['tcpdump', 'dumpcap']);
const onlyDumpcap = folder('only-dumpcap', ['dumpcap']);
const notExecutable = folder('not-executable', ['tcpdump', 'dumpcap'], 0o644);
const empty = folder('empty', []);

describe('chooseCaptureTool', () => {
  const cases = [
    {
      name: 'auto prefers tcpdump',
      input: ['auto', [both]] as const,
      expected: { tool: 'tcpdump', path: join(both, 'tcpdump') },
    },
    {
      name: 'auto falls back to dumpcap',
      input: ['auto', [empty, onlyDumpcap]] as const,
      expected: { tool: 'dumpcap', path: join(onlyDumpcap, 'dumpcap') },
    },
    {
      name: 'dumpcap when asked',
      input: ['dumpcap', [both]] as const,
      expected: { tool: 'dumpcap', path: join(both, 'dumpcap') },
    },
    {
      name: 'first folder wins',
      input: ['dumpcap', [onlyDumpcap, both]] as const,
      expected: { tool: 'dumpcap', path: join(onlyDumpcap, 'dumpcap') },
    },
    {
      name: 'skips files that cannot run',
      input: ['auto', [notExecutable]] as const,
      expected: { tool: undefined, reason: INSTALL_SENTENCE },
    },
    {
      name: 'asked-for tool missing',
      input: ['tcpdump', [onlyDumpcap]] as const,
      expected: {
        tool: undefined,
        reason: 'Capture with tcpdump needs it installed: install it (apt-get install tcpdump).',
      },
    },
    {
      name: 'dumpcap missing names its package',
      input: ['dumpcap', [empty]] as const,
      expected: {
        tool: undefined,
        reason:
          'Capture with dumpcap needs it installed: install it (apt-get install wireshark-common).',
      },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => expect(chooseCaptureTool(input[0], input[1])).toEqual(expected));
  }

  it('finds the tools installed on this machine', () => {
    expect(chooseCaptureTool('auto').tool).toBe('tcpdump');
    expect(chooseCaptureTool('dumpcap').tool).toBe('dumpcap');
  });
});

describe('captureSearchDirs', () => {
  it('adds the sbin folders a user PATH often lacks, once each', () => {
    expect(captureSearchDirs('/usr/bin:/home/me/bin::/usr/bin')).toEqual([
      '/usr/bin',
      '/home/me/bin',
      '/usr/sbin',
      '/sbin',
      '/usr/local/sbin',
    ]);
  });
});
