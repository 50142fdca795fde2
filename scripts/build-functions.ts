/**
 * `npm run build:functions`: each cloud function bundled with esbuild into dist/cloudfunctions/<name>/
 * as WeChat DevTools and `tcb fn deploy` expect: index.js (the SDKs stay external and are installed
 * in the cloud), package.json and config.json (permissions, and the timer triggers of
 * src/server/triggers.ts).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import pkg from '../package.json';
import { dayNumber } from '../src/core/sla/day-number';
import { festivalDays, type FestivalDays } from '../src/core/sla/festival-days';
import { ESTIMATE_FIRST_YEAR, ESTIMATE_LAST_YEAR } from '../src/core/sla/holiday-estimate';
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

/**
 * Loads chinese-days' data file with only the years from CALENDAR_FIRST_YEAR on, and only what
 * src/core/sla/holidays.ts reads of it: the `holidays` and `workdays` tables (not `inLieuDays`),
 * each day's value without its English name ("Spring Festival,春节,4" → ",春节,4").
 */
const recentHolidaysOnly: Plugin = {
  name: 'recent-holidays-only',
  setup(b) {
    b.onLoad({ filter: /chinese-days[\\/]dist[\\/]chinese-days\.json$/ }, (args) => {
      const data = JSON.parse(readFileSync(args.path, 'utf8')) as Record<string, Record<string, string>>;
      const recent = (days: Record<string, string>) =>
        Object.fromEntries(
          Object.entries(days)
            .filter(([date]) => Number(date.slice(0, 4)) >= CALENDAR_FIRST_YEAR)
            .map(([date, value]) => [date, value.includes(',') ? value.slice(value.indexOf(',')) : value]),
        );
      return { contents: JSON.stringify({ holidays: recent(data.holidays), workdays: recent(data.workdays) }), loader: 'json' };
    });
  },
};

const FESTIVALS = ['springFestival', 'qingming', 'dragonBoat', 'midAutumn'] as const satisfies readonly (keyof FestivalDays)[];

/**
 * src/core/sla/festival-days.ts as a table: the same dates, computed here with tyme4ts for every
 * year the holiday estimate covers, instead of tyme4ts itself (~210 KB, two thirds of the `admin`
 * and `sweep` bundles). Each festival is a day of its year within a month's span, so a year is four
 * base-36 digits over that festival's earliest day. Outside those years it throws, as
 * `estimateYear` does before it asks.
 */
export const festivalTableModule = (): string => {
  const years = Array.from({ length: ESTIMATE_LAST_YEAR - ESTIMATE_FIRST_YEAR + 1 }, (_, i) => ESTIMATE_FIRST_YEAR + i);
  const offsets = years.map((year) => {
    const days = festivalDays(year);
    return FESTIVALS.map((f) => days[f] - dayNumber(year, 1, 1));
  });
  const base = FESTIVALS.map((_, i) => Math.min(...offsets.map((o) => o[i])));
  const digits = offsets.flatMap((o) =>
    o.map((day, i) => {
      if (day - base[i] > 35) throw new Error(`festival table: ${FESTIVALS[i]} spans more than 36 days`);
      return (day - base[i]).toString(36);
    }),
  );
  return `const FIRST = ${ESTIMATE_FIRST_YEAR}, LAST = ${ESTIMATE_LAST_YEAR}, BASE = ${JSON.stringify(base)}, DAYS = ${JSON.stringify(digits.join(''))};
export const festivalDays = (year) => {
  if (!Number.isInteger(year) || year < FIRST || year > LAST) throw new RangeError(\`festivalDays: no table for \${year} (\${FIRST}–\${LAST})\`);
  const jan1 = Date.UTC(year, 0, 1) / 864e5, at = (year - FIRST) * 4;
  const day = (i) => jan1 + BASE[i] + parseInt(DAYS[at + i], 36);
  return { ${FESTIVALS.map((f, i) => `${f}: day(${i})`).join(', ')} };
};
`;
};

/** Loads the festival table instead of src/core/sla/festival-days.ts (and so instead of tyme4ts). */
export const festivalTable: Plugin = {
  name: 'festival-table',
  setup(b) {
    b.onLoad({ filter: /src[\\/]core[\\/]sla[\\/]festival-days\.ts$/ }, () => ({ contents: festivalTableModule(), loader: 'js' }));
  },
};

/**
 * The project's own modules (src/core, src/server) have no side effects when imported: they only
 * declare (the core is pure; the server's adapters and use cases are functions of their deps). So
 * a module none of whose exports a function uses is left out of its bundle whole, even where it
 * builds a table at its top level (a `.map` over a catalogue, a message with a `${}` in it) that
 * esbuild cannot prove pure — as the `binding` request messages every entry used to carry through
 * src/server/deps.ts. (esbuild warns of a bare `import './x'` of such a module, which it drops.)
 */
const ownModulesWithoutSideEffects: Plugin = {
  name: 'own-modules-without-side-effects',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData === ownModulesWithoutSideEffects) return undefined;
      const { kind, importer, resolveDir } = args;
      const resolved = await b.resolve(args.path, { kind, importer, resolveDir, pluginData: ownModulesWithoutSideEffects });
      if (resolved.errors.length > 0) return undefined;
      return /^src[\\/](core|server)[\\/]/.test(path.relative(root, resolved.path)) ? { ...resolved, sideEffects: false } : resolved;
    });
  },
};

/** What every function bundle is built with, also for tests and the size analysis. */
export const BUNDLE_OPTIONS: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  external: [...EXTERNAL],
  plugins: [ownModulesWithoutSideEffects, recentHolidaysOnly, festivalTable],
  minify: true,
  // Chinese text as UTF-8 (3 bytes a character) rather than \uXXXX escapes (6): Node reads a
  // module as UTF-8.
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
};

/** Bundles one function's entry into `outfile` (minified, SDKs external). */
export const bundleFunction = (name: string, outfile: string) =>
  build({
    ...BUNDLE_OPTIONS,
    entryPoints: [path.join(source, name, 'index.ts')],
    outfile,
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
