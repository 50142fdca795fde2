// The function host and the stack's HTTP surface, through plain fetch as the H5 app uses them.
import tcb from '@cloudbase/node-sdk';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { FunctionHandlers } from '@/local/function-host';
import { startStack, type RunningStack } from '@/local/stack';

let stack: RunningStack;
let dataDir: string;
let staticDir: string;
const onFunctionError = jest.fn();
const IDENTITIES = [
  { openid: 'demo-owner-lin', name: '林先生', role: '业主', hint: '1栋1单元1201' },
  { openid: 'demo-tech-wang', name: '王师傅', role: '维修', hint: '水电' },
];
const envBefore = process.env.CLOUDBASE_SERVICE_URL;

const handlers: FunctionHandlers = {
  async whoami(event, context) {
    return { openid: tcb.getCloudbaseContext(context).WX_OPENID, context, event };
  },
  async nothing() {
    return undefined;
  },
  async explode() {
    throw new Error('secret internal detail');
  },
};

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-host-'));
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-h5-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>物业客服台</title>');
  fs.mkdirSync(path.join(staticDir, 'js'));
  fs.writeFileSync(path.join(staticDir, 'js', 'app.js'), 'console.log(1)');
  stack = await startStack({ dataDir, handlers, staticDir, onFunctionError, identities: IDENTITIES });
});

afterAll(async () => {
  await stack.close();
  expect(process.env.CLOUDBASE_SERVICE_URL).toBe(envBefore);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const call = (name: string, init: RequestInit = {}) =>
  fetch(`${stack.url}/functions/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, ...init });

describe('POST /functions/<name>', () => {
  test('answers the handler result as JSON, with the event from the body', async () => {
    const res = await call('whoami', { body: JSON.stringify({ kind: 'repair', note: '门锁坏了' }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.event).toEqual({ kind: 'repair', note: '门锁坏了' });
  });

  test('x-dev-openid becomes the identity inside an SCF-shaped context', async () => {
    const res = await call('whoami', { headers: { 'x-dev-openid': 'oStaff_42' }, body: '{}' });
    const body = await res.json();
    expect(body.openid).toBe('oStaff_42');
    expect(body.context).toMatchObject({ function_name: 'whoami', request_id: expect.any(String) });
    expect(JSON.parse(body.context.environment)).toEqual({
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
      WX_OPENID: 'oStaff_42',
      WX_APPID: 'wx-local-dev',
      WX_UNIONID: '',
    });
  });

  test('no header means no identity; an empty body is an empty event', async () => {
    const body = await (await call('whoami')).json();
    expect(body.openid).toBe('');
    expect(body.event).toEqual({});
  });

  test('a malformed identity header or body is a 400, not a guess', async () => {
    expect((await call('whoami', { headers: { 'x-dev-openid': 'o bad id' }, body: '{}' })).status).toBe(400);
    expect((await call('whoami', { body: '{not json' })).status).toBe(400);
  });

  test('undefined results are sent as JSON null', async () => {
    const res = await call('nothing', { body: '{}' });
    expect(res.status).toBe(200);
    expect(await res.json()).toBeNull();
  });

  test('unknown function: 404 FUNCTION.NOT_FOUND (prototype names included)', async () => {
    for (const name of ['missing', 'constructor', '__proto__']) {
      const res = await call(name, { body: '{}' });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ ok: false, code: 'FUNCTION.NOT_FOUND', message: '功能不存在' });
    }
  });

  test('a throwing handler: 500 SYSTEM.ERROR without internal details; the error is reported locally', async () => {
    const res = await call('explode', { body: '{}' });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ ok: false, code: 'SYSTEM.ERROR', message: '系统繁忙，请稍后再试' });
    expect(text).not.toContain('secret');
    expect(onFunctionError).toHaveBeenCalledWith('explode', expect.objectContaining({ message: 'secret internal detail' }));
  });

  test('only POST runs a function', async () => {
    const res = await fetch(`${stack.url}/functions/whoami`);
    expect(res.status).toBe(405);
  });
});

describe('CORS for the H5 dev server on another localhost port', () => {
  test('preflight from a localhost origin allows POST with x-dev-openid', async () => {
    const res = await fetch(`${stack.url}/functions/whoami`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:10086', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-dev-openid' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:10086');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toContain('x-dev-openid');
  });

  test('actual responses carry the origin back; 127.0.0.1 origins too', async () => {
    const res = await call('whoami', { headers: { origin: 'http://127.0.0.1:5173' }, body: '{}' });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
  });

  test('other origins get no CORS grant', async () => {
    const pre = await fetch(`${stack.url}/functions/whoami`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const res = await call('whoami', { headers: { origin: 'http://localhost.evil.example' }, body: '{}' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the stack', () => {
  test('listens on 127.0.0.1 and exports the SDK environment for in-process handlers', () => {
    expect(stack.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stack.serviceUrl).toBe(`${stack.url}/admin`);
    expect(process.env.CLOUDBASE_SERVICE_URL).toBe(stack.serviceUrl);
    expect(process.env.TENCENTCLOUD_SECRETID).toBeTruthy();
    expect(process.env.TENCENTCLOUD_SECRETKEY).toBeTruthy();
  });

  test('serves static files, falls back to index.html for app routes, 404s missing assets', async () => {
    const index = await fetch(`${stack.url}/`);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('物业客服台');
    const js = await fetch(`${stack.url}/js/app.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await js.text()).toBe('console.log(1)');
    const route = await fetch(`${stack.url}/pages/staff/inbox?tab=1`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('物业客服台');
    expect((await fetch(`${stack.url}/js/missing.js`)).status).toBe(404);
  });

  test('no path escapes the static directory', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${stack.url}/%2e%2e/%2e%2e/%2e%2e/etc/passwd`, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve(body.includes('root:') ? -1 : res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).not.toBe(-1);
  });

  test('GET /_local/identities lists the demo identities for the H5 identity switcher', async () => {
    const res = await fetch(`${stack.url}/_local/identities`, { headers: { origin: 'http://localhost:10086' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:10086');
    expect(await res.json()).toEqual(IDENTITIES);
  });

  test('close() restores the environment and frees the port', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-host2-'));
    const other = await startStack({ dataDir: dir, handlers: {} });
    expect(process.env.CLOUDBASE_SERVICE_URL).toBe(other.serviceUrl);
    expect(await (await fetch(`${other.url}/_local/identities`)).json()).toEqual([]);
    await other.close();
    expect(process.env.CLOUDBASE_SERVICE_URL).toBe(stack.serviceUrl);
    await expect(fetch(`${other.url}/_local/stats`)).rejects.toThrow();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
