// functions.invokeFunction and wx.api / wx.openApi through the real SDK: calls reach the function
// host's handlers with an SCF context the real getCloudbaseContext() reads, and subscription
// message sends are recorded and can be made to fail like WeChat does.
import tcb from '@cloudbase/node-sdk';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FunctionHandlers } from '@/local/function-host';
import { startStack, type RunningStack } from '@/local/stack';

let stack: RunningStack;
let dataDir: string;
const onFunctionError = jest.fn();

const handlers: FunctionHandlers = {
  async whoami(event, context) {
    const wx = tcb.getCloudbaseContext(context);
    return { openid: wx.WX_OPENID, appid: wx.WX_APPID, fn: context.function_name, event };
  },
  // A handler using the SDK the way the app's db adapter will: serviceUrl from the environment.
  async createTicket(event, context) {
    const app = tcb.init({ env: 'local-dev', serviceUrl: process.env.CLOUDBASE_SERVICE_URL });
    const owner = tcb.getCloudbaseContext(context).WX_OPENID;
    const { id } = await app.database().collection('tickets').add({ owner, ...(event as object) });
    return { ok: true, id };
  },
  async explode() {
    throw new Error('kaput');
  },
};

const sendRequest = (touser: string, templateId = 'TPL_TASK', value = '水管漏水') => ({
  apiName: '/cgi-bin/message/subscribe/send',
  requestData: { touser, template_id: templateId, page: 'pages/task/index?id=1', miniprogram_state: 'developer', data: { thing1: { value } } },
});

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-fn-'));
  stack = await startStack({ dataDir, handlers, onFunctionError });
});

afterAll(async () => {
  await stack.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  stack.emulator.clearMessages();
  stack.emulator.clearFaults();
});

describe('functions.invokeFunction', () => {
  test('the handler gets the event and the caller identity from the x-dev-openid header', async () => {
    const app = tcb.init({ env: 'local-dev', serviceUrl: stack.serviceUrl, headers: { 'x-dev-openid': 'oOwner01' } });
    const res = await app.callFunction({ name: 'whoami', data: { a: 1, text: '报修' } });
    expect(res.result).toEqual({ openid: 'oOwner01', appid: 'wx-local-dev', fn: 'whoami', event: { a: 1, text: '报修' } });
  });

  test('without the header the caller has no identity', async () => {
    const app = tcb.init({ env: 'local-dev', serviceUrl: stack.serviceUrl });
    const res = await app.callFunction({ name: 'whoami', data: undefined });
    expect(res.result).toEqual({ openid: '', appid: 'wx-local-dev', fn: 'whoami', event: {} });
  });

  test('a handler writes through the SDK via CLOUDBASE_SERVICE_URL', async () => {
    const app = tcb.init({ env: 'local-dev', serviceUrl: stack.serviceUrl, headers: { 'x-dev-openid': 'oOwner02' } });
    const res = await app.callFunction<object, { ok: boolean; id: string }>({ name: 'createTicket', data: { kind: 'repair' } });
    expect(res.result).toMatchObject({ ok: true });
    const { data } = await app.database().collection('tickets').doc(res.result.id).get();
    expect(data).toEqual([{ _id: res.result.id, owner: 'oOwner02', kind: 'repair' }]);
  });

  test('unknown functions and throwing handlers surface as coded SDK errors; the failure is reported locally', async () => {
    const app = tcb.init({ env: 'local-dev', serviceUrl: stack.serviceUrl });
    await expect(app.callFunction({ name: 'nope', data: {} })).rejects.toMatchObject({ code: 'FUNCTION_NOT_FOUND' });
    await expect(app.callFunction({ name: 'explode', data: {} })).rejects.toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL' });
    expect(onFunctionError).toHaveBeenCalledWith('explode', expect.objectContaining({ message: 'kaput' }));
  });
});

describe('wx.api subscribe message send (app.callWxOpenApi)', () => {
  const app = () => tcb.init({ env: 'local-dev', serviceUrl: stack.serviceUrl });

  test('a send is answered with errcode 0 and recorded', async () => {
    const before = Date.now();
    const res = await app().callWxOpenApi(sendRequest('oStaff1'));
    expect(res.result).toEqual({ errcode: 0, errmsg: 'ok' });
    const [record] = stack.emulator.messages();
    expect(record).toMatchObject({
      touser: 'oStaff1',
      templateId: 'TPL_TASK',
      page: 'pages/task/index?id=1',
      data: { thing1: { value: '水管漏水' } },
      errcode: 0,
    });
    expect(Date.parse(record.at)).toBeGreaterThanOrEqual(before - 1);
  });

  test('an injected 43101 reaches the caller as result.errcode, only for the matching user and times', async () => {
    stack.emulator.injectFault({ touser: 'oStaff2', errcode: 43101, times: 1 });
    expect((await app().callWxOpenApi(sendRequest('oStaff1'))).result.errcode).toBe(0);
    const refused = await app().callWxOpenApi(sendRequest('oStaff2'));
    expect(refused.result).toEqual({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
    expect((await app().callWxOpenApi(sendRequest('oStaff2'))).result.errcode).toBe(0);
    expect(stack.emulator.messages().map((m) => [m.touser, m.errcode])).toEqual([
      ['oStaff1', 0],
      ['oStaff2', 43101],
      ['oStaff2', 0],
    ]);
  });

  test('WeChat argument checks: over-long thing field (47003), missing openid (40003)', async () => {
    expect((await app().callWxOpenApi(sendRequest('oStaff1', 'T', '一'.repeat(20)))).result.errcode).toBe(0);
    expect((await app().callWxOpenApi(sendRequest('oStaff1', 'T', '一'.repeat(21)))).result.errcode).toBe(47003);
    expect((await app().callWxOpenApi(sendRequest(''))).result.errcode).toBe(40003);
  });

  test('a delayed send (delayMs) answers late but is recorded as delivered when it arrives, like a real timeout', async () => {
    stack.emulator.injectFault({ touser: 'oSlow', delayMs: 300, times: 1 });
    const started = Date.now();
    const answer = app().callWxOpenApi(sendRequest('oSlow'));
    // Recorded on arrival, before the answer: a caller that stops waiting cannot undo the delivery.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stack.emulator.messages()).toEqual([expect.objectContaining({ touser: 'oSlow', errcode: 0 })]);
    expect((await answer).result).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    // times: 1 — the next send is answered at once.
    const next = Date.now();
    await app().callWxOpenApi(sendRequest('oSlow'));
    expect(Date.now() - next).toBeLessThan(250);
  });

  test('a delay with an errcode answers that error late; a fault needs one or the other', async () => {
    stack.emulator.injectFault({ touser: 'oSlow', errcode: -1, delayMs: 200, times: 1 });
    const started = Date.now();
    expect((await app().callWxOpenApi(sendRequest('oSlow'))).result).toEqual({ errcode: -1, errmsg: 'injected failure' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(() => stack.emulator.injectFault({ touser: 'oSlow' })).toThrow('a fault needs an errcode or a delayMs');
    expect(() => stack.emulator.injectFault({ delayMs: -5 })).toThrow('delayMs must be a positive integer');
    const bad = await fetch(`${stack.url}/_local/faults`, { method: 'POST', body: JSON.stringify({ delayMs: 'slow' }) });
    expect(bad.status).toBe(400);
    const ok = await fetch(`${stack.url}/_local/faults`, { method: 'POST', body: JSON.stringify({ templateId: 'TPL_SLOW', delayMs: 50 }) });
    expect(ok.status).toBe(201);
    expect(await (await fetch(`${stack.url}/_local/faults`)).json()).toEqual([{ templateId: 'TPL_SLOW', delayMs: 50 }]);
  });

  test('apis that are not emulated fail loudly', async () => {
    await expect(app().callWxOpenApi({ apiName: '/wxa/getwxacodeunlimit', requestData: { scene: 'x' } })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
    });
  });

  test('faults and messages over HTTP (/_local/faults, /_local/messages)', async () => {
    const post = await fetch(`${stack.url}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ templateId: 'TPL_CB', errcode: 43101 }),
    });
    expect(post.status).toBe(201);
    const bad = await fetch(`${stack.url}/_local/faults`, { method: 'POST', body: JSON.stringify({ errcode: 0 }) });
    expect(bad.status).toBe(400);
    expect((await app().callWxOpenApi(sendRequest('oA', 'TPL_CB'))).result.errcode).toBe(43101);
    expect((await app().callWxOpenApi(sendRequest('oB', 'TPL_CB'))).result.errcode).toBe(43101);
    expect((await app().callWxOpenApi(sendRequest('oA', 'TPL_TASK'))).result.errcode).toBe(0);
    const messages = await (await fetch(`${stack.url}/_local/messages`)).json();
    expect(messages.map((m: { templateId: string; errcode: number }) => [m.templateId, m.errcode])).toEqual([
      ['TPL_CB', 43101],
      ['TPL_CB', 43101],
      ['TPL_TASK', 0],
    ]);
    expect((await fetch(`${stack.url}/_local/faults`, { method: 'DELETE' })).status).toBe(200);
    expect((await app().callWxOpenApi(sendRequest('oA', 'TPL_CB'))).result.errcode).toBe(0);
    expect((await fetch(`${stack.url}/_local/messages`, { method: 'DELETE' })).status).toBe(200);
    expect(stack.emulator.messages()).toEqual([]);
  });
});

describe('wx.openApi (app.callCompatibleWxOpenApi, multipart)', () => {
  test('success comes back as a Buffer, a WeChat error as an object with errcode', async () => {
    const app = tcb.init({ env: 'local-dev', serviceUrl: stack.serviceUrl });
    const { apiName, requestData } = sendRequest('oStaff3');
    const ok = await app.callCompatibleWxOpenApi({ apiName, requestData: Buffer.from(JSON.stringify(requestData)) });
    expect(Buffer.isBuffer(ok)).toBe(true);
    expect(JSON.parse(ok.toString())).toEqual({ errcode: 0, errmsg: 'ok' });
    stack.emulator.injectFault({ touser: 'oStaff3', errcode: 43101 });
    const refused = await app.callCompatibleWxOpenApi({ apiName, requestData: Buffer.from(JSON.stringify(requestData)) });
    expect(refused).toEqual({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
    expect(stack.emulator.messages().map((m) => m.errcode)).toEqual([0, 43101]);
  });
});
