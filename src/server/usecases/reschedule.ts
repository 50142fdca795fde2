import { DomainError } from '../../core/errors';
import { DAY, type Policy } from '../../core/sla/policy';
import type { Deps } from '../ports';
import { stepTicket } from './step-ticket';

/** How far ahead an appointment may be moved: a month; anything later is a slip of the finger. */
export const RESCHEDULE_MAX_DAYS = 30;

export interface NewAppointment {
  appointment: { start: number; end: number };
  reason: string;
  /** The holder confirmed the owner agreed (the contract accepts only true). */
  ownerAgreed: true;
}

/** The new slot must lie ahead (and not absurdly far): said in words, before anything is read. */
const checkAhead = ({ start }: { start: number }, now: number): void => {
  if (start <= now) throw new DomainError('INPUT.INVALID', '新的上门时间应晚于现在，请重新选择');
  if (start > now + RESCHEDULE_MAX_DAYS * DAY) throw new DomainError('INPUT.INVALID', `新的上门时间不能超过${RESCHEDULE_MAX_DAYS}天后`);
};

/**
 * 改约: the holder moves the appointment with the owner's agreement. The on-site clock follows
 * the new slot and the owner is sent 改约通知 when they granted a credit for it (not asked at a
 * repair's submit: WeChat's three per tap are taken there), else they read it in their timeline.
 */
export const rescheduleVisit = async (deps: Deps, policy: Policy, openid: string, ticketId: string, input: NewAppointment) => {
  checkAhead(input.appointment, deps.now());
  return stepTicket(deps, policy, openid, ticketId, [
    { event: { type: 'reschedule', appointment: input.appointment, reason: input.reason, ownerAgreed: input.ownerAgreed } },
  ]);
};
