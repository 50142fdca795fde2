// The harness's own judges can fail: a missing bundle, a subscription asked outside a tap or for
// too many templates, a console error. (Each is what the other weapp tests rely on to be strict.)
import path from 'node:path';
import { ROOT, readAppJson } from './bundle';
import { guardConsole } from './console-guard';
import { subscribeRuleBreaches } from './subscribe-rule';
import { createSubscribe, trackTaps } from './taps';

it('fails with the build hint when the bundle is missing', () => {
  expect(() => readAppJson(path.join(ROOT, 'dist', 'no-such-build'))).toThrow(/is missing: .*npm run build:weapp/);
});

it('records whether wx.requestSubscribeMessage ran inside a tap, and refuses it outside one as WeChat does', async () => {
  const { requests, requestSubscribeMessage } = createSubscribe(() => 'pages/x');
  await expect(requestSubscribeMessage({ tmplIds: ['a'] })).rejects.toMatchObject({ errMsg: expect.stringMatching(/TAP gesture/) });
  const handler = trackTaps((_event: { type: string }) => requestSubscribeMessage({ tmplIds: ['a', 'b', 'c', 'd'] }));
  await expect(handler({ type: 'tap' })).rejects.toMatchObject({ errMsg: expect.stringMatching(/tmplIds/) });
  await expect(trackTaps((_event: { type: string }) => requestSubscribeMessage({ tmplIds: ['a'] }))({ type: 'tap' })).resolves.toMatchObject({ a: 'accept' });
  expect(requests.map((r) => r.inTap)).toEqual([false, true, true]);
  expect(subscribeRuleBreaches(requests)).toEqual(['pages/x: asked outside a tap (a)', 'pages/x: asked for 4 templates (WeChat allows 1–3)']);
});

it('takes what is written to console.error and console.warn', () => {
  const guard = guardConsole({ echo: false });
  try {
    console.error('页面出错了');
    console.warn(new Error('警告'));
    const taken = guard.take();
    expect(taken).toHaveLength(2);
    expect(taken[0]).toBe('console.error: 页面出错了');
    expect(taken[1]).toMatch(/^console\.warn: Error: 警告/);
    expect(guard.take()).toEqual([]);
  } finally {
    guard.restore();
  }
});
