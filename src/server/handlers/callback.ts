import type { Handlers } from '../function';
import { recordCallbackAttempt, recordPhoneCallback } from '../usecases/desk-callbacks';
import { stepTicket } from '../usecases/step-ticket';
import { asView } from './view';

type CallbackAction = 'callback.rate' | 'desk.recordCallback' | 'desk.callbackAttempt';

/**
 * Cloud function `callback`: the rating of finished work, the owner's own and the front desk's
 * phone callback (电话回访, 未能联系上业主: only desk roles get past the use case's first check).
 */
export const callbackHandlers: Handlers<CallbackAction> = {
  'callback.rate': (input, call) =>
    stepTicket(call.deps, call.policy, call.openid, input.ticketId, [
      { event: { type: 'rate', handling: input.handling, staff: input.staff, comment: input.comment } },
    ]).then(asView(call)),
  'desk.recordCallback': (input, call) => recordPhoneCallback(call.deps, call.policy, call.openid, input).then(asView(call)),
  'desk.callbackAttempt': (input, call) => recordCallbackAttempt(call.deps, call.policy, call.openid, input).then(asView(call)),
};
