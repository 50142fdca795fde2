import type { Handlers } from '../function';
import { submitComplaint } from '../usecases/submit-complaint';
import { asView } from './view';

export const complaintHandlers: Handlers<'complaint.submit'> = {
  'complaint.submit': (input, call) => submitComplaint(call.deps, call.policy, call.openid, input).then(asView(call)),
};
