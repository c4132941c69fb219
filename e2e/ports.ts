/** The echo endpoint the e2e server runs (see playwright.config.ts). */
export const ECHO_PORT = Number(process.env.E2E_ECHO_PORT ?? 23390);
