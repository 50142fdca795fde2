/**
 * The production sender (wx-server-sdk's openapi.subscribeMessage.send), which only runs in the
 * WeChat cloud: its payload and error mapping checked against the documented shapes with a
 * stand-in for the SDK module (the one part that cannot run here).
 */
import { sendOutcome } from '@/core/notify/send-errors';
import { wxServerSdkPush, type WxServerSdk } from '@/server/adapters/push';

const sdk = (answer: (payload: object) => Promise<{ errCode?: number; errMsg?: string }>) => {
  const sent: object[] = [];
  const inits: unknown[] = [];
  const module: WxServerSdk = {
    DYNAMIC_CURRENT_ENV: Symbol('current env'),
    init: (options) => void inits.push(options.env),
    openapi: { subscribeMessage: { send: (payload) => (sent.push(payload), answer(payload)) } },
  };
  return { module, sent, inits };
};

const message = { touser: 'o-tech-wang', templateId: 'TPL_TASK', page: 'staff/task/index?id=t1', data: { thing2: '水电·1栋1单元1201', time4: '2026-11-23 10:00' } };

describe('wxServerSdkPush', () => {
  it('sends the documented payload: camelCase keys, each field as { value }, the configured miniprogramState', async () => {
    const fake = sdk(async () => ({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }));
    const push = wxServerSdkPush('trial', () => fake.module);
    expect(await push.send(message)).toEqual({ errcode: 0, errmsg: 'openapi.subscribeMessage.send:ok' });
    expect(fake.sent).toEqual([
      {
        touser: 'o-tech-wang',
        templateId: 'TPL_TASK',
        page: 'staff/task/index?id=t1',
        data: { thing2: { value: '水电·1栋1单元1201' }, time4: { value: '2026-11-23 10:00' } },
        miniprogramState: 'trial',
      },
    ]);
    // Initialised once, on the current environment, however many sends follow.
    await push.send(message);
    expect(fake.inits).toEqual([fake.module.DYNAMIC_CURRENT_ENV]);
  });

  it('maps the SDK’s thrown errors to WeChat’s code, and anything else to a retryable failure', async () => {
    const thrown = (error: object) => wxServerSdkPush('formal', () => sdk(async () => Promise.reject(error)).module);
    expect(await thrown({ errCode: 43101, errMsg: 'user refuse to accept the msg' }).send(message)).toEqual({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
    expect(await thrown(new Error('ESOCKETTIMEDOUT')).send(message)).toEqual({ errcode: -1, errmsg: 'ESOCKETTIMEDOUT' });
  });
});

describe('what each answer means for the outbox', () => {
  it.each([
    [0, 'sent'],
    [43101, 'no_credit'],
    [47003, 'rejected'],
    [40037, 'rejected'],
    [40003, 'rejected'],
    [41030, 'rejected'],
    [-1, 'retry'],
    [-501001, 'retry'],
    [45009, 'retry'],
  ] as const)('%i → %s', (code, outcome) => {
    expect(sendOutcome(code)).toBe(outcome);
  });
});
