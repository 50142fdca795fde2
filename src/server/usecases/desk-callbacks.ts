import type { ParsedInput } from '../../core/contract/actions';
import type { CallbackItem } from '../../core/contract/desk-actions';
import { DomainError } from '../../core/errors';
import type { Policy } from '../../core/sla/policy';
import { attemptsThisRound, AWAITING_CALLBACK } from '../../core/tickets/callbacks';
import type { StaffRef, TicketEvent } from '../../core/tickets/events';
import type { Ticket } from '../../core/tickets/model';
import { toSummary } from '../../core/tickets/view';
import { ownerPhoneFor } from '../../core/privacy/phone-access';
import type { Actor } from '../../core/tickets/actor';
import type { Deps } from '../ports';
import { deskMember } from './desk-access';
import { recordListAccess } from './pii-access';
import { canView } from './resolve-actor';
import { stepTicket } from './step-ticket';

/** A day's returns is far below this; the queue is worked from the top. */
const QUEUE_LIMIT = 100;

const toItem = (t: Ticket, now: number, viewer: Actor): CallbackItem => {
  // Every ticket waiting for its callback has the clock (started on return); a missing one reads as due now.
  const clock = t.clocks.callback ?? { startedAt: t.updatedAt, dueAt: t.updatedAt };
  return {
    ticket: toSummary(t, true),
    ownerName: t.owner.name,
    ownerPhone: ownerPhoneFor(viewer, t),
    channel: t.channel ?? 'wechat',
    returnedAt: clock.startedAt,
    dueAt: clock.dueAt,
    capAt: clock.capAt ?? null,
    overdue: now > clock.dueAt,
    attempts: attemptsThisRound(t).map((a) => ({ at: a.at, note: a.note, byName: a.by.name })),
  };
};

/** 回访队列: every ticket waiting for its callback, the earliest due first (overdue ones on top). */
export const callbackQueue = async (deps: Deps, policy: Policy, openid: string) => {
  const viewer = await deskMember(deps, openid, '查看回访队列');
  const now = deps.now();
  // A housekeeper's queue is their zone's (canView).
  const tickets = (await deps.ticketQueries.listAwaitingCallback(QUEUE_LIMIT)).filter((t) => canView(viewer, t));
  await recordListAccess(deps, viewer, 'desk.callbacks', tickets);
  const items = tickets.map((t) => toItem(t, now, viewer)).sort((a, b) => a.dueAt - b.dueAt);
  return { items, tellSupervisorAtAttempt: policy.callback.tellSupervisorAtAttempt };
};

/**
 * A desk step on a ticket waiting for its callback: refused for anyone but the desk (before
 * anything is read), and for a ticket not waiting for one, with words that say so.
 */
const callbackStep = (deps: Deps, policy: Policy, openid: string, ticketId: string, event: TicketEvent) =>
  stepTicket(deps, policy, openid, ticketId, (current) => {
    if (!AWAITING_CALLBACK.includes(current.state)) throw new DomainError('DESK.NOT_AWAITING_CALLBACK');
    return [{ event }];
  });

/**
 * 电话回访: the owner's ratings and words as said, taken down by the desk. It closes or reopens
 * the ticket exactly as the owner's own rating would; the rating says it came by phone and who
 * recorded it.
 */
export const recordPhoneCallback = async (deps: Deps, policy: Policy, openid: string, input: ParsedInput<'desk.recordCallback'>) => {
  await deskMember(deps, openid, '记录电话回访');
  return callbackStep(deps, policy, openid, input.ticketId, { type: 'rate', handling: input.handling, staff: input.staff, comment: input.words });
};

/**
 * 未能联系上业主: the call is recorded with its time and what happened; the ticket keeps waiting.
 * The supervisors are read with the caller (in parallel): the workflow tells them when this call
 * is the policy's count of the round.
 */
export const recordCallbackAttempt = async (deps: Deps, policy: Policy, openid: string, input: ParsedInput<'desk.callbackAttempt'>) => {
  const [, supervisors] = await Promise.all([deskMember(deps, openid, '记录电话回访'), deps.staff.byRoles(['supervisor'])]);
  const refs = supervisors.map((m): StaffRef => ({ staffId: m._id, openid: m.openid, name: m.name, role: m.role }));
  return callbackStep(deps, policy, openid, input.ticketId, { type: 'callback_attempt', note: input.note, supervisors: refs });
};
