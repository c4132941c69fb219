/**
 * The limit flags of the server command: what one page, one address or the whole class may use.
 * Each has a default sane for a classroom and a visible effect when it is reached.
 */
export interface Limits {
  /** Sends and scenario runs per second of one page (bursts of twice that). */
  triggerRate: number;
  /** Sends and scenario runs per second of every page together. */
  triggerRateTotal: number;
  /** Scenario runs waiting at once (one per page). */
  scenarioQueue: number;
  /** Joins and catalog requests per second of one page. */
  readRate: number;
  /** socket.io connections from one address. */
  connectionsPerAddress: number;
  /** Bytes waiting to go to one page before it is dropped as fallen behind. */
  clientBufferBytes: number;
  /** TCP connections to the echo endpoint at once, from everyone. */
  echoConnections: number;
  /** TCP connections to the echo endpoint at once, from one address. */
  echoConnectionsPerAddress: number;
  /** Milliseconds an echo connection may stay silent before the server closes it. */
  echoIdleTimeoutMs: number;
  /** Largest capture file a page may share, in bytes. */
  maxUploadBytes: number;
  /** Shared capture files held at once (only ones nobody shows are removed for a new one). */
  maxFileSessions: number;
}

interface Flag {
  key: keyof Limits;
  default: number;
  min: number;
  max: number;
  /** Flag value × scale = the value in Limits (seconds → ms, MiB → bytes). */
  scale: number;
  help: string;
}

const FLAGS: Record<string, Flag> = {
  'trigger-rate': {
    key: 'triggerRate',
    default: 2,
    min: 1,
    max: 1000,
    scale: 1,
    help: 'sends and scenario runs per second of one page',
  },
  'trigger-rate-total': {
    key: 'triggerRateTotal',
    default: 20,
    min: 1,
    max: 10_000,
    scale: 1,
    help: 'sends and scenario runs per second of every page together',
  },
  'scenario-queue': {
    key: 'scenarioQueue',
    default: 32,
    min: 1,
    max: 1000,
    scale: 1,
    help: 'scenario runs waiting at once (one per page, taken in turn)',
  },
  'read-rate': {
    key: 'readRate',
    default: 10,
    min: 1,
    max: 1000,
    scale: 1,
    help: 'joins (pages of records) per second of one page',
  },
  'max-page-connections': {
    key: 'connectionsPerAddress',
    default: 16,
    min: 1,
    max: 10_000,
    scale: 1,
    help: 'socket.io connections from one address',
  },
  'client-buffer': {
    key: 'clientBufferBytes',
    default: 16,
    min: 1,
    max: 1024,
    scale: 1024 * 1024,
    help: 'MiB waiting for one page before it is dropped as fallen behind',
  },
  'echo-max-connections': {
    key: 'echoConnections',
    default: 1000,
    min: 1,
    max: 100_000,
    scale: 1,
    help: 'TCP echo connections at once',
  },
  'echo-max-per-address': {
    key: 'echoConnectionsPerAddress',
    default: 50,
    min: 1,
    max: 100_000,
    scale: 1,
    help: 'TCP echo connections at once from one address',
  },
  'echo-idle-timeout': {
    key: 'echoIdleTimeoutMs',
    default: 60,
    min: 1,
    max: 86_400,
    scale: 1000,
    help: 'seconds a silent TCP echo connection stays open',
  },
  'max-upload-mb': {
    key: 'maxUploadBytes',
    default: 64,
    min: 1,
    max: 1024,
    scale: 1024 * 1024,
    help: 'MiB of the largest capture file a page may share',
  },
  'max-files': {
    key: 'maxFileSessions',
    default: 8,
    min: 1,
    max: 100,
    scale: 1,
    help: 'shared capture files held; one nobody shows makes room',
  },
};

export const LIMIT_OPTIONS = Object.fromEntries(
  Object.entries(FLAGS).map(([name, f]) => [name, { type: 'string', default: String(f.default) }]),
) as Record<string, { type: 'string'; default: string }>;

export const LIMIT_HELP = Object.entries(FLAGS)
  .map(([name, f]) => `  --${`${name} N`.padEnd(24)}${f.help} (default ${f.default})`)
  .join('\n');

/** The limits as given (or defaulted); `integer` throws the usage error for a bad value. */
export function parseLimits(
  values: Record<string, unknown>,
  integer: (flag: string, text: string, min: number, max: number) => number,
): Limits {
  const out = {} as Limits;
  for (const [name, f] of Object.entries(FLAGS)) {
    out[f.key] = integer(`--${name}`, String(values[name]), f.min, f.max) * f.scale;
  }
  return out;
}

/** The defaults, for code that starts the app without the command line. */
export const DEFAULT_LIMITS: Limits = parseLimits(
  Object.fromEntries(Object.entries(FLAGS).map(([n, f]) => [n, String(f.default)])),
  (_flag, text) => Number(text),
);
