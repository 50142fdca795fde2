/**
 * `npm start`: the whole product on this machine — the CloudBase emulator, every cloud function
 * on the local function host, and the H5 app, on one port, with the demo community.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { DEMO_IDENTITIES } from '../src/local/demo-data';
import { LOCAL_FUNCTIONS } from '../src/local/functions';
import { functionInstances } from '../src/local/function-instances';
import { seedDemo } from '../src/local/seed';
import { startStack } from '../src/local/stack';
import { profileFromEnv } from '../src/local/profile';
import { createMovableClock, installMovableClock } from '../src/local/movable-clock';

const root = path.resolve(__dirname, '..');
const port = Number(process.env.PORT ?? 8787);
const dataDir = process.env.LOCAL_STACK_DIR ? path.resolve(process.env.LOCAL_STACK_DIR) : path.join(root, '.local-stack');
const staticDir = path.join(root, 'dist', 'h5');

/** One line per timer call that did something (or failed), so the developer sees the sweep work. */
const reportTimer = (name: string, trigger: { name: string }, result: unknown, error?: unknown) => {
  const at = new Date().toLocaleTimeString('zh-CN', { hour12: false });
  if (error) return console.error(`[${at}] ${name}/${trigger.name} failed:`, error);
  const reply = result as { ok: boolean; data?: Record<string, number>; code?: string } | null;
  if (!reply?.ok) return console.error(`[${at}] ${name}/${trigger.name} answered ${reply?.code ?? 'nothing'}`);
  const { routed = 0, reminded = 0, escalated = 0, retried = 0, failed = 0 } = reply.data ?? {};
  if (routed + reminded + escalated + retried + failed > 0) {
    console.log(`[${at}] ${name}: ${routed} routed, ${reminded} reminded, ${escalated} escalated, ${retried} retried, ${failed} failed`);
  }
};

/** The sources, one instance per function serving every call: no cold start after the first. */
const FAST = { callsPerInstance: Number.POSITIVE_INFINITY };

const bundleOf = (dir: string) => (name: string) => path.join(dir, name, 'index.js');

/**
 * The deployed bundles, with the SDK a message send loads inside each instance's cold start.
 * Served from a copy taken at start, so a rebuild of dist/ meanwhile (a test, a bench) cannot
 * pull files from under a running stack; it resolves the SDKs from the project's node_modules.
 */
const deployedBundles = (): { entryOf: (name: string) => string; preload: string[] } => {
  const built = path.join(root, 'dist', 'cloudfunctions');
  if (!Object.keys(LOCAL_FUNCTIONS).every((name) => existsSync(bundleOf(built)(name)))) {
    const build = spawnSync('npx', ['tsx', 'scripts/build-functions.ts'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const copy = mkdtempSync(path.join(root, 'node_modules', '.cache-functions-'));
  cpSync(built, copy, { recursive: true });
  process.on('exit', () => rmSync(copy, { recursive: true, force: true }));
  return { entryOf: bundleOf(copy), preload: ['wx-server-sdk'] };
};

const main = async () => {
  if (process.env.SKIP_H5_BUILD !== '1') {
    console.log('Building the H5 app (a few seconds once cached)…');
    // Same origin: the app calls /functions/<name> on the server that serves it.
    const build = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, FUNCTION_HOST: '' } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  // Each function on instances of its own, cut at its time limit as in the cloud
  // (FUNCTION_INSTANCES=0 runs them all on the stack's own thread, where a cut call runs on).
  // Under the production profile the instances run the deployed bundles, wx-server-sdk loaded,
  // one call at a time each, as SCF runs them.
  const profile = profileFromEnv();
  // LOCAL_CLOCK=movable: time is what a dev-only driver says (POST /_local/clock), for the simulated month.
  const clock = process.env.LOCAL_CLOCK === 'movable' ? createMovableClock() : undefined;
  if (clock) installMovableClock(clock);
  const instances = { ...(profile.deployedBundles ? deployedBundles() : FAST), clock: clock?.shared };
  const workers = process.env.FUNCTION_INSTANCES === '0' ? null : functionInstances(Object.keys(LOCAL_FUNCTIONS), instances);
  const handlers = workers?.handlers ?? LOCAL_FUNCTIONS;
  // The SLA sweep runs every minute as its timer trigger would in the cloud (LOCAL_TIMERS=0: off).
  const timers = process.env.LOCAL_TIMERS !== '0';
  const stack = await startStack({ port, dataDir, handlers, profile, clock, staticDir, identities: DEMO_IDENTITIES, timers, onTimer: reportTimer });
  // LOCAL_DEMO=0: an empty database (the simulated month seeds its own company).
  const seeded = process.env.LOCAL_DEMO !== '0' && (await seedDemo(tcb.init({ env: 'local-dev', serviceUrl: stack.serviceUrl }).database()));

  console.log(`
物业客服台 · local stack is running
  H5 app            ${stack.url}/
  switch identity   ${stack.url}/#/pages/dev/identity
  cloud functions   POST ${stack.url}/functions/<name>   (header x-dev-openid: who you are)
  CloudBase SDK     ${stack.serviceUrl}
  pushes sent       ${stack.url}/_local/messages
  db counters       ${stack.url}/_local/stats
  profile           ${profile.name}${profile.name === 'production' ? ' (cloud latencies, deployed bundles)' : ''}
  SLA sweep         ${timers ? 'every minute (timer trigger of the sweep function)' : 'off (LOCAL_TIMERS=0)'}
  data              ${path.relative(root, dataDir)}/ ${seeded ? '(demo community created)' : '(kept from last run)'}
Press Ctrl+C to stop.`);

  const stop = async () => {
    await workers?.close();
    await stack.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
