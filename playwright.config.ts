import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './e2e/chromium-launch.ts';

const PORT = Number(process.env.E2E_PORT ?? 18090);
const ECHO_PORT = Number(process.env.E2E_ECHO_PORT ?? 23390);
/** A second server with live capture (needs tcpdump and root, as in CI). */
const CAPTURE_PORT = PORT + 1;
const CAPTURE_ECHO_PORT = ECHO_PORT + 1;
/** A third server with roles on (--token): presenter and viewers; it takes shared files up to 1 MiB. */
const ROLES_PORT = PORT + 2;
const ROLES_ECHO_PORT = ECHO_PORT + 2;
const ROLES_TOKEN = 'e2e-presenter-token-0123';

export default defineConfig({
  testDir: 'e2e',
  // Generous for CI on 2 shared cores: every step still waits for the condition it names.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: CHROMIUM_LAUNCH,
    trace: 'off',
  },
  webServer: [
    {
      command: `node --import tsx server/main.ts --port ${PORT} --echo-port ${ECHO_PORT} --data-dir "$(mktemp -d)"`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: `node --import tsx server/main.ts --port ${CAPTURE_PORT} --echo-port ${CAPTURE_ECHO_PORT} --capture --data-dir "$(mktemp -d)"`,
      url: `http://127.0.0.1:${CAPTURE_PORT}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: `node --import tsx server/main.ts --port ${ROLES_PORT} --echo-port ${ROLES_ECHO_PORT} --token ${ROLES_TOKEN} --max-upload-mb 1 --data-dir "$(mktemp -d)" --capture`,
      url: `http://127.0.0.1:${ROLES_PORT}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
