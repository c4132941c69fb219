/**
 * Turns why a capture tool could not run (a spawn error code or its stderr) into one sentence that
 * says what to do, for the status line and for start()'s rejection.
 */

export interface CaptureFailure {
  tool: string;
  iface: string;
  /** errno code of a failed spawn, e.g. ENOENT. */
  code?: string;
  /** What the tool printed on stderr. */
  stderr?: string;
  /** Exit code, when it exited. */
  exitCode?: number | null;
}

export const INSTALL_SENTENCE =
  'Capture needs tcpdump or dumpcap: install one (apt-get install tcpdump).';

/** The first stderr line that is neither progress nor statistics, trimmed and without a trailing period. */
function firstError(stderr: string, tool: string): string | undefined {
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .find(
      (l) =>
        l !== '' &&
        !/^(Capturing on|File:|(tcpdump: )?listening on|\d+ packets? |Packets )/.test(l),
    );
  return line?.replace(new RegExp(`^${tool}: `), '').replace(/\.$/, '');
}

/** One sentence naming the problem and its fix. */
export function captureFailureMessage(f: CaptureFailure): string {
  const { tool, iface } = f;
  const err = f.stderr ?? '';
  if (f.code === 'ENOENT') return INSTALL_SENTENCE;
  if (f.code === 'EACCES')
    return `${tool} could not be run: make it executable (chmod +x $(which ${tool})).`;
  if (/permission|Operation not permitted/i.test(err)) {
    return `${tool} may not capture on ${iface}: run as root or give it CAP_NET_RAW (setcap cap_net_raw,cap_net_admin=eip $(which ${tool})).`;
  }
  if (/No such device|no device named|no suitable device|don't exist|doesn't exist/i.test(err)) {
    return `There is no network interface named "${iface}": pick one that \`ip link\` lists.`;
  }
  if (/not up/i.test(err))
    return `Interface "${iface}" is down: bring it up (ip link set ${iface} up).`;
  if (/can't parse filter|invalid capture filter/i.test(err))
    return `${tool} rejected the capture filter (${firstError(err, tool)}): fix the filter.`;
  const detail = firstError(err, tool) ?? `exit code ${String(f.exitCode ?? f.code ?? 'unknown')}`;
  return `${tool} stopped capturing on ${iface} (${detail}): check that it runs by hand with the same arguments.`;
}
