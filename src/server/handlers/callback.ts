import type { Handlers } from '../function';
import { stepTicket } from '../usecases/step-ticket';
import { asView } from './view';

export const callbackHandlers: Handlers<'callback.rate'> = {
  'callback.rate': (input, call) =>
    stepTicket(call.deps, call.policy, call.openid, input.ticketId, [
      { event: { type: 'rate', handling: input.handling, staff: input.staff, comment: input.comment } },
    ]).then(asView(call)),
};
