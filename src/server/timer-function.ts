import type { Reply } from '../core/contract/envelope';
import { ERROR_MESSAGES, type ErrorCode } from '../core/errors';
import type { Policy } from '../core/sla/policy';
import { openidFrom } from './cloudbase';
import { withCalendar } from './calendar-cache';
import { policyAtStart } from './env';
import type { Deps } from './ports';

/** What a CloudBase timer trigger passes as the event (`Type` is 'Timer'; some docs write 'timer'). */
export interface TimerEvent {
  Type: string;
  TriggerName: string;
  /** When the trigger fired, ISO 8601. */
  Time: string;
  /** The trigger's own message, '' when none was configured. */
  Message?: string;
}

export const isTimerEvent = (event: unknown): event is TimerEvent => {
  if (!event || typeof event !== 'object') return false;
  const e = event as Record<string, unknown>;
  return typeof e.Type === 'string' && e.Type.toLowerCase() === 'timer' && typeof e.TriggerName === 'string';
};

// Not the contract's ok()/fail(): those live beside its zod schemas, which a timer needs none of.
const fail = (code: ErrorCode, message: string = ERROR_MESSAGES[code]): Reply<never> => ({ ok: false, code, message });

export type TimerHandler<T> = (event: TimerEvent, call: { deps: Deps; policy: Policy }) => Promise<T>;

/**
 * A cloud function entry for a timer trigger. A timer call carries no user: a WeChat user's call
 * always has an openid in the platform context, and is refused (AUTH.FORBIDDEN) whatever its
 * event says, so no owner or staff member can run the job. Answers `{ ok, data }` like any function.
 * Like createFunction, it checks the settings when the module loads and runs with the ports its
 * entry wired.
 */
export const createTimerFunction = <T>(handler: TimerHandler<T>, deps: () => Deps) => {
  const policy = policyAtStart();
  return async (event: unknown, context: unknown): Promise<Reply<T>> => {
    if (openidFrom(context)) return fail('AUTH.FORBIDDEN');
    if (!isTimerEvent(event)) return fail('INPUT.INVALID', '该功能只由定时触发器调用');
    try {
      const callDeps = deps();
      return { ok: true, data: await handler(event, { deps: callDeps, policy: await withCalendar(callDeps, policy) }) };
    } catch (e) {
      console.error(`[timer ${event.TriggerName}]`, e);
      return fail('SYSTEM.ERROR');
    }
  };
};
