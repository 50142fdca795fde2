// WeChat open API calls made through the SDK. Only the subscription message send is emulated:
// every send is recorded (the H5 views show them) and answered like WeChat answers, including
// its argument checks, so an over-long field fails locally just as it would in production.
// Failures such as 43101 (user has no remaining subscription credit) can be injected, and so can
// slowness (delayMs): a slow answer still delivers, as a real timeout with delivery does.
import { isPlainObject, type Plain } from './codec';
import { invalidParam } from './errors';

export interface WxResponse {
  errcode: number;
  errmsg: string;
  [key: string]: unknown;
}

export interface SubscribeMessageRecord {
  /** ISO timestamp of the send. */
  at: string;
  touser: string;
  templateId: string;
  page: string | undefined;
  data: Plain;
  miniprogramState: string | undefined;
  errcode: number;
  errmsg: string;
}

export interface FaultSpec {
  /** Match only sends to this openid (any when omitted). */
  touser?: string;
  /** Match only sends of this template (any when omitted). */
  templateId?: string;
  /** The error to answer; without it (delayMs only) the send succeeds, late. */
  errcode?: number;
  errmsg?: string;
  /** Answer only after this many milliseconds; the send is recorded when it arrives. */
  delayMs?: number;
  /** How many matching sends fail; unlimited until clearFaults() when omitted. */
  times?: number;
}

const SUBSCRIBE_SEND_APIS = new Set(['cgi-bin/message/subscribe/send', 'subscribeMessage.send']);

const ERRMSG: Record<number, string> = {
  0: 'ok',
  40003: 'invalid openid',
  40037: 'invalid template_id',
  41030: 'invalid page',
  43101: 'user refuse to accept the msg',
  47003: 'argument invalid!',
};

// Value limits by keyword type (the field name minus its number, e.g. thing1 -> thing).
const MAX_CHARS: Record<string, number> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  phone_number: 17,
  car_number: 8,
  name: 10,
  phrase: 5,
};

const MINIPROGRAM_STATES = new Set(['developer', 'trial', 'formal']);

function reply(errcode: number, detail?: string): WxResponse {
  const base = ERRMSG[errcode] ?? 'injected failure';
  return { errcode, errmsg: detail ? `${base} ${detail}` : base };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** WeChat's argument checks for subscribeMessage.send; returns the failing reply or undefined. */
function validateSend(req: Plain): WxResponse | undefined {
  if (!text(req.touser)) return reply(40003);
  if (!text(req.template_id ?? req.templateId)) return reply(40037);
  const state = req.miniprogram_state ?? req.miniprogramState;
  if (state !== undefined && !MINIPROGRAM_STATES.has(String(state))) return reply(47003, 'miniprogram_state invalid');
  if (!isPlainObject(req.data) || Object.keys(req.data).length === 0) return reply(47003, 'data is empty');
  for (const [key, entry] of Object.entries(req.data)) {
    if (!isPlainObject(entry) || (typeof entry.value !== 'string' && typeof entry.value !== 'number')) {
      return reply(47003, `data.${key}.value invalid`);
    }
    const kind = key.replace(/\d+$/, '');
    const limit = MAX_CHARS[kind];
    if (limit !== undefined && [...String(entry.value)].length > limit) {
      return reply(47003, `data.${key}.value exceeds ${limit} characters`);
    }
  }
  return undefined;
}

export class WxApi {
  private readonly records: SubscribeMessageRecord[] = [];
  private readonly faults: Array<FaultSpec & { remaining: number }> = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Handles one open API call; `apiName` as the SDK sends it, e.g. '/cgi-bin/message/subscribe/send'. */
  async call(apiName: string, requestData: unknown): Promise<WxResponse> {
    const name = apiName.replace(/^\/+/, '').split('?')[0];
    if (!SUBSCRIBE_SEND_APIS.has(name)) throw invalidParam(`wx api ${apiName} is not emulated locally`);
    if (!isPlainObject(requestData)) return reply(47003, 'request body is not a JSON object');
    const { answer, delayMs } = this.sendSubscribeMessage(requestData);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return answer;
  }

  messages(): SubscribeMessageRecord[] {
    return structuredClone(this.records);
  }

  clearMessages(): void {
    this.records.length = 0;
  }

  injectFault(spec: FaultSpec): void {
    if (spec.errcode !== undefined && (!Number.isInteger(spec.errcode) || spec.errcode === 0)) {
      throw invalidParam('errcode must be a non-zero integer');
    }
    if (spec.delayMs !== undefined && (!Number.isInteger(spec.delayMs) || spec.delayMs < 1)) {
      throw invalidParam('delayMs must be a positive integer');
    }
    if (spec.errcode === undefined && spec.delayMs === undefined) throw invalidParam('a fault needs an errcode or a delayMs');
    if (spec.times !== undefined && (!Number.isInteger(spec.times) || spec.times < 1)) {
      throw invalidParam('times must be a positive integer');
    }
    if (spec.touser !== undefined && typeof spec.touser !== 'string') throw invalidParam('touser must be a string');
    if (spec.templateId !== undefined && typeof spec.templateId !== 'string') throw invalidParam('templateId must be a string');
    this.faults.push({ ...spec, remaining: spec.times ?? Number.POSITIVE_INFINITY });
  }

  faultList(): FaultSpec[] {
    return this.faults.map(({ remaining, ...spec }) => ({ ...spec, ...(Number.isFinite(remaining) ? { times: remaining } : {}) }));
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Records the send as it arrives (a late answer does not undo a delivery) and says how to answer. */
  private sendSubscribeMessage(req: Plain): { answer: WxResponse; delayMs: number } {
    const touser = text(req.touser);
    const templateId = text(req.template_id ?? req.templateId);
    const invalid = validateSend(req);
    const fault = invalid ? undefined : this.takeFault(touser, templateId);
    const answer = invalid ?? fault?.answer ?? reply(0);
    this.records.push({
      at: new Date(this.now()).toISOString(),
      touser,
      templateId,
      page: typeof req.page === 'string' ? req.page : undefined,
      data: isPlainObject(req.data) ? structuredClone(req.data) : {},
      miniprogramState: text(req.miniprogram_state ?? req.miniprogramState) || undefined,
      errcode: answer.errcode,
      errmsg: answer.errmsg,
    });
    return { answer, delayMs: fault?.delayMs ?? 0 };
  }

  private takeFault(touser: string, templateId: string): { answer: WxResponse | undefined; delayMs: number } | undefined {
    const index = this.faults.findIndex(
      (f) => (f.touser === undefined || f.touser === touser) && (f.templateId === undefined || f.templateId === templateId),
    );
    if (index === -1) return undefined;
    const fault = this.faults[index];
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    const answer = fault.errcode === undefined ? undefined : { errcode: fault.errcode, errmsg: fault.errmsg ?? ERRMSG[fault.errcode] ?? 'injected failure' };
    return { answer, delayMs: fault.delayMs ?? 0 };
  }
}
