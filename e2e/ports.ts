/** Ports of the e2e servers (see playwright.config.ts): plain, with live capture, with roles. */
const PORT = Number(process.env.E2E_PORT ?? 18090);
export const ECHO_PORT = Number(process.env.E2E_ECHO_PORT ?? 23390);
export const CAPTURE_URL = `http://127.0.0.1:${PORT + 1}/`;
export const CAPTURE_ECHO_PORT = ECHO_PORT + 1;
export const ROLES_URL = `http://127.0.0.1:${PORT + 2}/`;
export const ROLES_ECHO_PORT = ECHO_PORT + 2;
/** The --token the roles server was started with. */
export const ROLES_TOKEN = 'e2e-presenter-token-0123';
