// A standalone emulator for the conformance tests, with the real node-sdk on it and a clock the
// tests can move (transactions expire after 30 s of it).
import tcb from '@cloudbase/node-sdk';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type CollectionDeclaration, type RunningEmulator } from '@/local/emulator';
import type { SdkDatabase } from '../sdk-stack';

export interface ConformanceEmulator {
  emulator: RunningEmulator;
  db: SdkDatabase;
  /** Moves the emulator's clock forward. */
  advance(ms: number): void;
  /** A new, created collection. */
  collection(prefix: string): Promise<string>;
  close(): Promise<void>;
}

export const startConformanceEmulator = async (collections: CollectionDeclaration[] = []): Promise<ConformanceEmulator> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-'));
  let skew = 0;
  const emulator = await startEmulator({ dataDir, collections, now: () => Date.now() + skew });
  const db = tcb.init({ env: 'local-dev', serviceUrl: emulator.serviceUrl }).database();
  let seq = 0;
  return {
    emulator,
    db,
    advance: (ms) => {
      skew += ms;
    },
    collection: async (prefix) => {
      const name = `${prefix}_${++seq}`;
      await db.createCollection(name);
      return name;
    },
    close: async () => {
      await emulator.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** Whether a promise is still pending after `ms` (it keeps running either way). */
export const pendingAfter = async (promise: Promise<unknown>, ms: number): Promise<boolean> => {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  return !settled;
};
