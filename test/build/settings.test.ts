/**
 * A built function refuses to start without its settings: requiring its bundle in a fresh Node
 * process with a production-like environment (no local stack, the platform's credentials, no
 * template ids) fails at load and names every missing setting; with them all set it loads.
 * Needs `npm run build:functions` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATES, TEMPLATE_KEYS, templateEnvName } from '@/core/notify/templates';
import { REQUIRED_SETTINGS } from '@/server/env';

const root = path.resolve(__dirname, '../..');
const out = path.join(root, 'dist', 'cloudfunctions');

/** What a deployed function has in its environment without any of our settings. */
const platformEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  TENCENTCLOUD_RUNENV: 'SCF',
  TENCENTCLOUD_SECRETID: 'fake-temporary-id',
  TENCENTCLOUD_SECRETKEY: 'fake-temporary-key',
  TENCENTCLOUD_SESSIONTOKEN: 'fake-token',
  SCF_NAMESPACE: 'prod-env',
});
const allSettings = (): NodeJS.ProcessEnv => Object.fromEntries(REQUIRED_SETTINGS.map((name) => [name, `tpl-${name.toLowerCase()}`]));

const load = (name: string, env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, ['-e', `require(${JSON.stringify(path.join(out, name, 'index.js'))})`], { cwd: root, env, encoding: 'utf8', timeout: 20_000 });

describe('built functions check their settings as they load', () => {
  beforeAll(() => {
    if (!existsSync(out)) throw new Error(`${out} is missing: run \`npm run build:functions\` before this test.`);
  });

  it('session without template ids exits non-zero naming every missing one with its message title', () => {
    const run = load('session', platformEnv());
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('云函数配置不完整 / missing or invalid settings');
    for (const key of TEMPLATE_KEYS) expect(run.stderr).toContain(`${templateEnvName(key)} (订阅消息「${TEMPLATES[key].title}」`);
  });

  it('the sweep (a timer function) with a malformed state and fee names both', () => {
    const run = load('sweep', { ...platformEnv(), ...allSettings(), MINIPROGRAM_STATE: 'production', CARD_REISSUE_FEE_YUAN: '5000' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/MINIPROGRAM_STATE .*"production"/);
    expect(run.stderr).toMatch(/CARD_REISSUE_FEE_YUAN .*"5000"/);
    expect(run.stderr).not.toContain('TEMPLATE_ID_');
  });

  it.each(['session', 'sweep'])('%s with every setting present loads', (name) => {
    const run = load(name, { ...platformEnv(), ...allSettings(), MINIPROGRAM_STATE: 'trial', CARD_REISSUE_FEE_YUAN: '50' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
