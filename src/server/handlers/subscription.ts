import type { Handlers } from '../function';
import { grantCredits } from '../usecases/subscriptions';

export const subscriptionHandlers: Handlers<'subscription.grant'> = {
  'subscription.grant': (input, call) => grantCredits(call.deps, call.openid, input.accepted, input.ticketId),
};
