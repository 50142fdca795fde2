import tcb from '@cloudbase/node-sdk';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStack, type RunningStack } from '@/local/stack';

export type SdkDatabase = ReturnType<ReturnType<typeof tcb.init>['database']>;

/** An emulator-only stack (no functions) in a fresh data folder, and a real SDK database on it. */
export const startSdkStack = async (prefix: string): Promise<{ stack: RunningStack; db: SdkDatabase; close(): Promise<void> }> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const stack = await startStack({ dataDir, handlers: {} });
  const db = tcb.init({ env: 'local-dev', serviceUrl: stack.serviceUrl }).database();
  return {
    stack,
    db,
    close: async () => {
      await stack.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
