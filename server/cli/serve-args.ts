/** Flags of the server command, parsed and validated: a bad flag is one line and exit code 2. */
import { parseArgs } from 'node:util';
import net from 'node:net';
import { TOKEN_PATTERN } from '../auth/presenter-token.ts';
import { LIMIT_HELP, LIMIT_OPTIONS, parseLimits, type Limits } from './limit-args.ts';
import { parseRedisUrl } from './redis-url.ts';
import type { LabFlags } from '../lab.ts';

export interface ServeOptions extends LabFlags {
  host: string;
  port: number;
  /** Where sessions are stored; unset keeps them in memory only (main.ts defaults it to ./data). */
  dataDir?: string;
  /** MiB one stored session may take; MiB all of them together may take (oldest pruned). */
  maxSessionMb: number;
  maxStoredMb: number;
  /** Exports and packet bytes for the presenter only. */
  private: boolean;
  /** Capture files being shared at once; the seconds one may take to arrive. */
  maxUploads: number;
  uploadTimeout: number;
  /** The presenter's token; roles are on when given (or when --host is not loopback). */
  token?: string;
  help: boolean;
  /** Limits that keep one page or one student from taking the server (see LIMIT_FLAGS). */
  limits: Limits;
  /** Redis shared with the other server processes (--redis or REDIS_URL); unset: this process alone. */
  redis?: string;
}

export const SERVE_HELP = `Usage: npm start -- [flags]     (or: node --import tsx server/main.ts [flags])

Starts the Packet Ladder page (HTTP + socket.io) and the TCP and UDP echo endpoints.

Flags:
  --host ADDR               address of the page and socket.io (default 127.0.0.1)
  --port N                  port of the page (default 8080)
  --echo-host ADDR          address of the TCP and UDP echo endpoints (default 127.0.0.1)
  --echo-port N             port of the TCP and UDP echo endpoints (default 23333)
  --capture                 capture the echo endpoints' packets with tcpdump or dumpcap
  --capture-tool NAME       auto | tcpdump | dumpcap (default auto: tcpdump if installed)
  --capture-interface NAME  interface to capture on (default: the one carrying --echo-host)
  --data-dir DIR            where sessions are stored, pcapng + JSON Lines (default ./data)
  --max-records N           records kept per session before the oldest are dropped (default 1000000)
  --max-session-mb N        MiB one session may take on disk; past it the oldest records
                            are dropped, on disk and in memory, and counted (default 512)
  --max-stored-mb N         MiB all stored sessions may take; the oldest closed ones are
                            pruned past it (default 2048)
  --private                 exports, saved pcapng and packet bytes for the presenter only
  --max-uploads N           capture files being shared at once (default 2)
  --upload-timeout S        seconds a shared file may take to arrive (default 15)
  --token T                 the presenter's token (16-128 of A-Z a-z 0-9 _ -; default random);
                            turns roles on: only the presenter URL can send, run and share
  --redis URL               redis://HOST:PORT[/DB] shared by several server processes behind one
                            address (default: $REDIS_URL, else this process serves alone)
  -h, --help                show this help

Limits (each refusal is one line on the page and in the log):
${LIMIT_HELP}`;

export class UsageError extends Error {}

/** `env` is where REDIS_URL is read from (main.ts passes process.env); --redis wins over it. */
export function parseServeArgs(argv: string[], env: { REDIS_URL?: string } = {}): ServeOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8080' },
        'echo-host': { type: 'string', default: '127.0.0.1' },
        'echo-port': { type: 'string', default: '23333' },
        capture: { type: 'boolean', default: false },
        'capture-tool': { type: 'string', default: 'auto' },
        'capture-interface': { type: 'string' },
        'max-records': { type: 'string', default: '1000000' },
        'data-dir': { type: 'string' },
        'max-session-mb': { type: 'string', default: '512' },
        'max-stored-mb': { type: 'string', default: '2048' },
        private: { type: 'boolean', default: false },
        token: { type: 'string' },
        redis: { type: 'string' },
        'max-uploads': { type: 'string', default: '2' },
        'upload-timeout': { type: 'string', default: '15' },
        help: { type: 'boolean', short: 'h', default: false },
        ...LIMIT_OPTIONS,
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]);
  }
  const tool = values['capture-tool'];
  if (tool !== 'auto' && tool !== 'tcpdump' && tool !== 'dumpcap') {
    throw new UsageError(`--capture-tool must be auto, tcpdump or dumpcap, not "${tool}".`);
  }
  const iface = values['capture-interface'];
  if (iface !== undefined && !/^[\w.:@-]{1,32}$/.test(iface)) {
    throw new UsageError(`--capture-interface "${iface}" is not an interface name.`);
  }
  const redisFlag = values.redis !== undefined ? '--redis' : 'REDIS_URL';
  const redisText = values.redis ?? (env.REDIS_URL || undefined);
  const redis = redisText === undefined ? undefined : parseRedisUrl(redisText);
  if (typeof redis === 'object') throw new UsageError(`${redisFlag} ${redis.error}`);
  const token = values.token;
  if (token !== undefined && !TOKEN_PATTERN.test(token)) {
    throw new UsageError('--token must be 16 to 128 characters of A-Z, a-z, 0-9, _ and -.');
  }
  return {
    host: address('--host', values.host),
    port: integer('--port', values.port, 0, 65535),
    echoHost: address('--echo-host', values['echo-host']),
    echoPort: integer('--echo-port', values['echo-port'], 0, 65535),
    capture: values.capture,
    captureTool: tool,
    captureInterface: iface,
    maxRecords: integer('--max-records', values['max-records'], 100, 10_000_000),
    ...dataDir(values['data-dir']),
    maxSessionMb: integer('--max-session-mb', values['max-session-mb'], 1, 1_000_000),
    maxStoredMb: integer('--max-stored-mb', values['max-stored-mb'], 1, 10_000_000),
    private: values.private,
    maxUploads: integer('--max-uploads', values['max-uploads'], 1, 64),
    uploadTimeout: integer('--upload-timeout', values['upload-timeout'], 1, 3600),
    ...(token !== undefined && { token }),
    help: values.help,
    limits: parseLimits(values, integer),
    ...(redis !== undefined && { redis }),
  };
}

function integer(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${text}".`);
  }
  return n;
}

function address(flag: string, text: string): string {
  if (text === 'localhost') return '127.0.0.1';
  if (!net.isIP(text))
    throw new UsageError(`${flag} must be an IPv4 or IPv6 address, not "${text}".`);
  return text;
}

function dataDir(text: string | undefined): { dataDir?: string } {
  if (text === undefined) return {};
  if (text === '' || text.includes('\0')) throw new UsageError('--data-dir must name a directory.');
  return { dataDir: text };
}
