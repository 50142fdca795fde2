import type { Handlers } from '../function';
import { stepTicket } from '../usecases/step-ticket';
import { submitRepair } from '../usecases/submit-repair';
import { asView } from './view';

export const repairHandlers: Handlers<'repair.submit' | 'repair.confirmQuote'> = {
  'repair.submit': (input, call) => submitRepair(call.deps, call.policy, call.openid, input).then(asView(call)),
  'repair.confirmQuote': (input, call) =>
    stepTicket(call.deps, call.policy, call.openid, input.ticketId, [
      { event: input.accept ? { type: 'confirm_quote' } : { type: 'decline_quote', reason: input.reason } },
    ]).then(asView(call)),
};
