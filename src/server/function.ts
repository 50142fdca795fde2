import type { ActionName, ActionOutput, ActionsOf, ParsedInput } from '../core/contract/actions';
import { fail, ok, readRequest, type Reply } from '../core/contract/request';
import { isDomainError } from '../core/errors';
import type { Policy } from '../core/sla/policy';
import { openidFrom } from './cloudbase';
import { withCalendar } from './calendar-cache';
import { policyAtStart } from './env';
import type { Deps } from './ports';

export interface Call {
  /** From the platform's context, never from the event. */
  openid: string;
  deps: Deps;
  policy: Policy;
}

export type Handlers<A extends ActionName> = { [K in A]: (input: ParsedInput<K>, call: Call) => Promise<ActionOutput<K>> };

/**
 * A cloud function entry: parse the event with its actions (`TASK_ACTIONS`: only those schemas
 * are bundled, never the whole contract), take identity from the context, run the use case with
 * the ports the entry wired (`wire({ tickets, staff, … })`, src/server/deps.ts), answer
 * `{ ok, data }` or `{ ok: false, code, message }`. Created at the module's top level, it checks
 * the settings there: missing ones stop the function as it loads.
 */
export const createFunction = <A extends ActionName>(actions: ActionsOf<A>, handlers: Handlers<NoInfer<A>>, deps: () => Deps) => {
  const policy = policyAtStart();
  const table: Record<string, ActionsOf<A>[A]> = actions;
  return async (event: unknown, context: unknown): Promise<Reply<unknown>> => {
    const request = readRequest(event, table);
    if (!request.ok) return request.reply;
    const openid = openidFrom(context);
    if (!openid) return fail('AUTH.REQUIRED');
    try {
      const handler = handlers[request.action as A] as (input: unknown, call: Call) => Promise<unknown>;
      const callDeps = deps();
      const data = await handler(request.input, { openid, deps: callDeps, policy: await withCalendar(callDeps, policy) });
      // Outputs are checked too: a page never receives a shape the contract does not promise.
      return ok(table[request.action].output.parse(data));
    } catch (e) {
      if (isDomainError(e)) return fail(e.code, e.message);
      console.error(`[${request.action}]`, e);
      return fail('SYSTEM.ERROR');
    }
  };
};
