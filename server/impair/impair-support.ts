/**
 * Whether this machine can run impaired links: root (or the capabilities to make namespaces),
 * iproute2's `ip` and nftables' `nft`. Checked once, quickly (a throwaway namespace), then cached;
 * the same check sweeps away namespaces a killed earlier run left behind.
 */
import { execFileSync } from 'node:child_process';
import type { ImpairMissing } from '../../core/scenario/impair-missing.ts';
import { captureSearchDirs, findCaptureBinary } from '../capture/find-capture-tool.ts';
import { namespaceName } from './namespace-names.ts';
import { ipBinary, sweepStaleNamespaces } from './network-namespace.ts';

export type ImpairSupport = { ok: true } | { ok: false; missing: ImpairMissing };

let cached: ImpairSupport | undefined;

export function impairSupport(): ImpairSupport {
  cached ??= check();
  return cached;
}

function run(file: string, args: string[]): boolean {
  try {
    execFileSync(file, args, { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

function check(): ImpairSupport {
  if (process.platform !== 'linux') return { ok: false, missing: 'linux' };
  const ip = findCaptureBinary('ip', captureSearchDirs());
  if (!ip) return { ok: false, missing: 'iproute2' };
  const nft = findCaptureBinary('nft', captureSearchDirs());
  if (!nft || !run(nft, ['--version'])) return { ok: false, missing: 'nftables' };
  if (process.getuid?.() !== 0) return { ok: false, missing: 'root' };
  sweepStaleNamespaces();
  const probe = namespaceName(process.pid, 0);
  if (!run(ipBinary(), ['netns', 'add', probe])) return { ok: false, missing: 'root' };
  const nftWorks = run(ipBinary(), ['netns', 'exec', probe, nft, 'list', 'ruleset']);
  run(ipBinary(), ['netns', 'del', probe]);
  return nftWorks ? { ok: true } : { ok: false, missing: 'nftables' };
}
