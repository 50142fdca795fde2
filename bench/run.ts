/**
 * `npm run bench`: the figures the issues ask for, measured on this machine.
 * Writes bench/out/latest.json and prints a table.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { LOCAL_FUNCTIONS } from '../src/local/functions';
import { seedDemo } from '../src/local/seed';
import { startStack } from '../src/local/stack';
import { directorySizeKB } from './size';
import { measureDispatch, measureLifecycle } from './scenarios';

const root = path.resolve(__dirname, '..');

const weappMainPackageKB = (): number => {
  const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: root, stdio: 'ignore' });
  if (build.status !== 0) throw new Error('weapp build failed');
  // The main package is everything but the subpackages (staff/).
  return directorySizeKB(path.join(root, 'dist', 'weapp'), (rel) => !rel.startsWith('staff/'));
};

const withStack = async <T>(run: (stack: Awaited<ReturnType<typeof startStack>>, db: ReturnType<ReturnType<typeof tcb.init>['database']>) => Promise<T>): Promise<T> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const stack = await startStack({ dataDir, handlers: LOCAL_FUNCTIONS });
  try {
    const db = tcb.init({ env: 'bench', serviceUrl: stack.serviceUrl }).database();
    await seedDemo(db);
    return await run(stack, db);
  } finally {
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

const main = async () => {
  const figures: Record<string, number> = {};
  figures['weapp.mainPackageKB'] = weappMainPackageKB();
  const lifecycle = await withStack((stack) => measureLifecycle(stack));
  figures['lifecycle.dbReads'] = lifecycle.reads;
  figures['lifecycle.dbWrites'] = lifecycle.writes;
  const dispatch = await withStack((stack, db) => measureDispatch(stack, db, { submissions: 200, concurrency: 20 }));
  figures['dispatch.p50Ms'] = dispatch.p50;
  figures['dispatch.p99Ms'] = dispatch.p99;
  figures['dispatch.maxMs'] = dispatch.max;

  const targets: Record<string, string> = {
    'weapp.mainPackageKB': '< 450',
    'lifecycle.dbReads': '≤ 12',
    'lifecycle.dbWrites': '≤ 12',
    'dispatch.p99Ms': '< 250',
  };
  mkdirSync(path.join(root, 'bench', 'out'), { recursive: true });
  writeFileSync(
    path.join(root, 'bench', 'out', 'latest.json'),
    JSON.stringify({ at: new Date().toISOString(), node: process.version, figures }, null, 2) + '\n',
  );
  console.table(Object.entries(figures).map(([figure, value]) => ({ figure, value, target: targets[figure] ?? '' })));
  console.log('written to bench/out/latest.json');
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
