// POST /admin: the endpoint node-sdk talks to when `serviceUrl` is set. buildUrl() in
// src/utils/tcbapiendpoint.ts uses serviceUrl verbatim and appends `?env=<env>&seqId=<id>`; the
// body is JSON `{ action, ...params, envName, ... }`, except wx.openApi which is multipart.
// Answers are HTTP 200 with `{ requestId, ...result }`, or `{ code, message, requestId }` on
// failure, which the SDK throws as a TcbError with that code.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPlainObject, type Plain } from './codec';
import { collectionOf, type DatabaseAction } from './database-actions';
import { EmulatorError, invalidParam, toEmulatorError } from './errors';
import { invokeFunctionAction, type FunctionInvoker } from './function-invoker';
import { readBody, sendJson } from './http';
import type { DbFaults } from './db-faults';
import type { Stats } from './stats';
import type { StorageLinks } from './storage-links';
import type { WxApi, WxResponse } from './wx-api';
import type { Latency } from '../profile';

export const SDK_PATH = '/admin';

export interface SdkEndpointDeps {
  database: Record<string, DatabaseAction>;
  wx: WxApi;
  stats: Stats;
  invoker: FunctionInvoker | undefined;
  /** Settles when every write so far is on disk. */
  flushed: () => Promise<void>;
  /** Temporary photo URLs (storage.batchGetDownloadUrl). */
  storageLinks: StorageLinks;
  /** Database failures a test asked for. */
  dbFaults: DbFaults;
  /** What each request costs under the stack's profile (../profile.ts); none when absent. */
  latency?: Latency;
}

const wait = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : undefined);

/** WeChat's answer to a send the profile fails transiently (系统繁忙): retried by the sender. */
const TRANSIENT_WX_FAILURE: WxResponse = { errcode: -1, errmsg: 'system error' };

/** A WeChat call under the profile: its wait, and a transient failure instead of the call now and then. */
async function callWx(deps: SdkEndpointDeps, apiName: string, requestData: unknown): Promise<WxResponse> {
  const cost = deps.latency?.wechat();
  await wait(cost?.waitMs ?? 0);
  if (cost?.transientFailure) return TRANSIENT_WX_FAILURE;
  return deps.wx.call(apiName, requestData);
}

// wx.openApi's answer is read raw; the SDK parses it only when the content-type is exactly this
// (handleWxOpenApiData in tcbapirequester.ts). WeChat errors therefore arrive as an object with
// `errcode`, success as a Buffer, which is what wx-server-sdk expects as well.
const SDK_JSON = 'application/json; charset=utf-8';

async function parseForm(req: IncomingMessage, body: Buffer): Promise<Plain> {
  // undici (Node's fetch) parses multipart bodies, so no hand-written parser is needed.
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
  const fields: Array<[string, FormDataEntryValue]> = [];
  form.forEach((value, key) => fields.push([key, value]));
  const params: Plain = {};
  for (const [key, value] of fields) {
    params[key] = typeof value === 'string' ? value : Buffer.from(await value.arrayBuffer()).toString('utf8');
  }
  return params;
}

function parseRequestData(raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw invalidParam('requestData must be a string');
  try {
    return JSON.parse(raw);
  } catch {
    throw invalidParam('requestData must be JSON locally (protobuf payloads of wx-server-sdk are not emulated)');
  }
}

export async function serveSdkRequest(req: IncomingMessage, res: ServerResponse, deps: SdkEndpointDeps): Promise<void> {
  const requestId = randomUUID();
  const isMultipart = (req.headers['content-type'] ?? '').startsWith('multipart/form-data');
  let action = '';
  try {
    const body = await readBody(req);
    const params: unknown = isMultipart ? await parseForm(req, body) : JSON.parse(body.toString('utf8'));
    if (!isPlainObject(params) || typeof params.action !== 'string') throw invalidParam('missing action');
    action = params.action;
    deps.stats.record(action, collectionOf(params));

    if (action === 'wx.openApi') {
      const answer: WxResponse = await callWx(deps, String(params.apiName ?? ''), parseRequestData(params.requestData));
      const text = JSON.stringify(answer);
      res.writeHead(200, { 'content-type': answer.errcode === 0 ? 'application/octet-stream' : SDK_JSON });
      res.end(text);
      return;
    }
    let result: Record<string, unknown>;
    if (action.startsWith('database.')) {
      const handler = deps.database[action];
      if (!handler) throw new EmulatorError('INVALID_ACTION', `${action} is not supported by the local emulator`);
      await wait(deps.latency?.database() ?? 0);
      deps.dbFaults.take(collectionOf(params), action);
      result = await handler(params);
      const list = (result.data as { list?: unknown } | undefined)?.list;
      if (Array.isArray(list)) deps.stats.recordDocs(collectionOf(params), list.length);
      // Acknowledge only what a crash cannot take back (group commit: one fdatasync per batch).
      await deps.flushed();
    } else if (action === 'storage.batchGetDownloadUrl') {
      result = { data: { download_list: deps.storageLinks.batchGetDownloadUrl(params) } };
    } else if (action === 'functions.invokeFunction') {
      result = await invokeFunctionAction(deps.invoker, params, req.headers, requestId);
    } else if (action === 'wx.api') {
      // callWxOpenApi() returns { result: JSON.parse(data.responseData) }: WeChat's errcode
      // reaches the caller as result.errcode, not as a thrown error.
      const answer = await callWx(deps, String(params.apiName ?? ''), parseRequestData(params.requestData));
      result = { data: { responseData: JSON.stringify(answer) } };
    } else {
      throw new EmulatorError('INVALID_ACTION', `${action} is not supported by the local emulator`);
    }
    sendJson(res, 200, { ...result, requestId }, SDK_JSON);
  } catch (err) {
    const e = err instanceof SyntaxError ? invalidParam(`malformed request body: ${err.message}`) : toEmulatorError(err);
    if (e.code === 'SYS_ERR') console.error(`[local emulator] ${action || 'request'} failed:`, err);
    sendJson(res, 200, { code: e.code, message: e.message, requestId }, SDK_JSON);
  }
}
