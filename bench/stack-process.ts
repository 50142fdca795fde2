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
  stop(): Promise<void>;
}

/**
 * The local stack as `npm start` runs it, in its own process with fresh demo data, so the load
 * generator (this process) does not take the CPU of the server it measures.
 */
export const startStackProcess = async (): Promise<RemoteStack> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-stack-'));
  // BENCH_NODE_ARGS passes flags to the stack's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), '--import', 'tsx', path.join(__dirname, '..', 'scripts', 'start.ts')], {
    // No timer: a sweep firing on its own would change what a scenario measures.
    env: { ...process.env, PORT: '0', SKIP_H5_BUILD: '1', LOCAL_STACK_DIR: dataDir, LOCAL_TIMERS: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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
  return {
    url,
    serviceUrl: `${url}/admin`,
    stats: () => local('stats') as Promise<StatsSnapshot>,
    resetStats: async () => void (await local('stats/reset', 'POST')),
    messages: () => local('messages') as Promise<SubscribeMessageRecord[]>,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
