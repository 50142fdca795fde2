/**
 * Cold start of every cloud function: the size of its bundle (SDKs external, as deployed) and the
 * time a fresh Node process takes to require it: `requireMs` with the SDKs loaded before the clock
 * starts (they are the same for every function; `functions.sdkRequireMs` times node-sdk alone),
 * `coldMs` with every SDK the function loads inside the clock, as a new instance pays it.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { REQUIRED_SETTINGS } from '../src/server/env';
import { functionNames } from '../scripts/build-functions';

const root = path.resolve(__dirname, '..');
const RUNS = 5;

/** A production-like environment: every setting present (fake values), no local stack. */
const productionEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NODE_PATH: path.join(root, 'node_modules') };
  for (const name of REQUIRED_SETTINGS) env[name] = `bench-${name.toLowerCase()}`;
  env.MINIPROGRAM_STATE = 'formal';
  env.TENCENTCLOUD_SECRETID = 'bench';
  env.TENCENTCLOUD_SECRETKEY = 'bench';
  return env;
};

const requires = (modules: string[]) => modules.map((m) => `require(${JSON.stringify(m)});`).join('');

/** Milliseconds to require `timed` in a fresh process, after `preload` is required. */
const requireMsOnce = (timed: string[], preload: string[]): number => {
  const script = `${requires(preload)}
const t = process.hrtime.bigint(); ${requires(timed)}
process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: root, env: productionEnv(), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`requiring ${timed.join(', ')} failed:\n${run.stderr}`);
  return Number(run.stdout);
};

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round1 = (n: number) => Math.round(n * 10) / 10;

export const measureFunctions = (): Record<string, number> => {
  const build = spawnSync('npx', ['tsx', 'scripts/build-functions.ts'], { cwd: root, stdio: 'ignore' });
  if (build.status !== 0) throw new Error('function build failed');
  const SDKS = ['@cloudbase/node-sdk', 'wx-server-sdk'];
  const figures: Record<string, number> = {};
  for (const name of functionNames()) {
    const file = path.join(root, 'dist', 'cloudfunctions', name, 'index.js');
    figures[`functions.${name}.bundleKB`] = round1(statSync(file).size / 1024);
    figures[`functions.${name}.requireMs`] = round1(median(Array.from({ length: RUNS }, () => requireMsOnce([file], SDKS))));
    // A new instance's whole load: the SDKs (wx-server-sdk too, which the first send loads) and the bundle.
    figures[`functions.${name}.coldMs`] = round1(median(Array.from({ length: RUNS }, () => requireMsOnce([...SDKS, file], []))));
  }
  // For reference: what @cloudbase/node-sdk itself costs every cold start (wx-server-sdk is
  // loaded only when a message is sent).
  figures['functions.sdkRequireMs'] = round1(median(Array.from({ length: RUNS }, () => requireMsOnce([SDKS[0]], []))));
  return figures;
};
