import type { Handlers } from '../function';
import { registerCard, registerComplaint, registerRepair } from '../usecases/desk-register';
import { asView } from './view';

type IntakeAction = 'desk.submitRepair' | 'desk.submitComplaint' | 'desk.submitCard';

/** Cloud function `intake`: the front desk's 代客登记; only desk roles get past the use case's first check. */
export const intakeHandlers: Handlers<IntakeAction> = {
  'desk.submitRepair': (input, call) => registerRepair(call.deps, call.policy, call.openid, input).then(asView(call)),
  'desk.submitComplaint': (input, call) => registerComplaint(call.deps, call.policy, call.openid, input).then(asView(call)),
  'desk.submitCard': (input, call) => registerCard(call.deps, call.policy, call.openid, input).then(asView(call)),
};
