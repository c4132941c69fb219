/**
 * How every Chromium of the project is launched (e2e specs and page benchmarks): Debian's
 * Chromium, no GPU, and every host name but 127.0.0.1 unresolvable, so nothing leaves loopback.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  ],
};
