// The production profile: what a request costs in the cloud, paid on the local stack, and the
// same run every time for a seed.
import tcb from '@cloudbase/node-sdk';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FAST_PROFILE, PRODUCTION_PROFILE, floorMs, latencyOf, profileFromEnv } from '@/local/profile';
import { startStack, type RunningStack } from '@/local/stack';

jest.setTimeout(30_000);

describe('choosing a profile', () => {
  test('fast by default, production by LOCAL_PROFILE, its seed by LOCAL_PROFILE_SEED', () => {
    expect(profileFromEnv({})).toEqual(FAST_PROFILE);
    expect(profileFromEnv({ LOCAL_PROFILE: 'production' })).toEqual(PRODUCTION_PROFILE);
    expect(profileFromEnv({ LOCAL_PROFILE: 'production', LOCAL_PROFILE_SEED: '7' }).seed).toBe(7);
    expect(() => profileFromEnv({ LOCAL_PROFILE: 'cloud' })).toThrow('LOCAL_PROFILE must be fast or production');
  });

  test('the production numbers are the issue’s: 20 ms a round trip with jitter, 150 ms a send, 1% at 1 s, 1% failing', () => {
    expect(PRODUCTION_PROFILE.database).toEqual({ ms: 20, jitterMs: 10 });
    expect(PRODUCTION_PROFILE.wechat).toEqual({ ms: 150, slowMs: 1000, slowShare: 0.01 });
    expect(PRODUCTION_PROFILE.pushFailureShare).toBe(0.01);
  });

  test('its costs are the same run for the same seed, and keep to the profile’s shares', () => {
    const draw = () => {
      const latency = latencyOf(PRODUCTION_PROFILE);
      return Array.from({ length: 10_000 }, () => ({ db: latency.database(), wx: latency.wechat() }));
    };
    const run = draw();
    expect(draw()).toEqual(run);
    expect(run.every(({ db }) => db >= 20 && db <= 30)).toBe(true);
    const slow = run.filter(({ wx }) => wx.waitMs === 1000).length / run.length;
    const failed = run.filter(({ wx }) => wx.transientFailure).length / run.length;
    expect(slow).toBeGreaterThan(0.005);
    expect(slow).toBeLessThan(0.02);
    expect(failed).toBeGreaterThan(0.005);
    expect(failed).toBeLessThan(0.02);
    expect(run.filter(({ wx }) => wx.waitMs === 150).length).toBe(run.length - run.filter(({ wx }) => wx.waitMs === 1000).length);
  });

  test('the floor of a path is its round trips at the typical latencies', () => {
    expect(floorMs(PRODUCTION_PROFILE, { database: 7, wechat: 1 })).toBe(7 * 25 + 150);
    expect(floorMs(FAST_PROFILE, { database: 7, wechat: 1 })).toBe(0);
  });
});

describe('a stack under the production profile', () => {
  let stack: RunningStack;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prod-profile-'));
    // Every send fails transiently here, so the test sees it on the first try.
    stack = await startStack({ dataDir, handlers: {}, profile: { ...PRODUCTION_PROFILE, pushFailureShare: 1 } });
  });
  afterAll(async () => {
    await stack.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const app = () => tcb.init({ env: 'local-dev', serviceUrl: stack.serviceUrl });

  test('each database round trip waits its latency', async () => {
    const db = app().database();
    const started = performance.now();
    for (let i = 0; i < 5; i++) await db.collection('staff').doc(`s${i}`).get();
    expect(performance.now() - started).toBeGreaterThanOrEqual(5 * 20 - 5);
  });

  test('a send waits WeChat’s latency and can fail as WeChat fails, unrecorded', async () => {
    const started = performance.now();
    const res = await app().callWxOpenApi({
      apiName: '/cgi-bin/message/subscribe/send',
      requestData: { touser: 'oStaff1', template_id: 'TPL', page: 'pages/task/index?id=1', miniprogram_state: 'developer', data: { thing1: { value: '水管漏水' } } },
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(res.result).toEqual({ errcode: -1, errmsg: 'system error' });
    expect(stack.emulator.messages()).toEqual([]);
  });
});
