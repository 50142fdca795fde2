/**
 * The functions' settings (src/server/env.ts): what production requires, what the local stack
 * defaults, that one error names every problem, that the fee reaches the policy the functions run
 * with, and that .env.example documents every setting.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATES, TEMPLATE_KEYS, templateEnvName } from '@/core/notify/templates';
import { DEFAULT_POLICY, type Policy } from '@/core/sla/policy';
import { withSettings } from '@/core/sla/settings';
import { FUNCTION_SETTINGS, readConfig, REQUIRED_SETTINGS, SettingsError } from '@/server/env';
import { wire } from '@/server/deps';
import { createFunction } from '@/server/function';
import type { Deps } from '@/server/ports';
import { createTimerFunction } from '@/server/timer-function';

const TEMPLATE_NAMES = TEMPLATE_KEYS.map(templateEnvName);
/** Every template id set, as a complete production .env would. */
const complete = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(TEMPLATE_KEYS.map((k) => [templateEnvName(k), `tpl-${k}`])),
  ...extra,
});

const errorOf = (env: NodeJS.ProcessEnv): SettingsError => {
  try {
    readConfig(env);
  } catch (e) {
    if (e instanceof SettingsError) return e;
    throw e;
  }
  throw new Error('readConfig accepted the settings');
};

describe('readConfig in production (no CLOUDBASE_SERVICE_URL)', () => {
  it('with nothing set, one error names every template id with its message title, in Chinese and English', () => {
    const error = errorOf({});
    expect(error.message).toMatch(/^云函数配置不完整 \/ missing or invalid settings/);
    expect(error.problems).toHaveLength(TEMPLATE_KEYS.length);
    for (const key of TEMPLATE_KEYS) {
      expect(error.message).toContain(`${templateEnvName(key)} (订阅消息「${TEMPLATES[key].title}」`);
    }
  });

  it.each(TEMPLATE_NAMES)('%s alone missing is named, and only it', (name) => {
    const env = complete();
    delete env[name];
    expect(errorOf(env).problems).toEqual([expect.stringContaining(name)]);
  });

  it('a blank value or a placeholder the CLI left unresolved counts as missing', () => {
    const env = complete({ TEMPLATE_ID_TASK_ASSIGNED: '  ', TEMPLATE_ID_REPAIR_DONE: '{{env.TEMPLATE_ID_REPAIR_DONE}}' });
    const { problems } = errorOf(env);
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/TEMPLATE_ID_TASK_ASSIGNED[\s\S]*TEMPLATE_ID_REPAIR_DONE/);
  });

  it('all template ids set: the settings, with state formal and the policy fee by default', () => {
    const config = readConfig(complete());
    expect(config.templateIds.task_assigned).toBe('tpl-task_assigned');
    expect(Object.keys(config.templateIds).sort()).toEqual([...TEMPLATE_KEYS].sort());
    expect(config.miniprogramState).toBe('formal');
    expect(config.reissueFeeFen).toBeUndefined();
    expect(config.serviceUrl).toBeUndefined();
  });

  it.each(['developer', 'trial', 'formal'])('MINIPROGRAM_STATE=%s is taken', (state) => {
    expect(readConfig(complete({ MINIPROGRAM_STATE: state })).miniprogramState).toBe(state);
  });

  it.each(['prod', 'Formal', 'release'])('MINIPROGRAM_STATE=%s is an error naming the setting and the value, not a silent formal', (state) => {
    const { problems } = errorOf(complete({ MINIPROGRAM_STATE: state }));
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^MINIPROGRAM_STATE .*developer \\| trial \\| formal.*"${state}"`))]);
  });

  it.each([
    ['0', 0],
    ['50', 5000],
    ['30.5', 3050],
    ['12.34', 1234],
    ['1000', 100000],
  ])('CARD_REISSUE_FEE_YUAN=%s is %i fen', (yuan, fen) => {
    expect(readConfig(complete({ CARD_REISSUE_FEE_YUAN: yuan })).reissueFeeFen).toBe(fen);
  });

  it.each(['-1', 'abc', '50元', '1000.01', '5000', '12.345', '1e3'])('CARD_REISSUE_FEE_YUAN=%s is an error naming the setting', (yuan) => {
    const { problems } = errorOf(complete({ CARD_REISSUE_FEE_YUAN: yuan }));
    expect(problems).toEqual([expect.stringMatching(/^CARD_REISSUE_FEE_YUAN .*0–1000/)]);
    expect(problems[0]).toContain(`"${yuan}"`);
  });

  it('every problem at once goes into the one error', () => {
    const { problems, message } = errorOf({ MINIPROGRAM_STATE: 'prod', CARD_REISSUE_FEE_YUAN: 'fifty', TEMPLATE_FIELDS_ORDER_ACCEPTED: 'name3:thing3' });
    expect(problems).toHaveLength(TEMPLATE_KEYS.length + 3);
    for (const name of [...REQUIRED_SETTINGS, 'MINIPROGRAM_STATE', 'CARD_REISSUE_FEE_YUAN', 'TEMPLATE_FIELDS_ORDER_ACCEPTED']) expect(message).toContain(name);
  });

  it('reads the keyword keys of a template WeChat numbered differently, and names a key of the wrong kind', () => {
    expect(readConfig(complete({ TEMPLATE_FIELDS_TASK_ASSIGNED: 'thing2:thing1, time4:time6' })).templateFields).toEqual({
      task_assigned: { thing2: 'thing1', time4: 'time6' },
    });
    expect(readConfig(complete({})).templateFields).toEqual({});
    const { problems } = errorOf(complete({ TEMPLATE_FIELDS_REPAIR_DONE: 'name3:thing3' }));
    expect(problems).toEqual([expect.stringMatching(/^TEMPLATE_FIELDS_REPAIR_DONE .*维修完成通知.*name3 是 name 类字段，不能对应 thing3/)]);
  });
});

describe('readConfig on the local stack (CLOUDBASE_SERVICE_URL set)', () => {
  const local = { CLOUDBASE_SERVICE_URL: 'http://127.0.0.1:9/admin' };

  it('keeps the defaults: readable fake template ids, formal, the policy fee', () => {
    const config = readConfig(local);
    expect(config.serviceUrl).toBe(local.CLOUDBASE_SERVICE_URL);
    for (const key of TEMPLATE_KEYS) expect(config.templateIds[key]).toBe(`local-${key}`);
    expect(config.miniprogramState).toBe('formal');
    expect(config.reissueFeeFen).toBeUndefined();
  });

  it('still takes a template id that is set, and still refuses a malformed value', () => {
    expect(readConfig({ ...local, TEMPLATE_ID_TASK_URGED: 'real-id' }).templateIds.task_urged).toBe('real-id');
    expect(() => readConfig({ ...local, MINIPROGRAM_STATE: 'prod' })).toThrow(/MINIPROGRAM_STATE/);
  });
});

describe('the policy the functions run with', () => {
  it('withSettings puts the fee into the policy and leaves the default policy alone', () => {
    const policy = withSettings(DEFAULT_POLICY, { reissueFeeFen: 3000 });
    expect(policy.card).toEqual({ ...DEFAULT_POLICY.card, reissueFeeFen: 3000 });
    expect(DEFAULT_POLICY.card.reissueFeeFen).toBe(5000);
    expect(withSettings(DEFAULT_POLICY, {})).toBe(DEFAULT_POLICY);
  });

  describe('created with the environment of the process', () => {
    const saved = { ...process.env };
    const setEnv = (values: NodeJS.ProcessEnv) => {
      for (const name of [...FUNCTION_SETTINGS, 'CLOUDBASE_SERVICE_URL']) delete process.env[name];
      Object.assign(process.env, values);
    };
    afterEach(() => {
      process.env = { ...saved };
    });

    it('a timer function runs with the configured fee', async () => {
      setEnv(complete({ CARD_REISSUE_FEE_YUAN: '30' }));
      let seen: Policy | undefined;
      // The call's policy also carries the working calendar the function reads: none kept here.
      const deps = { now: () => Date.now(), calendar: { list: async () => [] } } as unknown as Deps;
      const main = createTimerFunction(async (_event, call) => ((seen = call.policy), 'done'), () => deps);
      const reply = await main({ Type: 'Timer', TriggerName: 'everyMinute', Time: '2026-01-05T08:30:00Z' }, {});
      expect(reply).toEqual({ ok: true, data: 'done' });
      expect(seen?.card.reissueFeeFen).toBe(3000);
    });

    it('a function is refused at creation, not on its first call, when production settings are missing', () => {
      setEnv({ TEMPLATE_ID_TASK_ASSIGNED: 'only-this-one' });
      expect(() => createFunction({}, {}, wire({}))).toThrow(SettingsError);
      expect(() => createTimerFunction(async () => null, wire({}))).toThrow(/TEMPLATE_ID_DAILY_DIGEST \(订阅消息「每日工作提醒」/);
    });
  });
});

describe('.env.example', () => {
  const text = readFileSync(path.resolve(__dirname, '../../.env.example'), 'utf8');
  const assigned = new Set([...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));

  it('lists every function setting, the build settings and the management credentials', () => {
    for (const name of [...FUNCTION_SETTINGS, 'CLOUD_ENV_ID', 'WX_APPID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY']) {
      expect(assigned).toContain(name);
    }
  });

  it("describes each template id with its message's title and every field the functions send", () => {
    const lines = text.split('\n');
    for (const key of TEMPLATE_KEYS) {
      const at = lines.findIndex((line) => line.startsWith(`${templateEnvName(key)}=`));
      const [title, fields] = lines.slice(at - 2, at);
      expect(title).toMatch(new RegExp(`^# ${TEMPLATES[key].title} \\(`));
      for (const field of Object.keys(TEMPLATES[key].fields)) expect(fields).toContain(` ${field} `);
    }
  });

  it('holds no value that could be a real secret', () => {
    expect(text).toMatch(/^TENCENTCLOUD_SECRETID=$/m);
    expect(text).toMatch(/^TENCENTCLOUD_SECRETKEY=$/m);
  });
});
