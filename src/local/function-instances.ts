import path from 'node:path';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import { FunctionTimeoutError } from './emulator/function-invoker';
import type { ScfContext } from './emulator/scf-context';
import type { FunctionHandlers } from './function-host';
import type { InstanceData, InstanceMessage } from './function-worker';

export interface FunctionInstancesOptions {
  /** The entry module of a function (default cloudfunctions/<name>/index.ts). */
  entryOf?: (name: string) => string;
  /** Modules every instance requires before its entry (default: the local settings check). */
  preload?: readonly string[];
  /**
   * Calls one instance serves at once: 1 as in SCF (default); more keeps a development stack to
   * one instance per function, whose cut then fails the calls it was serving with it.
   */
  callsPerInstance?: number;
  /** The stack's movable clock (movable-clock.ts): every instance reads its time from it. */
  clock?: SharedArrayBuffer;
}

export interface InstanceFigures {
  /** Milliseconds an instance took to load its entry (and preloaded SDKs), per start. */
  coldStartsMs: Record<string, number[]>;
  /** Calls cut at their time limit, per function. */
  timeouts: Record<string, number>;
}

type PendingCall = { resolve(result: unknown): void; reject(error: Error): void };

interface Instance {
  worker: Worker;
  /** Settles when the entry has loaded. */
  ready: Promise<void>;
  /** The calls it is serving, by id. */
  calls: Map<number, PendingCall>;
  /** Exited, errored or cut: never given another call. */
  dead: boolean;
}

const ROOT = path.resolve(__dirname, '..', '..');
const defaultEntry = (name: string) => path.join(ROOT, 'cloudfunctions', name, 'index.ts');
// The functions check their settings as they load; this tells them the local defaults apply.
const EXPECT_LOCAL = path.join(__dirname, 'expect-local.ts');
// The instance loads TypeScript sources itself through tsx's require hook (a bundle needs none).
const BOOT = `require('tsx/cjs/api').register(); require(${JSON.stringify(path.join(__dirname, 'function-worker.ts'))});`;

/**
 * The cloud functions as SCF runs them: each instance, on its own worker thread, serves one call
 * at a time; a call finding no free instance of its function starts one (a cold start, paying the
 * real load time); a call that outlives its context's `time_limit_in_ms` has its instance
 * terminated, so its work stops where it was, and fails with FunctionTimeoutError.
 */
export const functionInstances = (names: readonly string[], options: FunctionInstancesOptions = {}) => {
  const entryOf = options.entryOf ?? defaultEntry;
  const preload = options.preload ?? [EXPECT_LOCAL];
  const callsPerInstance = options.callsPerInstance ?? 1;
  const pools = new Map<string, Instance[]>(names.map((name) => [name, []]));
  const figures: InstanceFigures = { coldStartsMs: {}, timeouts: {} };
  let nextCallId = 0;

  const start = (name: string): Instance => {
    const workerData: InstanceData = { preload, entry: entryOf(name), clock: options.clock };
    const worker = new Worker(BOOT, { eval: true, env: SHARE_ENV, workerData });
    worker.unref();
    let loaded: () => void = () => {};
    let failed: (error: Error) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => ((loaded = resolve), (failed = reject)));
    const instance: Instance = { worker, ready, calls: new Map(), dead: false };
    pools.get(name)!.push(instance);
    worker.on('message', (message: InstanceMessage) => {
      if ('ready' in message) {
        (figures.coldStartsMs[name] ??= []).push(message.loadMs);
        return loaded();
      }
      const call = instance.calls.get(message.id);
      instance.calls.delete(message.id);
      if (message.ok) call?.resolve(message.result);
      else call?.reject(new Error(message.error));
    });
    const die = (error: Error) => {
      instance.dead = true;
      pools.set(name, pools.get(name)!.filter((i) => i !== instance));
      failed(error);
      for (const call of instance.calls.values()) call.reject(error);
      instance.calls.clear();
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`function instance of ${name} exited (${code})`)));
    return instance;
  };

  const invoke = async (name: string, event: unknown, context: ScfContext): Promise<unknown> => {
    const instance = pools.get(name)!.find((i) => !i.dead && i.calls.size < callsPerInstance) ?? start(name);
    const id = nextCallId++;
    let timer: NodeJS.Timeout | undefined;
    const served = new Promise<unknown>((resolve, reject) => {
      // Taken now, so the next call sees this instance busy while it still loads.
      instance.calls.set(id, { resolve, reject });
      // SCF times a cold start's loading on its own (初始化超时, 65 s by default): the call's
      // limit starts when the entry has loaded.
      instance.ready.then(() => {
        if (!instance.calls.has(id)) return;
        instance.worker.postMessage({ id, event, context });
        timer = setTimeout(() => {
          figures.timeouts[name] = (figures.timeouts[name] ?? 0) + 1;
          instance.calls.get(id)?.reject(new FunctionTimeoutError(name, context.time_limit_in_ms));
          instance.calls.delete(id);
          void instance.worker.terminate();
        }, context.time_limit_in_ms);
      }, reject);
    });
    try {
      return await served;
    } finally {
      clearTimeout(timer);
    }
  };

  const handlers: FunctionHandlers = {};
  for (const name of names) handlers[name] = Object.assign((event: unknown, context: ScfContext) => invoke(name, event, context), { cutsItself: true });
  return {
    handlers,
    figures,
    close: async () => void (await Promise.all([...pools.values()].flat().map((i) => i.worker.terminate()))),
  };
};
