// The local stack on ONE loopback port: the CloudBase emulator (SDK traffic at /admin and its
// /_local API), the function host (/functions/*) and, optionally, the built H5 app.
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { createEmulator, type EmulatorControl } from './emulator/emulator';
import { answerPreflight, applyCors, pathOf, readBody, sendJson } from './emulator/http';
import { SDK_PATH } from './emulator/sdk-endpoint';
import { closeServer, listenLocal } from './emulator/server';
import { buildScfContext } from './emulator/scf-context';
import { createFunctionHost, type FunctionHandlers, type FunctionHostOptions } from './function-host';
import type { MovableClock } from './movable-clock';
import { latencyOf, type StackProfile } from './profile';
import { startTimers, timerEvent } from './timers';
import { FUNCTION_TRIGGERS, type TimerTrigger } from '../server/triggers';
import { COLLECTIONS } from '../server/database';

export interface StackOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Journal directory of the emulator. */
  dataDir: string;
  handlers: FunctionHandlers;
  /** A built H5 app to serve, with SPA fallback to index.html. */
  staticDir?: string;
  onFunctionError?: FunctionHostOptions['onError'];
  /** The latencies and failures of the cloud (profile.ts); default none (the fast profile). */
  profile?: StackProfile;
  /** Each function's time limit (default: the deployed one); tests shorten it. */
  timeLimitMs?: FunctionHostOptions['timeLimitMs'];
  /** A clock a dev-only driver moves: served at GET/POST /_local/clock ({ at }: epoch ms). */
  clock?: MovableClock;
  /** Demo identities the H5 identity switcher lists (GET /_local/identities); default none. */
  identities?: ReadonlyArray<DevIdentity>;
  /**
   * Fire the functions' timer triggers (the SLA sweep every minute), as CloudBase does: true for
   * those of src/server/triggers.ts, or triggers of your own. Default off (tests drive time).
   */
  timers?: boolean | Readonly<Record<string, readonly TimerTrigger[]>>;
  /** Told what each timer-triggered call answered (or that it failed). */
  onTimer?: (functionName: string, trigger: TimerTrigger, result: unknown, error?: unknown) => void;
}

export interface DevIdentity {
  openid: string;
  name: string;
  role?: string;
  hint?: string;
}

const IDENTITIES_PATH = '/_local/identities';
const CLOCK_PATH = '/_local/clock';

/** GET answers the clock's time; POST { at } moves it (the simulated month's driver). */
async function serveClock(req: IncomingMessage, res: ServerResponse, clock: MovableClock): Promise<void> {
  if (req.method === 'POST') {
    const { at } = JSON.parse((await readBody(req)).toString('utf8') || '{}') as { at?: unknown };
    if (typeof at !== 'number') return sendJson(res, 400, { ok: false, code: 'REQUEST.INVALID', message: 'at (epoch ms) is required' });
    clock.set(at);
  }
  sendJson(res, 200, { at: clock.now() });
}

export interface RunningStack {
  /** http://127.0.0.1:<port> */
  url: string;
  /** The SDK endpoint (`${url}/admin`), also exported as process.env.CLOUDBASE_SERVICE_URL. */
  serviceUrl: string;
  emulator: EmulatorControl;
  /** Stops the server, closes the journal and restores the environment variables it set. */
  close(): Promise<void>;
}

// In-process handlers create their SDK client from these: node-sdk throws "missing secretId"
// without credentials (any value works locally) and the app's db adapter reads the service URL.
// TENCENTCLOUD=true answers node-sdk's "am I on Tencent Cloud?" probe (cloudplatform.ts): without
// it every request first asks metadata.tencentyun.com with a 30 ms timeout, and a failed answer
// is not cached, so each call costs 30-60 ms more. With serviceUrl set the answer changes nothing
// else: buildUrl() returns serviceUrl before looking at it; only the X-TCB-Source tag differs.
const FAKE_ENV = {
  TENCENTCLOUD_SECRETID: 'local-dev-secret-id',
  TENCENTCLOUD_SECRETKEY: 'local-dev-secret-key',
  TENCENTCLOUD: 'true',
} as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

function sendFile(req: IncomingMessage, res: ServerResponse, file: string): void {
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const size = fs.statSync(file).size;
  res.writeHead(200, { 'content-type': type, 'content-length': size, 'cache-control': 'no-cache' });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Static files under root; unknown extension-less paths fall back to index.html (SPA routes). */
function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, { ok: false, code: 'REQUEST.METHOD_NOT_ALLOWED', message: '请求方式错误' });
    return;
  }
  let rel: string;
  try {
    rel = decodeURIComponent(pathOf(req));
  } catch {
    sendJson(res, 400, { ok: false, code: 'REQUEST.INVALID', message: '请求格式错误' });
    return;
  }
  const file = path.resolve(root, `.${path.posix.normalize(rel)}`);
  // normalize() already removes '..'; the prefix check guards against anything it missed.
  const inside = file === root || file.startsWith(root + path.sep);
  if (inside && isFile(file)) return sendFile(req, res, file);
  if (inside && isFile(path.join(file, 'index.html'))) return sendFile(req, res, path.join(file, 'index.html'));
  const index = path.join(root, 'index.html');
  // A missing asset (a name with an extension) is a real 404, not the app shell.
  if (path.extname(rel) === '' && isFile(index)) return sendFile(req, res, index);
  sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '页面不存在' });
}

function setEnv(values: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const host = createFunctionHost(options.handlers, { onError: options.onFunctionError, timeLimitMs: options.timeLimitMs });
  // The declared collections and their unique indexes exist from the start, as after db:setup.
  const emulator = createEmulator({ dataDir: options.dataDir, collections: COLLECTIONS, invoker: host.invoke, latency: options.profile && latencyOf(options.profile) });
  const staticRoot = options.staticDir ? path.resolve(options.staticDir) : undefined;

  const identities = structuredClone(options.identities ?? []);

  const server = http.createServer((req, res) => {
    if (req.method === 'OPTIONS') return answerPreflight(req, res);
    if (req.method === 'GET' && pathOf(req) === IDENTITIES_PATH) {
      applyCors(req, res);
      return sendJson(res, 200, identities);
    }
    if (options.clock && pathOf(req) === CLOCK_PATH) {
      serveClock(req, res, options.clock).catch((err) => sendJson(res, 400, { ok: false, code: 'REQUEST.INVALID', message: String(err) }));
      return;
    }
    if (emulator.handle(req, res)) return;
    host(req, res, () => {
      if (staticRoot) return serveStatic(req, res, staticRoot);
      sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '页面不存在' });
    });
  });

  let url: string;
  try {
    url = await listenLocal(server, options.port ?? 0);
  } catch (err) {
    emulator.close();
    throw err;
  }
  const serviceUrl = `${url}${SDK_PATH}`;
  const restoreEnv = setEnv({ ...FAKE_ENV, CLOUDBASE_SERVICE_URL: serviceUrl });

  // Started after the environment is set: a timer-called function builds its SDK client from it.
  const triggers = options.timers === true ? FUNCTION_TRIGGERS : options.timers || {};
  const served = Object.fromEntries(Object.entries(triggers).filter(([name]) => Object.hasOwn(options.handlers, name)));
  const timers = startTimers(served, (name, trigger, at) => {
    // No caller identity: a timer is the platform, not a user.
    host.invoke(name, timerEvent(trigger, at), buildScfContext(name, '')).then(
      (result) => options.onTimer?.(name, trigger, result),
      (err) => options.onTimer?.(name, trigger, undefined, err),
    );
  });

  const { handle: _handle, close: closeEmulator, ...control } = emulator;
  return {
    url,
    serviceUrl,
    emulator: control,
    async close() {
      timers.stop();
      await closeServer(server);
      closeEmulator();
      restoreEnv();
    },
  };
}
