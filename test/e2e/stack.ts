import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { DEMO_IDENTITIES } from '@/local/demo-data';
import { LOCAL_FUNCTIONS } from '@/local/functions';
import { seedDemo } from '@/local/seed';
import { startStack, type RunningStack } from '@/local/stack';
import { TEST_TIME_LIMIT_MS } from '../time-limits';

/** The H5 build the story runs (E2E_H5_DIR for a build of one's own, see TARO_OUTPUT_ROOT). */
const H5_DIR = path.resolve(__dirname, '../..', process.env.E2E_H5_DIR ?? 'dist/h5');

export interface E2EStack {
  stack: RunningStack;
  /** Origin serving the H5 app, the functions and /_local (same origin, as in `npm start`). */
  url: string;
  /** Handler failures the function host reported (a failing function must fail the test). */
  functionErrors: string[];
  close(): Promise<void>;
}

/**
 * The whole local product on one port, as `npm start` runs it: the emulator with the demo
 * community seeded through the real node-sdk, the functions, and the built H5 app.
 */
export async function startE2EStack(): Promise<E2EStack> {
  if (!existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error(`The H5 app is not built (${H5_DIR}/index.html is missing): run \`npm run build:h5\` first.`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'e2e-stack-'));
  const functionErrors: string[] = [];
  let stack: RunningStack;
  try {
    stack = await startStack({
      port: 0,
      dataDir,
      handlers: LOCAL_FUNCTIONS,
      timeLimitMs: TEST_TIME_LIMIT_MS,
      staticDir: H5_DIR,
      identities: DEMO_IDENTITIES,
      onFunctionError: (name, err) => {
        functionErrors.push(`${name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      },
    });
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const close = async () => {
    try {
      await stack.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  try {
    await seedDemo(tcb.init({ env: 'e2e', serviceUrl: stack.serviceUrl }).database());
  } catch (err) {
    await close();
    throw err;
  }
  return { stack, url: stack.url, functionErrors, close };
}
