import { ACTIONS, type ActionName, type ParsedInput } from './actions';
import { readRequest, type Reply } from './request';

export { fail, ok, type ActionTable, type Reply } from './request';

/**
 * Reads an event against the whole contract, for the given actions (those of one function): the
 * action must be one of them, the input must satisfy the action's schema. Unknown keys (such as
 * the platform's `userInfo`, or a forged `openid`) are dropped. A cloud function reads its events
 * with `readRequest` and its own area's table instead (./request), so it bundles no other area.
 */
export const parseRequest = <A extends ActionName>(
  event: unknown,
  allowed: readonly A[],
): { ok: true; action: A; input: ParsedInput<A> } | { ok: false; reply: Reply<never> } => {
  const table = Object.fromEntries(allowed.map((a) => [a, ACTIONS[a]]));
  return readRequest(event, table) as { ok: true; action: A; input: ParsedInput<A> } | { ok: false; reply: Reply<never> };
};
