import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StatsSnapshot } from '../src/local/emulator/stats';
import type { SubscribeMessageRecord } from '../src/local/emulator/wx-api';

export interface RemoteStack {
  url: string;
  serviceUrl: string;
  stats(): Promise<StatsSnapshot>;
  resetStats(): Promise<void>;
  messages(): Promise<SubscribeMessageRecord[]>;
  /** Stops it (SIGTERM) and removes its data directory unless that was given (then it is kept). */
  stop(): Promise<void>;
  /** Sends `signal` and waits for the process to end; the data directory is always kept. */
  kill(signal: NodeJS.Signals): Promise<NodeJS.Signals | null>;
}

export interface StackProcessOptions {
  /** Data directory to use (and keep, e.g. to restart on it); default a fresh temp dir, removed by stop(). */
  dataDir?: string;
  /** Fire the timer triggers (the SLA sweep every minute); default off. */
  timers?: boolean;
  /** The stack's profile (src/local/profile.ts); default fast. */
  profile?: 'fast' | 'production';
  /** A clock the caller moves (POST /_local/clock), for the simulated month; default the machine's. */
  movableClock?: boolean;
  /** Seed the demo community (default true); false starts with an empty database. */
  demo?: boolean;
}

/**
 * The local stack as `npm start` runs it, in its own process (fresh demo data unless given a data
 * directory that has some), so the load generator (this process) does not take the CPU of the
 * server it measures, and a test can kill it.
 */
export const startStackProcess = async ({ dataDir: given, timers = false, profile = 'fast', movableClock = false, demo = true }: StackProcessOptions = {}): Promise<RemoteStack> => {
  const dataDir = given ?? mkdtempSync(path.join(tmpdir(), 'bench-stack-'));
  // BENCH_NODE_ARGS passes flags to the stack's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), '--import', 'tsx', path.join(__dirname, '..', 'scripts', 'start.ts')], {
    // No timer by default: a sweep firing on its own would change what a scenario measures.
    env: { ...process.env, PORT: '0', SKIP_H5_BUILD: '1', LOCAL_STACK_DIR: dataDir, LOCAL_TIMERS: timers ? '1' : '0', LOCAL_PROFILE: profile, LOCAL_CLOCK: movableClock ? 'movable' : '', LOCAL_DEMO: demo ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /H5 app\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`stack exited early (${code}): ${out}`)));
  });
  const local = (p: string, method = 'GET') => fetch(`${url}/_local/${p}`, { method }).then((r) => r.json());
  const kill = (signal: NodeJS.Signals) => {
    child.kill(signal);
    return exited;
  };
  return {
    url,
    serviceUrl: `${url}/admin`,
    stats: () => local('stats') as Promise<StatsSnapshot>,
    resetStats: async () => void (await local('stats/reset', 'POST')),
    messages: () => local('messages') as Promise<SubscribeMessageRecord[]>,
    stop: async () => {
      await kill('SIGTERM');
      if (!given) rmSync(dataDir, { recursive: true, force: true });
    },
    kill,
  };
};
