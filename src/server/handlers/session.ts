import type { Handlers } from '../function';
import { whoami } from '../usecases/session';

export const sessionHandlers: Handlers<'session.whoami'> = {
  'session.whoami': (_input, call) => whoami(call.deps, call.openid, call.policy),
};
