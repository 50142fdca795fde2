import type { Handlers } from '../function';
import { callbackQueue, recordCallbackAttempt, recordPhoneCallback } from '../usecases/desk-callbacks';
import { dailyRegister } from '../usecases/desk-daily';
import { findByPhone, findByRoom } from '../usecases/desk-find';
import { registerCard, registerComplaint, registerRepair } from '../usecases/desk-register';
import { asView } from './view';

type DeskAction =
  | 'desk.findByRoom'
  | 'desk.findByPhone'
  | 'desk.submitRepair'
  | 'desk.submitComplaint'
  | 'desk.submitCard'
  | 'desk.callbacks'
  | 'desk.recordCallback'
  | 'desk.callbackAttempt'
  | 'desk.daily';

/** The front desk's work (代客登记, 回访队列, 电话回访, 受理登记): only desk roles get past each use case's first check. */
export const deskHandlers: Handlers<DeskAction> = {
  'desk.findByRoom': (input, call) => findByRoom(call.deps, call.openid, input),
  'desk.findByPhone': (input, call) => findByPhone(call.deps, call.openid, input),
  'desk.submitRepair': (input, call) => registerRepair(call.deps, call.policy, call.openid, input).then(asView(call)),
  'desk.submitComplaint': (input, call) => registerComplaint(call.deps, call.policy, call.openid, input).then(asView(call)),
  'desk.submitCard': (input, call) => registerCard(call.deps, call.policy, call.openid, input).then(asView(call)),
  'desk.callbacks': (_input, call) => callbackQueue(call.deps, call.policy, call.openid),
  'desk.recordCallback': (input, call) => recordPhoneCallback(call.deps, call.policy, call.openid, input).then(asView(call)),
  'desk.callbackAttempt': (input, call) => recordCallbackAttempt(call.deps, call.policy, call.openid, input).then(asView(call)),
  'desk.daily': (input, call) => dailyRegister(call.deps, call.policy, call.openid, input),
};
