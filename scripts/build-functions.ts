/**
 * `npm run build:functions`: each cloud function bundled with esbuild into dist/cloudfunctions/<name>/
 * as WeChat DevTools and `tcb fn deploy` expect: index.js (the SDKs stay external and are installed
 * in the cloud), package.json and config.json (permissions, and the timer triggers of
 * src/server/triggers.ts).
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import pkg from '../package.json';
import { FUNCTION_TIMEOUTS, FUNCTION_TRIGGERS } from '../src/server/triggers';

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'cloudfunctions');
const out = path.join(root, 'dist', 'cloudfunctions');
const EXTERNAL = ['@cloudbase/node-sdk', 'wx-server-sdk'] as const;

export const functionNames = (): string[] =>
  readdirSync(source).filter((name) => statSync(path.join(source, name, 'index.ts'), { throwIfNoEntry: false })?.isFile());

/** config.json: the openapi permission every function needs to push, its timer triggers and timeout if any. */
export const functionConfig = (name: string) => {
  const triggers = FUNCTION_TRIGGERS[name];
  const timeout = FUNCTION_TIMEOUTS[name];
  return {
    permissions: { openapi: ['subscribeMessage.send'] },
    ...(timeout ? { timeout } : {}),
    ...(triggers?.length ? { triggers } : {}),
  };
};

const main = async () => {
  rmSync(out, { recursive: true, force: true });
  for (const name of functionNames()) {
    const dir = path.join(out, name);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [path.join(source, name, 'index.ts')],
      outfile: path.join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: [...EXTERNAL],
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
    });
    const dependencies = Object.fromEntries(EXTERNAL.map((dep) => [dep, pkg.dependencies[dep]]));
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: pkg.version, private: true, main: 'index.js', dependencies }, null, 2) + '\n');
    // subscribeMessage.send needs the openapi permission (wx-server-sdk, production push path).
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify(functionConfig(name), null, 2) + '\n');
    console.log(`${name}: ${(statSync(path.join(dir, 'index.js')).size / 1024).toFixed(1)} KB`);
  }
};

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
