/**
 * Composition root of the page server: the lab (echo endpoints, live session, capture) plus HTTP
 * and the socket.io hub. `startApp` is what `npm start` runs and what integration tests start.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import { Server } from 'socket.io';
import { formatEndpoint } from '../core/conversation-id.ts';
import type { CaptureStatus, Endpoint } from '../core/protocol.ts';
import { serverLiveTitleKey } from '../core/session-title.ts';
import { listenOn } from './echo/listen-on.ts';
import { Hub } from './hub/hub.ts';
import type { HubServer } from './hub/hub-server.ts';
import type { Session } from './hub/session.ts';
import { openSessionStore } from './store/session-store.ts';
import { attachSessionActions } from './store/session-actions.ts';
import { staticHandler } from './http/static-files.ts';
import { apiHandler, type Handler } from './http/api.ts';
import { guardHandler } from './http/guard-handler.ts';
import { replyError } from './http/reply.ts';
import { parseRequestUrl } from './http/request-url.ts';
import { setSecurityHeaders } from './http/security-headers.ts';
import type { ServeOptions } from './cli/serve-args.ts';
import { allowSameOrigin, attachRoles } from './auth/attach-roles.ts';
import { createRoles } from './auth/roles.ts';
import { tokenLanding } from './auth/token-landing.ts';
import { writeRefusal } from './auth/write-refusal.ts';
import { inUse } from './lab.ts';
import { attachScenarios } from './hub/scenario-handlers.ts';
import { attachClassroom } from './class/class-handlers.ts';
import { attachRoster } from './class/roster-handlers.ts';
import { viewerUrls } from './class/viewer-urls.ts';
import { GuardedEvents } from './hub/guarded-events.ts';
import { throttledLog, type LogLine } from './hub/throttled-log.ts';
import { capConnectionsPerAddress } from './hub/connection-cap.ts';
import { dropSlowReaders } from './hub/slow-readers.ts';
import { startScenarioLab } from './scenarios/scenario-lab.ts';
import { ShareWorkers } from './sessions/share-workers.ts';
import { createScenarioService } from './scenarios/scenario-service.ts';
import { connectRedis } from './cluster/redis-link.ts';
import { holdScenarioRuns } from './cluster/scenario-hold.ts';
import { ClusterSessions } from './cluster/cluster-sessions.ts';
import { syncClassView } from './cluster/class-view-sync.ts';
import { syncClassQuiz } from './cluster/class-quiz-sync.ts';
import { fetchExport, serveExports } from './cluster/cluster-exports.ts';
import { sessionListEntry } from './http/session-list.ts';
import type { Classroom } from './class/classroom.ts';

export { PortInUseError } from './lab.ts';

const MIB = 1024 * 1024;

export interface App {
  url: string;
  /** The socket.io server (tests add a middleware to play a viewer). */
  io: HubServer;
  echo: Endpoint;
  /** The live session now (a new one takes its place when the presenter starts one). */
  readonly live: Session;
  /** Whether pages need the token to act, and the token. */
  roles: { enabled: boolean; token: string };
  capture(): CaptureStatus;
  close(): Promise<void>;
}

export type AppOptions = ServeOptions & {
  /** Where refusals are logged, one line each (default: stderr). */
  log?: LogLine;
};

export async function startApp(opts: AppOptions): Promise<App> {
  // With --redis, this process's sessions are named after it so every id is unique among them.
  const node = opts.redis === undefined ? null : randomBytes(4).toString('hex');
  const live = node ? { id: `live-${node}`, title: serverLiveTitleKey(node) } : null;
  // The scenario endpoints start first so the capture filter covers their ports.
  const scenarioLab = await startScenarioLab({ ...opts, ...(live && { live }) });
  const lab = scenarioLab.lab;
  const limits = opts.limits;
  const scenarios = createScenarioService(scenarioLab.env, {
    maxWaiting: limits.scenarioQueue,
    maxPerOwner: 1,
  });
  try {
    let api: Handler = () => false;
    const serveStatic = staticHandler();
    const roles = createRoles(opts);
    const shareWorkers = new ShareWorkers();
    const httpServer = http.createServer(
      guardHandler((req, res) => {
        setSecurityHeaders(res);
        const url = parseRequestUrl(req.url);
        if (!url.ok) return void replyError(res, 400, url.error);
        if (tokenLanding(roles, req, res, url)) return;
        const answered = api(req, res, url);
        if (answered === false) serveStatic(req, res);
        else if (answered !== true) return answered;
      }),
    );
    const say = opts.log ?? ((line: string) => console.warn(`packet-ladder: ${line}`));
    const link = opts.redis === undefined ? null : connectRedis(opts.redis, say);
    // Node cuts any request after 300 s with a bare 408; a shared file read slowly on a busy
    // machine may take longer, and its own --upload-timeout counts the time spent waiting on it.
    httpServer.requestTimeout = 30 * 60_000;
    const io: HubServer = new Server(httpServer, {
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
      allowRequest: allowSameOrigin,
      ...(link && { adapter: link.adapter }),
    });
    const log = throttledLog(say);
    capConnectionsPerAddress(io, limits.connectionsPerAddress, log);
    attachRoles(io, roles);
    const events = new GuardedEvents(
      {
        triggersPerClient: limits.triggerRate,
        triggersTotal: limits.triggerRateTotal,
        readsPerClient: limits.readRate,
      },
      log,
    );
    const slow = dropSlowReaders(io, limits.clientBufferBytes, log);
    const hub = new Hub(io, {
      events,
      fellBehind: (socket) => slow.fellBehind(socket.handshake.auth['was']),
      echo: { host: lab.echo.address, port: lab.echo.port },
      capture: lab.capture,
      send: lab.send,
      maxRecords: opts.maxRecords,
      private: opts.private,
      live: lab.live.id,
      ...(link && { cluster: link.status }),
      maxFileSessions: limits.maxFileSessions,
      maxUploadBytes: limits.maxUploadBytes,
    });
    const store =
      opts.dataDir === undefined
        ? null
        : openSessionStore({
            dataDir: opts.dataDir,
            maxRecords: opts.maxRecords,
            maxSessionBytes: opts.maxSessionMb * MIB,
            maxTotalBytes: opts.maxStoredMb * MIB,
            log: (line) => process.stderr.write(`${line}\n`),
            changed: () => hub.sessionsChanged(),
            pruned: (gone) => {
              for (const s of gone) hub.removeSession(s.id);
              io.emit(
                'sessionsPruned',
                gone.map((s) => ({ title: s.title, ...(s.titleKey && { titleKey: s.titleKey }) })),
              );
            },
          });
    for (const s of store?.restored ?? []) hub.addSession(s);
    hub.addSession(lab.live);
    store?.record(lab.live);
    const busyHere = () => scenarios.catalog().runs.length > 0;
    const hold = link && node ? holdScenarioRuns(link.keys, node, busyHere) : null;
    // Before the pages' listener: the hold is taken or let go before any page hears why.
    if (hold) scenarios.onStatus(() => void hold.changed());
    attachScenarios(io, events, scenarios);
    attachSessionActions(io, events, {
      hub,
      store,
      lab,
      scenarioBusy: async () => busyHere() || ((await hold?.elsewhere()) ?? false),
      clustered: link !== null,
    });
    let classroom: Classroom | null = null;
    const classSync = link && syncClassView(io, () => classroom);
    const quizSync = link && syncClassQuiz(io, () => classroom);
    classroom = attachClassroom(io, events, {
      viewerUrls: () => viewerUrls(opts.host, (httpServer.address() as net.AddressInfo).port),
      ...(classSync && { viewSet: classSync.published }),
      ...(quizSync && { quizSet: quizSync.published, elsewhere: quizSync }),
    });
    const peers =
      link && node && classSync
        ? joinCluster(
            io,
            hub,
            node,
            say,
            () => link.status().state === 'up',
            () => {
              void classSync.rejoined();
              void quizSync?.rejoined();
            },
          )
        : null;
    link?.onStatus((s) => {
      io.local.emit('cluster', s);
      if (s.state === 'up') peers?.rejoined();
    });
    attachRoster(io, events, { live: () => lab.live, onSummaries: (l) => hub.onSummaries(l) });
    const stopExports = link && serveExports(io, (id) => hub.getSession(id));
    api = apiHandler({
      ...(peers && {
        elsewhere: {
          rows: () => peers.sessions.rows(),
          exportOf: (id, file, query) => fetchExport(io, id, file, query),
        },
      }),
      get: (id) => hub.getSession(id),
      list: () => hub.listSessions(),
      writeRefusal: (req) => writeRefusal(roles, req),
      readRefusal: (req) =>
        opts.private && roles.roleOf(req.headers) !== 'presenter'
          ? { status: 403, error: 'This server is private: only the presenter can export.' }
          : undefined,
      share: {
        uploads: {
          concurrent: opts.maxUploads,
          timeoutMs: opts.uploadTimeout * 1000,
          maxBytes: limits.maxUploadBytes,
        },
        ...(node && { fileIdPrefix: `file-${node}-` }),
        maxRecords: opts.maxRecords,
        workers: shareWorkers,
        noRoom: () => hub.noFileRoom(),
        addFile: (s) => {
          const added = hub.addFileSession(s);
          if (added.ok) store?.record(s);
          return added;
        },
        progress: (to, p) => void io.to(to).emit('shareProgress', p),
      },
    });
    lab.onCapture((s) => hub.captureChanged(s));
    await inUse(listenOn(httpServer, opts.host, opts.port), opts.port, '--port');
    const bound = httpServer.address() as net.AddressInfo;
    return {
      url: `http://${formatEndpoint({ address: bound.address, port: bound.port })}/`,
      io,
      echo: lab.echo,
      get live() {
        return lab.live;
      },
      roles: { enabled: roles.enabled, token: roles.token },
      capture: lab.capture,
      close: async () => {
        slow.stop();
        peers?.stop();
        stopExports?.();
        await new Promise<void>((resolve) => {
          void io.close(() => resolve());
          httpServer.closeAllConnections();
        });
        await hold?.stop();
        await link?.close();
        await shareWorkers.close();
        await scenarios.close();
        await scenarioLab.close();
        store?.close();
      },
    };
  } catch (err) {
    await scenarioLab.close();
    throw err;
  }
}

/** Shares this process's sessions with the others on Redis and lists theirs in the hub. */
function joinCluster(
  io: HubServer,
  hub: Hub,
  node: string,
  log: LogLine,
  up: () => boolean,
  rejoined: () => void,
): { sessions: ClusterSessions; rejoined(): void; stop(): void } {
  const peers = new ClusterSessions({
    io,
    node,
    up,
    local: () => hub.localSessions(),
    rows: () => hub.listSessions().map(sessionListEntry),
    history: (r) => hub.history(r.session, r.after, r.limit),
    range: (r) => hub.range(r),
    changed: () => hub.peersChanged(),
    log,
  });
  hub.joinCluster(peers);
  return {
    sessions: peers,
    rejoined: () => {
      peers.rejoined();
      rejoined();
    },
    stop: () => peers.stop(),
  };
}
