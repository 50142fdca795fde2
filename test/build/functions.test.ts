import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { estimateYear, ESTIMATE_FIRST_YEAR, ESTIMATE_LAST_YEAR } from '@/core/sla/holiday-estimate';
import { FUNCTION_TIMEOUTS, FUNCTION_TRIGGERS } from '@/server/triggers';
import * as ports from '@/server/deps';
import { FUNCTION_HANDLERS } from '@/server/handlers';
import { actionsOf } from '@/core/contract/actions';
import { BUNDLE_OPTIONS, CALENDAR_FIRST_YEAR } from '../../scripts/build-functions';

const root = path.resolve(__dirname, '../..');
const out = path.join(root, 'dist', 'cloudfunctions');
const sources = readdirSync(path.join(root, 'cloudfunctions')).filter((n) => existsSync(path.join(root, 'cloudfunctions', n, 'index.ts')));

/**
 * A bundle's budget (SDKs external): a cold start pays for every KB of it (docs/architecture.md,
 * 'Deploying and cold start'). Each function bundles its own actions' schemas and views and the
 * adapters of the ports it wires only.
 */
const BUNDLE_LIMIT_KB = 100;
/**
 * Functions still above the budget, each held at its own ceiling (its size then, plus about 1 KB)
 * until it is within it: a function that steps tickets bundles the ticket core (workflow, clocks,
 * views, delivery, the adapters, zod, ≈ 91 KB: `callback`), and these add the three kinds'
 * submissions (`intake`) or many steps (`task`, `taskmore`).
 */
const OVER_BUDGET_KB: Record<string, number> = { intake: 104, task: 104.5, taskmore: 106 };

describe('cloud function bundles (dist/cloudfunctions)', () => {
  beforeAll(() => {
    if (!existsSync(out)) throw new Error(`${out} is missing: run \`npm run build:functions\` before this test.`);
  });

  it.each(sources)('%s is bundled with its package.json and the openapi permission', (name) => {
    const dir = path.join(out, name);
    expect(existsSync(path.join(dir, 'index.js'))).toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('index.js');
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@cloudbase/node-sdk', 'wx-server-sdk']);
    const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
    expect(config.permissions).toEqual({ openapi: ['subscribeMessage.send'] });
    // Only the sweep is called by a timer (7-field cron: second minute hour day month week year).
    // Timer functions carry their 7-field cron triggers (and a longer timeout); the others neither.
    expect(config).toEqual({
      permissions: { openapi: ['subscribeMessage.send'] },
      ...(FUNCTION_TIMEOUTS[name] ? { timeout: FUNCTION_TIMEOUTS[name] } : {}),
      ...(FUNCTION_TRIGGERS[name] ? { triggers: FUNCTION_TRIGGERS[name] } : {}),
    });
    for (const trigger of FUNCTION_TRIGGERS[name] ?? []) expect(trigger.config.split(' ')).toHaveLength(7);
  });

  it.each(sources)(`%s is within its budget (${BUNDLE_LIMIT_KB} KB, SDKs external)`, (name) => {
    const kb = statSync(path.join(out, name, 'index.js')).size / 1024;
    const limit = OVER_BUDGET_KB[name] ?? BUNDLE_LIMIT_KB;
    expect([name, kb <= limit ? 'within' : `${kb.toFixed(1)} KB > ${limit} KB`]).toEqual([name, 'within']);
  });

  it('holds no ceiling well above its function, nor one for a function within the budget (lower it, or drop it)', () => {
    const kb = (name: string) => statSync(path.join(out, name, 'index.js')).size / 1024;
    const within = Object.keys(OVER_BUDGET_KB).filter((name) => kb(name) <= BUNDLE_LIMIT_KB || kb(name) < OVER_BUDGET_KB[name] - 2);
    expect(within).toEqual([]);
  });

  describe('the holiday estimate in a bundle', () => {
    it('has tyme4ts\' festival dates as a table, not tyme4ts itself', () => {
      for (const name of sources) {
        // 惊蛰 and 冬至 are solar terms the estimate never names; tyme4ts lists every one.
        expect([name, /惊蛰|冬至/.test(readFileSync(path.join(out, name, 'index.js'), 'utf8'))]).toEqual([name, false]);
      }
    });

    it('gives the same estimate as tyme4ts for every year it covers', async () => {
      const bundled = await build({
        ...BUNDLE_OPTIONS,
        stdin: { contents: "export { estimateYear } from './src/core/sla/holiday-estimate';", resolveDir: root, loader: 'ts' },
        write: false,
      });
      const mod = { exports: {} as { estimateYear?: typeof estimateYear } };
      new Function('module', 'exports', bundled.outputFiles[0].text)(mod, mod.exports);
      const years = Array.from({ length: ESTIMATE_LAST_YEAR - ESTIMATE_FIRST_YEAR + 1 }, (_, i) => ESTIMATE_FIRST_YEAR + i);
      expect(years.map((year) => mod.exports.estimateYear?.(year))).toEqual(years.map(estimateYear));
      expect(() => mod.exports.estimateYear?.(ESTIMATE_LAST_YEAR + 1)).toThrow(RangeError);
    });
  });

  describe('the holiday table (chinese-days) in a bundle', () => {
    const code = (name: string) => readFileSync(path.join(out, name, 'index.js'), 'utf8');
    const withCalendar = () => sources.filter((name) => /"\d{4}-\d{2}-\d{2}":"/.test(code(name)));

    it('is in every function that keeps clocks', () => {
      expect(withCalendar()).toEqual(expect.arrayContaining(['repair', 'complaint', 'card', 'task', 'ticket', 'sweep', 'digest']));
    });

    it('holds the years from the calendar\'s first year on, not the two decades before', () => {
      for (const name of withCalendar()) {
        expect([name, code(name).includes(`"${CALENDAR_FIRST_YEAR}-10-01"`)]).toEqual([name, true]); // 国庆节
        expect([name, code(name).includes('"2026-02-17"')]).toEqual([name, true]); // 春节
        expect([name, code(name).includes(`"${CALENDAR_FIRST_YEAR - 1}-10-01"`)]).toEqual([name, false]);
      }
    });
  });

  it.each(sources)('%s holds no local-only code: no dev identity header, no emulator', (name) => {
    const code = readFileSync(path.join(out, name, 'index.js'), 'utf8');
    expect(code).not.toMatch(/x-dev-openid/i);
    expect(code).not.toMatch(/_local\/|journal\.ejsonl|demo-owner/);
    // The SDKs are installed in the cloud, not bundled.
    expect(code).toMatch(/require\("@cloudbase\/node-sdk"\)/);
  });
});

describe('cloud function entries (cloudfunctions/)', () => {
  it('each serves exactly the actions functionOf sends it (contract/names.ts)', () => {
    for (const [name, handlers] of Object.entries(FUNCTION_HANDLERS)) {
      expect([name, Object.keys(handlers).sort()]).toEqual([name, [...actionsOf(name)].sort()]);
      expect(sources).toContain(name);
    }
  });

  /** The ports of src/server/deps.ts: each exported factory but `wire` and `defaultDeps`. */
  const PORTS = Object.keys(ports).filter((name) => name !== 'wire' && name !== 'defaultDeps');

  it.each(sources)('%s wires each port its bundled code reaches, and no other (src/server/deps.ts)', async (name) => {
    const entry = path.join(root, 'cloudfunctions', name, 'index.ts');
    const wired = /\bwire\(\{([^}]*)\}\)/.exec(readFileSync(entry, 'utf8'))?.[1].split(',').map((p) => p.trim()).filter(Boolean);
    expect(wired).toBeDefined();
    // Tree-shaken as the deployed bundle is, unminified: use cases reach ports as `deps.<port>`.
    const code = (await build({ ...BUNDLE_OPTIONS, minify: false, entryPoints: [entry], write: false })).outputFiles[0].text;
    const reached = [...new Set([...code.matchAll(/\bdeps\d*\??\.(\w+)/g)].map((m) => m[1]))].filter((p) => PORTS.includes(p)).sort();
    expect([name, reached]).toEqual([name, [...(wired ?? [])].sort()]);
    // No port reached any other way (taken apart from deps, or by a computed name).
    expect(code).not.toMatch(/\}\s*=\s*(?:call\.)?deps\d*\s*[;,)]|\bdeps\d*\[/);
  });
});
