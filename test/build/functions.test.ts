import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FUNCTION_TIMEOUTS, FUNCTION_TRIGGERS } from '@/server/triggers';
import { CALENDAR_FIRST_YEAR } from '../../scripts/build-functions';

const root = path.resolve(__dirname, '../..');
const out = path.join(root, 'dist', 'cloudfunctions');
const sources = readdirSync(path.join(root, 'cloudfunctions')).filter((n) => existsSync(path.join(root, 'cloudfunctions', n, 'index.ts')));

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
