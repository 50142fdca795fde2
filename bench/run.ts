/**
 * `npm run bench`: the figures the issues ask for, measured on this machine.
 * Writes bench/out/latest.json and prints a table.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { directorySizeKB } from './size';
import { measureFunctions } from './functions';
import { measureKpi } from './kpi';
import { measureLoad } from './load';
import { measureRouting } from './routing';
import { measureDispatch, measureLifecycle, measureSweep } from './scenarios';
import { startStackProcess, type RemoteStack } from './stack-process';
import { floorMs, PRODUCTION_PROFILE } from '../src/local/profile';

const root = path.resolve(__dirname, '..');

const weappMainPackageKB = (): number => {
  const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: root, stdio: 'ignore' });
  if (build.status !== 0) throw new Error('weapp build failed');
  // The main package is everything but the subpackages (staff/).
  return directorySizeKB(path.join(root, 'dist', 'weapp'), (rel) => !rel.startsWith('staff/'));
};

/** A fresh stack process (demo data) per scenario, so one scenario's tickets don't slow the next. */
const withStack = async <T>(
  run: (stack: RemoteStack, db: ReturnType<ReturnType<typeof tcb.init>['database']>) => Promise<T>,
  profile: 'fast' | 'production' = 'fast',
): Promise<T> => {
  const stack = await startStackProcess({ profile });
  try {
    process.env.TENCENTCLOUD_SECRETID ??= 'bench';
    process.env.TENCENTCLOUD_SECRETKEY ??= 'bench';
    return await run(stack, tcb.init({ env: 'bench', serviceUrl: stack.serviceUrl }).database());
  } finally {
    await stack.stop();
  }
};

const main = async () => {
  const figures: Record<string, number> = {};
  figures['weapp.mainPackageKB'] = weappMainPackageKB();
  const functions = measureFunctions();
  Object.assign(figures, functions);
  const lifecycle = await withStack((stack) => measureLifecycle(stack));
  figures['lifecycle.dbReads'] = lifecycle.reads;
  figures['lifecycle.dbWrites'] = lifecycle.writes;
  const dispatch = await withStack((stack, db) => measureDispatch(stack, db, { submissions: 200, concurrency: 20 }));
  figures['dispatch.p50Ms'] = dispatch.p50;
  figures['dispatch.p99Ms'] = dispatch.p99;
  figures['dispatch.maxMs'] = dispatch.max;
  figures['dispatch.coldBurstMs'] = dispatch.coldBurstMs;

  // The same under the production profile (src/local/profile.ts): cloud latencies per database
  // round trip and WeChat call, the deployed bundles on instances that start cold, 1% of sends
  // failing transiently. The floor is every round trip of the path one after another at the
  // profile's typical latency, so a figure's distance to it reads as a ratio.
  const prodLifecycle = await withStack((stack) => measureLifecycle(stack), 'production');
  figures['prod.lifecycle.ms'] = prodLifecycle.ms;
  figures['prod.lifecycle.floorMs'] = floorMs(PRODUCTION_PROFILE, { database: prodLifecycle.reads + prodLifecycle.writes, wechat: prodLifecycle.wechatCalls });
  const prodDispatch = await withStack((stack, db) => measureDispatch(stack, db, { submissions: 200, concurrency: 20 }), 'production');
  figures['prod.dispatch.p50Ms'] = prodDispatch.p50;
  figures['prod.dispatch.p99Ms'] = prodDispatch.p99;
  figures['prod.dispatch.maxMs'] = prodDispatch.max;
  figures['prod.dispatch.coldBurstMs'] = prodDispatch.coldBurstMs;
  figures['prod.dispatch.floorMs'] = floorMs(PRODUCTION_PROFILE, { database: prodDispatch.dbRequestsPerSubmit, wechat: 1 });
  figures['prod.dispatch.undelivered'] = prodDispatch.undelivered;
  // One routing decision among 200 staff (the pure choice, without the database read).
  figures['routing.decideUs'] = measureRouting(200);
  // The SLA sweep among 1k, 10k and 100k open tickets of which 10 are due: it reads the due ones
  // (and the two people of the escalation ladder), never the others.
  const SIZES: Record<number, string> = { 1_000: '1k', 10_000: '10k', 100_000: '100k' };
  const sweep = await withStack((stack, db) => measureSweep(stack, db, { sizes: Object.keys(SIZES).map(Number), due: 10 }));
  for (const { size, docsRead, ms } of sweep) {
    figures[`sweep.docsRead.${SIZES[size]}`] = docsRead;
    figures[`sweep.ms.${SIZES[size]}`] = ms;
  }
  // 统计报表 of a whole month of 10k and 100k tickets: the documents one view reads (a rollup per
  // day, never the tickets) and the wall time of the call; and one save's rollup write in such a month.
  const KPI_SIZES = [
    { month: '2026-09', tickets: 10_000, label: '10k' },
    { month: '2026-10', tickets: 100_000, label: '100k' },
  ];
  const kpi = await withStack((stack, db) => measureKpi(stack, db as never, { sizes: KPI_SIZES }));
  for (const [i, k] of kpi.entries()) {
    if (k.volume !== KPI_SIZES[i].tickets) throw new Error(`kpi: the view counted ${k.volume} of ${KPI_SIZES[i].tickets} tickets`);
    figures[`kpi.monthMs.${KPI_SIZES[i].label}`] = k.monthMs;
    figures[`kpi.docsRead.${KPI_SIZES[i].label}`] = k.docsRead;
    figures[`kpi.recordMs.${KPI_SIZES[i].label}`] = k.recordMs;
  }
  // A minute of mixed load (owners, staff, desk, supervisor, the sweep's timer): throughput,
  // latency per action, unexpected failures and acknowledged submissions missing at the end.
  const load = await withStack((stack, db) => measureLoad(stack, db, { seconds: Number(process.env.LOAD_SECONDS ?? 60), users: 12 }));
  Object.assign(figures, load.figures);
  if (Object.keys(load.errorCodes).length) console.error('load errors:', load.errorCodes);
  const prodLoad = await withStack((stack, db) => measureLoad(stack, db, { seconds: Number(process.env.LOAD_SECONDS ?? 60), users: 12 }), 'production');
  for (const [key, value] of Object.entries(prodLoad.figures)) figures[`prod.${key}`] = value;
  if (Object.keys(prodLoad.errorCodes).length) console.error('prod load errors:', prodLoad.errorCodes);

  const targets: Record<string, string> = {
    'weapp.mainPackageKB': '< 450',
    ...Object.fromEntries(
      Object.keys(functions)
        .filter((k) => /\.(bundleKB|requireMs)$/.test(k))
        .map((k) => [k, k.endsWith('KB') ? '≤ 100 (SDKs external)' : '< 150 (SDKs loaded)']),
    ),
    'lifecycle.dbReads': '≤ 12',
    'lifecycle.dbWrites': '≤ 18 (12 + one KPI rollup write per saved step)',
    'dispatch.p99Ms': '< 250',
    ...Object.fromEntries(Object.values(SIZES).map((k) => [`sweep.docsRead.${k}`, '≤ 12 (10 due + 2 on the ladder)'])),
    ...Object.fromEntries(KPI_SIZES.map((k) => [`kpi.docsRead.${k.label}`, '≤ 32 (one per day + the report list)'])),
    'load.errors': '0',
    'load.lost': '0',
    'prod.load.errors': '0',
    'prod.load.lost': '0',
  };
  mkdirSync(path.join(root, 'bench', 'out'), { recursive: true });
  // The simulated month (npm run bench:month) writes its own month.* figures here: kept.
  const out = path.join(root, 'bench', 'out', 'latest.json');
  const earlier = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as { monthAt?: string; monthSeed?: number; figures: Record<string, number> }) : undefined;
  const month = Object.fromEntries(Object.entries(earlier?.figures ?? {}).filter(([k]) => k.startsWith('month.')));
  const monthInfo = earlier?.monthAt ? { monthAt: earlier.monthAt, monthSeed: earlier.monthSeed } : {};
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), node: process.version, ...monthInfo, figures: { ...figures, ...month } }, null, 2) + '\n');
  console.table(Object.entries(figures).map(([figure, value]) => ({ figure, value, target: targets[figure] ?? '' })));
  console.log('written to bench/out/latest.json');
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
