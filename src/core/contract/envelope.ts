import * as z from 'zod/mini';
import { ERROR_MESSAGES, type ErrorCode } from '../errors';
import { ACTIONS, type ActionName, type ParsedInput } from './actions';

/** What every function answers. */
export type Reply<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };

export const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string = ERROR_MESSAGES[code]): Reply<never> => ({ ok: false, code, message });

const requestSchema = z.object({
  action: z.string({ error: '缺少操作名称' }),
  input: z.optional(z.unknown()),
});

/**
 * Reads an event: the action must belong to the function, the input must satisfy the action's
 * schema. Unknown keys (such as the platform's `userInfo`, or a forged `openid`) are dropped.
 */
export const parseRequest = <A extends ActionName>(
  event: unknown,
  allowed: readonly A[],
): { ok: true; action: A; input: ParsedInput<A> } | { ok: false; reply: Reply<never> } => {
  const envelope = requestSchema.safeParse(event);
  if (!envelope.success) return { ok: false, reply: fail('INPUT.INVALID', '请求格式不正确') };
  const action = envelope.data.action as A;
  if (!allowed.includes(action)) return { ok: false, reply: fail('ACTION.UNKNOWN') };
  const parsed = ACTIONS[action].input.safeParse(envelope.data.input ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const message = first && !first.message.startsWith('Invalid') && !/^[A-Za-z]/.test(first.message) ? first.message : ERROR_MESSAGES['INPUT.INVALID'];
    return { ok: false, reply: fail('INPUT.INVALID', message) };
  }
  return { ok: true, action, input: parsed.data as ParsedInput<A> };
};
