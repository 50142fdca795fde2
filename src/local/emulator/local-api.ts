// The emulator's own HTTP API under /_local: counters, recorded subscription messages and fault
// injection, for tests, benchmarks and the H5 views (which may run on another localhost port).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorError } from './errors';
import { applyCors, readBody, sendJson } from './http';
import type { Stats } from './stats';
import type { FaultSpec, WxApi } from './wx-api';

export const LOCAL_API_PREFIX = '/_local/';

async function readFault(req: IncomingMessage): Promise<FaultSpec> {
  const text = (await readBody(req, 64 * 1024)).toString('utf8');
  const body: unknown = JSON.parse(text);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Error('body must be a JSON object');
  return body as FaultSpec;
}

export async function serveLocalApi(req: IncomingMessage, res: ServerResponse, path: string, stats: Stats, wx: WxApi): Promise<void> {
  applyCors(req, res);
  const route = `${req.method ?? 'GET'} ${path}`;
  // ?from=N: the messages from the N-th on, so a reader that keeps its place reads each once.
  const from = Number(new URL(req.url ?? '/', 'http://local').searchParams.get('from') ?? 0);
  switch (route) {
    case 'GET /_local/stats':
      return sendJson(res, 200, stats.snapshot());
    case 'POST /_local/stats/reset':
      stats.reset();
      return sendJson(res, 200, { ok: true });
    case 'GET /_local/messages':
      return sendJson(res, 200, Number.isInteger(from) && from > 0 ? wx.messages().slice(from) : wx.messages());
    case 'DELETE /_local/messages':
      wx.clearMessages();
      return sendJson(res, 200, { ok: true });
    case 'GET /_local/faults':
      return sendJson(res, 200, wx.faultList());
    case 'DELETE /_local/faults':
      wx.clearFaults();
      return sendJson(res, 200, { ok: true });
    case 'POST /_local/faults': {
      let spec: FaultSpec;
      try {
        spec = await readFault(req);
        wx.injectFault(spec);
      } catch (err) {
        const message = err instanceof EmulatorError || err instanceof Error ? err.message : String(err);
        return sendJson(res, 400, { ok: false, code: 'INVALID_PARAM', message });
      }
      return sendJson(res, 201, { ok: true });
    }
    default:
      return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: `no local api ${route}` });
  }
}
