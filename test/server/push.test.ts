/**
 * The production sender (wx-server-sdk's openapi.subscribeMessage.send), which only runs in the
 * WeChat cloud: its payload and error mapping checked against the documented shapes with a
 * stand-in for the SDK module (the one part that cannot run here).
 */
import { SEND_TIMEOUT, sendOutcome } from '@/core/notify/send-errors';
import { cloudbasePush, withTemplateFields, wxServerSdkPush, type WxServerSdk } from '@/server/adapters/push';
import type { CloudApp } from '@/server/cloudbase';

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
    const push = wxServerSdkPush('trial', 5000, () => fake.module);
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
    const thrown = (error: object) => wxServerSdkPush('formal', 5000, () => sdk(async () => Promise.reject(error)).module);
    expect(await thrown({ errCode: 43101, errMsg: 'user refuse to accept the msg' }).send(message)).toEqual({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
    expect(await thrown(new Error('ESOCKETTIMEDOUT')).send(message)).toEqual({ errcode: -1, errmsg: 'ESOCKETTIMEDOUT' });
  });
});

describe('withTemplateFields', () => {
  it('sends a template’s fields under the keys the company’s template has, and other templates as planned', async () => {
    const fake = sdk(async () => ({ errCode: 0 }));
    const push = withTemplateFields(wxServerSdkPush('formal', 5000, () => fake.module), { task_assigned: 'TPL_TASK', repair_done: 'TPL_DONE' }, {
      task_assigned: { thing2: 'thing7' },
    });
    await push.send(message);
    await push.send({ ...message, templateId: 'TPL_DONE' });
    expect(fake.sent.map((p) => (p as { data: object }).data)).toEqual([
      { thing7: { value: '水电·1栋1单元1201' }, time4: { value: '2026-11-23 10:00' } },
      { thing2: { value: '水电·1栋1单元1201' }, time4: { value: '2026-11-23 10:00' } },
    ]);
  });
});

/** A promise that never settles: a send WeChat never answers. */
const never = <T>() => new Promise<T>(() => undefined);

describe('a send that is not answered in time', () => {
  it('wxServerSdkPush gives up after its timeout with the timeout code, which is never retried', async () => {
    const fake = sdk(() => never());
    const push = wxServerSdkPush('formal', 30, () => fake.module);
    const started = Date.now();
    const res = await push.send(message);
    expect(res).toEqual(SEND_TIMEOUT);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(sendOutcome(res.errcode)).toBe('uncertain');
    // The request did go out: it may have reached WeChat.
    expect(fake.sent).toHaveLength(1);
  });

  it('an answer within the timeout is the answer', async () => {
    const fake = sdk(() => new Promise((resolve) => setTimeout(() => resolve({ errCode: 0, errMsg: 'ok' }), 5)));
    expect(await wxServerSdkPush('formal', 1000, () => fake.module).send(message)).toEqual({ errcode: 0, errmsg: 'ok' });
  });

  it('cloudbasePush gives up the same way', async () => {
    const calls: object[] = [];
    const app = { callWxOpenApi: (req: object) => (calls.push(req), never()) } as unknown as CloudApp;
    expect(await cloudbasePush(app, 'developer', 30).send(message)).toEqual(SEND_TIMEOUT);
    expect(calls).toHaveLength(1);
  });

  it('cloudbasePush turns a thrown SDK error into a retryable failure, not an exception', async () => {
    const app = { callWxOpenApi: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) } as unknown as CloudApp;
    const res = await cloudbasePush(app, 'developer', 1000).send(message);
    expect(res).toEqual({ errcode: -1, errmsg: 'ECONNREFUSED connect ECONNREFUSED' });
    expect(sendOutcome(res.errcode)).toBe('retry');
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
    [-2, 'uncertain'],
    [-1, 'retry'],
    [-501001, 'retry'],
    [45009, 'retry'],
  ] as const)('%i → %s', (code, outcome) => {
    expect(sendOutcome(code)).toBe(outcome);
  });
});
