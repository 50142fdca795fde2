import type { Handlers } from '../function';
import { submitCard } from '../usecases/submit-card';
import { asView } from './view';

export const cardHandlers: Handlers<'card.submit'> = {
  'card.submit': (input, call) => submitCard(call.deps, call.policy, call.openid, input).then(asView(call)),
};
