// `functions.invokeFunction`: the emulator hands the call to an injected invoker (the function
// host), so functions calling functions through the SDK reach the same handlers as HTTP clients.
import type { IncomingHttpHeaders } from 'node:http';
import { EmulatorError, invalidParam } from './errors';
import { BadDevOpenidError, buildScfContext, devOpenidOf, type ScfContext } from './scf-context';

export type FunctionInvoker = (name: string, event: unknown, context: ScfContext) => Promise<unknown>;

/**
 * A call cut at its function's time limit. SCF answers it with status 433 and
 * `{ errorCode: -1, errorMessage: 'Invoking task timed out after 3 seconds' }`; the mini-program's
 * callFunction fails with errCode -504003 and the same message.
 */
export class FunctionTimeoutError extends Error {
  constructor(
    readonly functionName: string,
    readonly limitMs: number,
  ) {
    super(`Invoking task timed out after ${limitMs / 1000} seconds`);
    this.name = 'FunctionTimeoutError';
  }
}

export class FunctionNotFoundError extends Error {
  constructor(readonly functionName: string) {
    super(`function ${functionName} does not exist`);
    this.name = 'FunctionNotFoundError';
  }
}

/**
 * Serves one invokeFunction request. The SDK sends `function_name` and `request_data` (the event
 * as a JSON string, '' when absent) and reads back `data.response_data`, a JSON string.
 * A caller identity travels as the x-dev-openid header, which a local caller sets through
 * `tcb.init({ headers: { 'x-dev-openid': openid } })`.
 */
export async function invokeFunctionAction(
  invoker: FunctionInvoker | undefined,
  params: Record<string, unknown>,
  headers: IncomingHttpHeaders,
  requestId: string,
): Promise<{ data: { response_data: string | undefined } }> {
  const name = params.function_name;
  if (typeof name !== 'string' || name === '') throw invalidParam('function_name is required');
  const raw = params.request_data;
  let event: unknown = {};
  if (typeof raw === 'string' && raw !== '') {
    try {
      event = JSON.parse(raw);
    } catch {
      throw invalidParam('request_data is not valid JSON');
    }
  }
  let openid: string;
  try {
    openid = devOpenidOf(headers);
  } catch (err) {
    if (err instanceof BadDevOpenidError) throw invalidParam(err.message);
    throw err;
  }
  if (!invoker) throw new EmulatorError('FUNCTION_NOT_FOUND', `function ${name} does not exist (no function host attached)`);
  let result: unknown;
  try {
    result = await invoker(name, event, buildScfContext(name, openid, requestId));
  } catch (err) {
    if (err instanceof FunctionNotFoundError) throw new EmulatorError('FUNCTION_NOT_FOUND', err.message);
    const message = err instanceof Error ? err.message : String(err);
    throw new EmulatorError('FUNCTIONS_EXECUTE_FAIL', `function ${name} failed: ${message}`);
  }
  return { data: { response_data: result === undefined ? undefined : JSON.stringify(result) } };
}
