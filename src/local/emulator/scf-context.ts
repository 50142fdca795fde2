// The SCF-shaped `context` a cloud function receives. Handlers read the caller with the real
// `tcb.getCloudbaseContext(context).WX_OPENID`: node-sdk's parseContext() JSON-parses
// `context.environment`, and getCloudbaseContext() copies every key listed in WX_CONTEXT_KEYS
// from it (src/utils/tcbcontext.ts). WX_OPENID '' means "no caller identity".
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { functionTimeoutMs } from '../../server/triggers';

/** LOCAL ONLY: the header that carries the developer-chosen caller identity. */
export const DEV_OPENID_HEADER = 'x-dev-openid';
export const LOCAL_APPID = 'wx-local-dev';
export const LOCAL_ENV_ID = 'local-dev';

export interface ScfContext {
  request_id: string;
  function_name: string;
  function_version: string;
  namespace: string;
  memory_limit_in_mb: number;
  time_limit_in_ms: number;
  environment: string;
}

/**
 * `time_limit_in_ms` is the function's deployed limit (cloudbaserc.json's timeout), as SCF passes
 * it: code reckons the time it has left from it, and the function host cuts the call there.
 */
export function buildScfContext(functionName: string, openid: string, requestId: string = randomUUID(), timeLimitMs = functionTimeoutMs(functionName)): ScfContext {
  return {
    request_id: requestId,
    function_name: functionName,
    function_version: '$LATEST',
    namespace: LOCAL_ENV_ID,
    memory_limit_in_mb: 256,
    time_limit_in_ms: timeLimitMs,
    environment: JSON.stringify({
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
      WX_OPENID: openid,
      WX_APPID: LOCAL_APPID,
      WX_UNIONID: '',
    }),
  };
}

// Real openids are 28 url-safe base64 characters; anything else is a client bug worth reporting.
const OPENID_SHAPE = /^[A-Za-z0-9_-]{1,128}$/;

export class BadDevOpenidError extends Error {}

/** The dev identity of a request: '' when the header is absent, an error when it is malformed. */
export function devOpenidOf(headers: IncomingHttpHeaders): string {
  const raw = headers[DEV_OPENID_HEADER];
  if (raw === undefined) return '';
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === '') return '';
  if (!OPENID_SHAPE.test(value)) throw new BadDevOpenidError(`${DEV_OPENID_HEADER} must match ${OPENID_SHAPE}`);
  return value;
}
