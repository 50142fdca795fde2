// Serves each cloud function at POST /functions/<name> on the local stack, so the H5 build can
// call functions over plain HTTP. The caller identity comes from the LOCAL-ONLY x-dev-openid
// header and reaches the handler exactly as in production: inside an SCF-shaped context that
// `tcb.getCloudbaseContext(context).WX_OPENID` reads. Nothing here may be bundled into a
// deployed function.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FunctionNotFoundError, FunctionTimeoutError, type FunctionInvoker } from './emulator/function-invoker';
import { answerPreflight, applyCors, BodyTooLargeError, pathOf, readBody, sendJson } from './emulator/http';
import { BadDevOpenidError, buildScfContext, devOpenidOf, type ScfContext } from './emulator/scf-context';
import { functionTimeoutMs } from '../server/triggers';

export type FunctionHandler = ((event: unknown, context: ScfContext) => Promise<unknown>) & {
  /** Runs on a function instance that cuts the call at its limit itself (function-instances.ts). */
  cutsItself?: boolean;
};
export type FunctionHandlers = Record<string, FunctionHandler>;

export const FUNCTIONS_PREFIX = '/functions/';

export interface FunctionHostOptions {
  /** Where handler failures are reported (default console.error); the client sees only a code. */
  onError?: (name: string, err: unknown) => void;
  /** Each function's time limit (default: the deployed one, cloudbaserc.json's timeout). */
  timeLimitMs?: (name: string) => number;
}

export interface FunctionHost {
  /**
   * Serves /functions/<name>. For other paths calls `next` when given, else answers 404.
   */
  (req: IncomingMessage, res: ServerResponse, next?: () => void): void;
  /** Runs a handler directly; rejects with FunctionNotFoundError for unknown names. */
  invoke: FunctionInvoker;
}

const NOT_FOUND = { ok: false, code: 'FUNCTION.NOT_FOUND', message: '功能不存在' } as const;
const SYSTEM_ERROR = { ok: false, code: 'SYSTEM.ERROR', message: '系统繁忙，请稍后再试' } as const;
const BAD_REQUEST = { ok: false, code: 'REQUEST.INVALID', message: '请求格式错误' } as const;
/** SCF's status for a call cut at its time limit. */
export const TIMED_OUT_STATUS = 433;

/**
 * The call's answer, or a FunctionTimeoutError once the context's time limit has passed, as SCF
 * cuts it. A handler on the host's own thread cannot be stopped and runs on unanswered; one on a
 * function instance (function-instances.ts) is stopped by the instance's own cut at the same limit.
 */
async function withinTimeLimit(name: string, work: Promise<unknown>, limitMs: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const cut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FunctionTimeoutError(name, limitMs)), limitMs);
  });
  try {
    return await Promise.race([work, cut]);
  } finally {
    clearTimeout(timer);
  }
}

function handlerOf(handlers: FunctionHandlers, name: string): FunctionHandler | undefined {
  // Own properties only: '/functions/constructor' must not reach Object.prototype.
  return Object.prototype.hasOwnProperty.call(handlers, name) ? handlers[name] : undefined;
}

function parseEvent(body: Buffer): unknown {
  const text = body.toString('utf8').trim();
  return text === '' ? {} : JSON.parse(text);
}

export function createFunctionHost(handlers: FunctionHandlers, options: FunctionHostOptions = {}): FunctionHost {
  const onError = options.onError ?? ((name, err) => console.error(`[function host] ${name} failed:`, err));
  const timeLimitMs = options.timeLimitMs ?? functionTimeoutMs;

  // Both entry points (HTTP and the emulator's invokeFunction) report handler failures here, so
  // the developer sees the stack trace while the caller only gets a code.
  async function run(name: string, handler: FunctionHandler, event: unknown, context: ScfContext): Promise<unknown> {
    try {
      const work = handler(event, context);
      return await (handler.cutsItself ? work : withinTimeLimit(name, work, context.time_limit_in_ms));
    } catch (err) {
      onError(name, err);
      throw err;
    }
  }

  const invoke: FunctionInvoker = async (name, event, context) => {
    const handler = handlerOf(handlers, name);
    if (!handler) throw new FunctionNotFoundError(name);
    return run(name, handler, event, { ...context, time_limit_in_ms: timeLimitMs(name) });
  };

  async function serve(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    applyCors(req, res);
    if (req.method === 'OPTIONS') return answerPreflight(req, res);
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST, OPTIONS');
      return sendJson(res, 405, { ok: false, code: 'REQUEST.METHOD_NOT_ALLOWED', message: '请求方式错误' });
    }
    const handler = handlerOf(handlers, name);
    if (!handler) return sendJson(res, 404, NOT_FOUND);
    let event: unknown;
    let openid: string;
    try {
      event = parseEvent(await readBody(req));
      openid = devOpenidOf(req.headers);
    } catch (err) {
      if (err instanceof BodyTooLargeError) return sendJson(res, 413, BAD_REQUEST);
      if (err instanceof SyntaxError || err instanceof BadDevOpenidError) return sendJson(res, 400, BAD_REQUEST);
      throw err;
    }
    let result: unknown;
    try {
      result = await run(name, handler, event, buildScfContext(name, openid, randomUUID(), timeLimitMs(name)));
    } catch (err) {
      if (err instanceof FunctionTimeoutError) return sendJson(res, TIMED_OUT_STATUS, { errorCode: -1, errorMessage: err.message, statusCode: TIMED_OUT_STATUS });
      return sendJson(res, 500, SYSTEM_ERROR);
    }
    sendJson(res, 200, result ?? null);
  }

  const host = (req: IncomingMessage, res: ServerResponse, next?: () => void): void => {
    const path = pathOf(req);
    if (!path.startsWith(FUNCTIONS_PREFIX)) {
      if (next) return next();
      return sendJson(res, 404, NOT_FOUND);
    }
    let name: string;
    try {
      name = decodeURIComponent(path.slice(FUNCTIONS_PREFIX.length));
    } catch {
      return sendJson(res, 400, BAD_REQUEST);
    }
    serve(req, res, name).catch((err) => {
      onError(name, err);
      if (!res.headersSent) sendJson(res, 500, SYSTEM_ERROR);
      else res.destroy();
    });
  };

  return Object.assign(host, { invoke });
}
