/**
 * `npm test`: everything a fresh machine needs to prove the product works.
 * 1. browser and CJK fonts for the end-to-end test (installed with apt-get when missing);
 * 2. type check; 3. `npm run build` (weapp and cloud functions, as deployed) and the H5 build (the
 *    build checks, the weapp project and the e2e test use them);
 * 4. every jest project: core, functions, pages, build, weapp (the built bundle in
 *    miniprogram-simulate), e2e (the dependency rule is a core test), on the run's fixed seed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEFAULT_TEST_SEED, testSeed } from '../test/test-seed';

const run = (label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): void => {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`✖ ${label} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
};

// CJK for the Chinese UI, colour emoji for the category icons (screenshots are judged by eye).
const hasFonts = (): boolean =>
  spawnSync('sh', ['-c', 'fc-list :lang=zh | grep -q . && fc-list | grep -qi emoji']).status === 0;

const ensureBrowser = (): void => {
  if (existsSync('/usr/bin/chromium') && hasFonts()) return;
  if (process.getuid?.() !== 0) {
    console.error('Chromium and fonts are missing: run `sudo apt-get install -y chromium fonts-noto-cjk fonts-noto-color-emoji`.');
    process.exit(1);
  }
  run('apt-get update', 'apt-get', ['update', '-qq']);
  run('install chromium and fonts', 'apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk', 'fonts-noto-color-emoji'], { DEBIAN_FRONTEND: 'noninteractive' });
};

ensureBrowser();
run('type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
// The deploy build exactly as docs/deploy.md has it: weapp + every cloud function (test/build checks them).
run('npm run build (weapp + cloud functions)', 'npm', ['run', 'build']);
run('H5 build', 'npx', ['taro', 'build', '--type', 'h5']);
// Printed, so a failing property can be replayed (TEST_SEED=<seed> npm test).
const seed = testSeed();
console.log(`\nTest seed: ${seed}${seed === DEFAULT_TEST_SEED ? ' (the fixed default; TEST_SEED=<n> explores another)' : ' (from TEST_SEED)'}`);
run('jest', 'npx', ['jest', '--ci', ...process.argv.slice(2)], { TEST_SEED: String(seed) });
