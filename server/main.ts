/** `npm start`: parses flags, starts the app, prints the URLs, closes every socket on Ctrl-C. */
import { formatEndpoint } from '../core/conversation-id.ts';
import type { CaptureStatus } from '../core/protocol.ts';
import { PortInUseError, startApp, type App } from './app.ts';
import { isLoopbackHost } from './auth/roles.ts';
import { viewerUrls } from './class/viewer-urls.ts';
import { parseServeArgs, SERVE_HELP, UsageError } from './cli/serve-args.ts';

/** How long Ctrl-C waits for sockets and the capture to close. */
const CLOSE_TIMEOUT_MS = 5000;

async function main(): Promise<number> {
  let opts;
  try {
    opts = parseServeArgs(process.argv.slice(2), process.env);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`packet-ladder: ${err.message} (see --help)\n`);
      return 2;
    }
    throw err;
  }
  // Sessions are stored by default; tests that start the app leave dataDir unset.
  opts.dataDir ??= 'data';
  if (opts.help) {
    process.stdout.write(SERVE_HELP);
    return 0;
  }
  let app;
  try {
    app = await startApp(opts);
  } catch (err) {
    if (err instanceof PortInUseError) {
      process.stderr.write(`packet-ladder: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`packet-ladder: could not start: ${(err as Error).message}\n`);
    return 1;
  }
  // Listen for Ctrl-C before saying it can be pressed.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const echo = formatEndpoint(app.echo);
  process.stdout.write(
    `Packet Ladder is running.\n` +
      pageLines(app, opts.host) +
      `  TCP echo:      ${echo}   (try: printf 'hi' | nc ${app.echo.address} ${app.echo.port})\n` +
      `  UDP echo:      ${echo}   (try: nc -u ${app.echo.address} ${app.echo.port})\n` +
      `  Capture:       ${captureLine(app.capture())}\n` +
      `Press Ctrl-C to stop.\n`,
  );
  await stopped;
  // A second Ctrl-C, or a close that takes too long, ends the process at once.
  const force = () => {
    process.stderr.write('packet-ladder: stopped without waiting for every socket to close.\n');
    process.exit(1);
  };
  process.once('SIGINT', force);
  setTimeout(force, CLOSE_TIMEOUT_MS).unref();
  await app.close();
  process.stdout.write('Stopped.\n');
  return 0;
}

/** One page URL with roles off; with roles on, the presenter's URL and the viewers' URLs. */
function pageLines(app: App, host: string): string {
  if (!app.roles.enabled) return `  Page:          ${app.url}\n`;
  const port = Number(new URL(app.url).port);
  const viewers = viewerUrls(host, port).urls;
  const presenter = new URL(viewers[0] ?? app.url);
  presenter.searchParams.set('token', app.roles.token);
  return (
    `  Presenter:     ${presenter.href}   (only this URL can send, run scenarios and share)\n` +
    viewers.map((u, i) => `  ${i === 0 ? 'Viewers:  ' : '          '}     ${u}\n`).join('') +
    (isLoopbackHost(host)
      ? ''
      : `  Warning:       the page is open to the network; whoever has the token ${app.roles.token} is presenter.\n`)
  );
}

function captureLine(s: CaptureStatus): string {
  switch (s.state) {
    case 'off':
      return 'off (start with --capture to see the packets)';
    case 'failed':
      return `failed: ${s.message ?? 'unknown reason'} Socket steps are still shown.`;
    default:
      return `${s.state} with ${s.tool} on ${s.iface}`;
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`packet-ladder: ${err.message}\n`);
    process.exit(1);
  },
);
