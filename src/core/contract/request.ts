import * as z from 'zod/mini';
import { ERROR_MESSAGES, type ErrorCode } from '../errors';

/** What every function answers. */
export type Reply<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };

export const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string = ERROR_MESSAGES[code]): Reply<never> => ({ ok: false, code, message });

/** Some actions' schemas by name: one function's table (`TASK_ACTIONS`), or a pick of the contract. */
export type ActionTable = Readonly<Record<string, { readonly input: z.ZodMiniType; readonly output: z.ZodMiniType }>>;

const requestSchema = z.object({
  action: z.string({ error: '缺少操作名称' }),
  input: z.optional(z.unknown()),
});

/**
 * Reads an event against the actions of `table` only: the action must be one of them, the input
 * must satisfy its schema. Unknown keys (such as the platform's `userInfo`, or a forged `openid`)
 * are dropped. Knows nothing of other functions' actions, so a function bundles only its own schemas.
 */
export const readRequest = <T extends ActionTable>(
  event: unknown,
  table: T,
): { ok: true; action: keyof T & string; input: unknown } | { ok: false; reply: Reply<never> } => {
  const envelope = requestSchema.safeParse(event);
  if (!envelope.success) return { ok: false, reply: fail('INPUT.INVALID', '请求格式不正确') };
  const action = envelope.data.action;
  // Own keys only: 'constructor' or '__proto__' is no action.
  if (!Object.prototype.hasOwnProperty.call(table, action)) return { ok: false, reply: fail('ACTION.UNKNOWN') };
  const parsed = table[action].input.safeParse(envelope.data.input ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const message = first && !first.message.startsWith('Invalid') && !/^[A-Za-z]/.test(first.message) ? first.message : ERROR_MESSAGES['INPUT.INVALID'];
    return { ok: false, reply: fail('INPUT.INVALID', message) };
  }
  return { ok: true, action, input: parsed.data };
};
