/**
 * `npm test`: everything a fresh machine needs to prove the product works.
 * 1. browser and CJK fonts for the end-to-end test (installed with apt-get when missing);
 * 2. type check; 3. weapp and H5 builds (the build check and e2e test use them);
 * 4. every jest project: core, functions, pages, build, e2e (the dependency rule is a core test).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

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

const hasFonts = (): boolean =>
  existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') ||
  spawnSync('sh', ['-c', 'fc-list :lang=zh | grep -q .']).status === 0;

const ensureBrowser = (): void => {
  if (existsSync('/usr/bin/chromium') && hasFonts()) return;
  if (process.getuid?.() !== 0) {
    console.error('Chromium and CJK fonts are missing: run `sudo apt-get install -y chromium fonts-noto-cjk`.');
    process.exit(1);
  }
  run('apt-get update', 'apt-get', ['update', '-qq']);
  run('install chromium and CJK fonts', 'apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { DEBIAN_FRONTEND: 'noninteractive' });
};

ensureBrowser();
run('type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('weapp build', 'npx', ['taro', 'build', '--type', 'weapp']);
run('H5 build', 'npx', ['taro', 'build', '--type', 'h5']);
run('jest', 'npx', ['jest', '--ci', ...process.argv.slice(2)]);
