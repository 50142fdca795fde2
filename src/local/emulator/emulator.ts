// Wires store, transactions, wx api and counters into one request handler that a server (the
// stack, or startEmulator's own) can mount.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createDatabaseActions } from './database-actions';
import { DbFaults, type DbFaultSpec } from './db-faults';
import { UniqueIndexes, type CollectionDeclaration } from './indexes';
import type { FunctionInvoker } from './function-invoker';
import { pathOf, sendJson } from './http';
import { LOCAL_API_PREFIX, serveLocalApi } from './local-api';
import { SDK_PATH, serveSdkRequest } from './sdk-endpoint';
import { Stats, type StatsSnapshot } from './stats';
import { createLocalStorage, STORAGE_PREFIX } from './storage';
import { LookupIndexes } from './lookup-index';
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
  /**
   * Collections to create if missing, with the unique indexes to enforce, as `npm run db:setup`
   * does in the cloud. Any other collection answers DATABASE_COLLECTION_NOT_EXIST until it is
   * created (db.createCollection). The stack passes src/server/database.ts's list.
   */
  collections?: ReadonlyArray<CollectionDeclaration>;
  /** The clock of transactions' 30 s lifetime (default Date.now); tests move it. */
  now?: () => number;
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
  let unique: UniqueIndexes;
  try {
    unique = declareCollections(store, options.collections ?? []);
  } catch (err) {
    store.close();
    throw err;
  }
  const stats = new Stats();
  const wx = new WxApi();
  // Photos uploaded in H5 local mode, under <dataDir>/storage (stand-in for cloud storage).
  const storage = createLocalStorage(options.dataDir);
  const dbFaults = new DbFaults();
  // Queries pinned to a value of a declared index's first field read only the matching documents.
  const lookup = new LookupIndexes(store);
  lookup.declare(options.collections ?? []);
  const deps = {
    database: createDatabaseActions(store, new Transactions(store, { now: options.now, unique }), unique, lookup),
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

/** Creates the declared collections that are missing and registers their unique indexes. */
function declareCollections(store: Store, collections: ReadonlyArray<CollectionDeclaration>): UniqueIndexes {
  const unique = new UniqueIndexes();
  const missing = collections.filter((c) => !store.hasCollection(c.name));
  if (missing.length) store.commit(missing.map((c) => ({ op: 'create', coll: c.name })));
  for (const c of collections) {
    unique.declare(c.name, c.indexes ?? []);
    unique.verifyExisting(c.name, store.docs(c.name));
  }
  return unique;
}
