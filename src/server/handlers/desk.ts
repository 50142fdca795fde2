import type { Handlers } from '../function';
import { callbackQueue } from '../usecases/desk-callbacks';
import { dailyRegister } from '../usecases/desk-daily';
import { findByPhone, findByRoom } from '../usecases/desk-find';

type DeskAction = 'desk.findByRoom' | 'desk.findByPhone' | 'desk.callbacks' | 'desk.daily';

/**
 * Cloud function `desk`: the front desk's lists (找业主, 回访队列, 受理登记); 代客登记 is `intake`'s
 * (./intake.ts), 电话回访 `callback`'s (./callback.ts). Only desk roles get past each use case's
 * first check.
 */
export const deskHandlers: Handlers<DeskAction> = {
  'desk.findByRoom': (input, call) => findByRoom(call.deps, call.openid, input),
  'desk.findByPhone': (input, call) => findByPhone(call.deps, call.openid, input),
  'desk.callbacks': (_input, call) => callbackQueue(call.deps, call.policy, call.openid),
  'desk.daily': (input, call) => dailyRegister(call.deps, call.policy, call.openid, input),
};
