// One cloud function instance on a worker thread: it loads one function's entry, as SCF loads the
// deployed bundle, says when it is ready (the end of its cold start), then serves the calls it is given.
import { parentPort, workerData } from 'node:worker_threads';
import { createMovableClock, installMovableClock } from './movable-clock';

export interface InstanceData {
  /** Modules required before the entry (settings check, SDKs an instance would load). */
  preload: readonly string[];
  /** The function's entry module; it exports `main(event, context)`. */
  entry: string;
  /** The stack's movable clock, when it has one (movable-clock.ts). */
  clock?: SharedArrayBuffer;
}

export interface InstanceCall {
  id: number;
  event: unknown;
  context: unknown;
}

export type InstanceMessage = { ready: true; loadMs: number } | { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

type Main = (event: unknown, context: unknown) => Promise<unknown>;

const { preload, entry, clock } = workerData as InstanceData;
if (clock) installMovableClock(createMovableClock(clock));
const loading = performance.now();
for (const module of preload) require(module);
const { main } = require(entry) as { main: Main };
parentPort?.postMessage({ ready: true, loadMs: performance.now() - loading } satisfies InstanceMessage);

parentPort?.on('message', async ({ id, event, context }: InstanceCall) => {
  try {
    parentPort?.postMessage({ id, ok: true, result: await main(event, context) } satisfies InstanceMessage);
  } catch (e) {
    parentPort?.postMessage({ id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies InstanceMessage);
  }
});
