/** Ports of the e2e servers (see playwright.config.ts): one plain, one with live capture. */
const PORT = Number(process.env.E2E_PORT ?? 18090);
export const ECHO_PORT = Number(process.env.E2E_ECHO_PORT ?? 23390);
export const CAPTURE_URL = `http://127.0.0.1:${PORT + 1}/`;
export const CAPTURE_ECHO_PORT = ECHO_PORT + 1;
