/**
 * `npm run build:functions`: each cloud function bundled with esbuild into dist/cloudfunctions/<name>/
 * as WeChat DevTools and `tcb fn deploy` expect: index.js (the SDKs stay external and are installed
 * in the cloud), package.json and config.json (permissions, and the timer triggers of
 * src/server/triggers.ts).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import pkg from '../package.json';
import { FUNCTION_TIMEOUTS, FUNCTION_TRIGGERS } from '../src/server/triggers';

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'cloudfunctions');
const out = path.join(root, 'dist', 'cloudfunctions');
const EXTERNAL = ['@cloudbase/node-sdk', 'wx-server-sdk'] as const;

/**
 * The first year whose statutory holidays a deployed function knows. chinese-days ships every year
 * since 2004 (43 KB, a third of a bundle); clocks and reports of a service desk deployed in 2026
 * never look further back than the year before it. Earlier dates count only weekends as days off.
 */
export const CALENDAR_FIRST_YEAR = 2025;

/** Loads chinese-days' data file with only the years from CALENDAR_FIRST_YEAR on. */
const recentHolidaysOnly: Plugin = {
  name: 'recent-holidays-only',
  setup(b) {
    b.onLoad({ filter: /chinese-days[\\/]dist[\\/]chinese-days\.json$/ }, (args) => {
      const data = JSON.parse(readFileSync(args.path, 'utf8')) as Record<string, Record<string, string>>;
      const recent = Object.fromEntries(
        Object.entries(data).map(([table, days]) => [table, Object.fromEntries(Object.entries(days).filter(([date]) => Number(date.slice(0, 4)) >= CALENDAR_FIRST_YEAR))]),
      );
      return { contents: JSON.stringify(recent), loader: 'json' };
    });
  },
};

/** Bundles one function's entry into `outfile` (minified, SDKs external). */
export const bundleFunction = (name: string, outfile: string) =>
  build({
    entryPoints: [path.join(source, name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: [...EXTERNAL],
    plugins: [recentHolidaysOnly],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });

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
    await bundleFunction(name, path.join(dir, 'index.js'));
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
