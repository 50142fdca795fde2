// A worker thread that runs the cloud functions, as a separate function instance would: the
// functions talk to the emulator over HTTP like deployed ones talk to CloudBase.
import { parentPort } from 'node:worker_threads';
import { LOCAL_FUNCTIONS } from './functions';

export interface WorkerCall {
  id: number;
  name: string;
  event: unknown;
  context: unknown;
}

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

parentPort?.on('message', async ({ id, name, event, context }: WorkerCall) => {
  const handler = LOCAL_FUNCTIONS[name];
  try {
    if (!handler) throw new Error(`no function ${name}`);
    const result = await handler(event, context as Parameters<typeof handler>[1]);
    parentPort?.postMessage({ id, ok: true, result } satisfies WorkerReply);
  } catch (e) {
    parentPort?.postMessage({ id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerReply);
  }
});
