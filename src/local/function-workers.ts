import path from 'node:path';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import type { FunctionHandlers } from './function-host';
import type { WorkerReply } from './function-worker';

/**
 * Runs the cloud functions on `size` worker threads, round robin, so that the functions and the
 * emulator use different cores, as functions and database do in production. Workers start on
 * first use: by then the stack has put the emulator's address in the (shared) environment.
 */
export const functionWorkers = (names: readonly string[], size: number): { handlers: FunctionHandlers; close(): Promise<void> } => {
  const workers: Worker[] = [];
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 0;
  let turn = 0;

  const start = () => {
    for (let i = 0; i < size; i++) {
      // The worker loads the TypeScript sources itself through tsx's require hook.
      const entry = JSON.stringify(path.join(__dirname, 'function-worker.ts'));
      const worker = new Worker(`require('tsx/cjs/api').register(); require(${entry});`, { eval: true, env: SHARE_ENV });
      worker.on('message', (reply: WorkerReply) => {
        const call = pending.get(reply.id);
        pending.delete(reply.id);
        if (!call) return;
        if (reply.ok) call.resolve(reply.result);
        else call.reject(new Error(reply.error));
      });
      worker.unref();
      workers.push(worker);
    }
  };

  const invoke = (name: string, event: unknown, context: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      if (workers.length === 0) start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      workers[turn++ % workers.length].postMessage({ id, name, event, context });
    });

  const handlers: FunctionHandlers = {};
  for (const name of names) handlers[name] = (event, context) => invoke(name, event, context);
  return { handlers, close: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
};
