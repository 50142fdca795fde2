// Wires store, transactions, wx api and counters into one request handler that a server (the
// stack, or startEmulator's own) can mount.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createDatabaseActions } from './database-actions';
import { DbFaults, type DbFaultSpec } from './db-faults';
import type { FunctionInvoker } from './function-invoker';
import { pathOf, sendJson } from './http';
import { LOCAL_API_PREFIX, serveLocalApi } from './local-api';
import { SDK_PATH, serveSdkRequest } from './sdk-endpoint';
import { Stats, type StatsSnapshot } from './stats';
import { createLocalStorage, STORAGE_PREFIX } from './storage';
import { Store } from './store';
import { Transactions } from './transactions';
import { WxApi, type FaultSpec, type SubscribeMessageRecord } from './wx-api';
import type { Latency } from '../profile';

export interface EmulatorOptions {
  /** Directory of the journal; created if missing. */
  dataDir: string;
  /** Called for functions.invokeFunction (normally the function host's invoke). */
  invoker?: FunctionInvoker;
  /** Rewrite the journal compactly after replay (default true). */
  compactOnStart?: boolean;
  /** What each request costs (the stack's profile, ../profile.ts); nothing when absent. */
  latency?: Latency;
}

/** What tests, benchmarks and the H5 views use to observe and steer the emulator. */
export interface EmulatorControl {
  stats(): StatsSnapshot;
  resetStats(): void;
  messages(): SubscribeMessageRecord[];
  clearMessages(): void;
  injectFault(spec: FaultSpec): void;
  /** The next requests on a collection fail (DATABASE_REQUEST_FAILED). */
  injectDbFault(spec: DbFaultSpec): void;
  /** Clears WeChat and database faults. */
  clearFaults(): void;
}

export interface Emulator extends EmulatorControl {
  /**
   * Serves SDK traffic (POST /admin) and the /_local API. Returns false, without touching the
   * response, for any other path so the caller can route it elsewhere.
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Closes the journal. Further writes fail. */
  close(): void;
}

export function createEmulator(options: EmulatorOptions): Emulator {
  const store = Store.open(options.dataDir, { compactOnOpen: options.compactOnStart !== false });
  const stats = new Stats();
  const wx = new WxApi();
  // Photos uploaded in H5 local mode, under <dataDir>/storage (stand-in for cloud storage).
  const storage = createLocalStorage(options.dataDir);
  const dbFaults = new DbFaults();
  const deps = {
    database: createDatabaseActions(store, new Transactions(store)),
    wx,
    stats,
    invoker: options.invoker,
    flushed: () => store.flushed(),
    storageLinks: storage.links,
    dbFaults,
    latency: options.latency,
  };

  const fail = (res: ServerResponse, err: unknown) => {
    console.error('[local emulator] request failed:', err);
    if (!res.headersSent) sendJson(res, 500, { code: 'SYS_ERR', message: 'local emulator error' });
    else res.destroy();
  };

  return {
    handle(req, res) {
      const path = pathOf(req);
      // Only POST: a GET /admin stays free for whatever else the server mounts (e.g. an app route).
      if (path === SDK_PATH && req.method === 'POST') {
        serveSdkRequest(req, res, deps).catch((err) => fail(res, err));
        return true;
      }
      if (path.startsWith(STORAGE_PREFIX)) {
        storage.serve(req, res, path).catch((err) => fail(res, err));
        return true;
      }
      if (path.startsWith(LOCAL_API_PREFIX)) {
        serveLocalApi(req, res, path, stats, wx).catch((err) => fail(res, err));
        return true;
      }
      return false;
    },
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    messages: () => wx.messages(),
    clearMessages: () => wx.clearMessages(),
    injectFault: (spec) => wx.injectFault(spec),
    injectDbFault: (spec) => dbFaults.inject(spec),
    clearFaults: () => {
      wx.clearFaults();
      dbFaults.clear();
    },
    close: () => store.close(),
  };
}
