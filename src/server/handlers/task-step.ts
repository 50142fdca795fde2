import type { Call } from '../function';
import { routeIfWaiting } from '../usecases/reroute';
import { stepTicket } from '../usecases/step-ticket';
import { asView } from './view';

/** A task step (`task`, `taskmore`); one that leaves the ticket waiting for someone (待派单) is routed at once. */
export const step = async (ticketId: string, steps: Parameters<typeof stepTicket>[4], call: Call) =>
  asView(call)(await routeIfWaiting(call.deps, call.policy, await stepTicket(call.deps, call.policy, call.openid, ticketId, steps)));
