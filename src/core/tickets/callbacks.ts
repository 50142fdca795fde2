import type { Policy } from '../sla/policy';
import type { Actor } from './actor';
import type { TicketEvent } from './events';
import type { CallbackAttempt, Rating, Ticket } from './model';
import type { TicketState } from './states';
import type { Notification } from './workflow';

/** A ticket waiting for its callback (回访): returned by the handler, not yet rated. */
export const AWAITING_CALLBACK: readonly TicketState[] = ['returned', 'callback_pending'];

/**
 * Calls that did not reach the owner in the current callback round: since the callback clock
 * last started (a reopened ticket returned again starts a new round).
 */
export const attemptsThisRound = (t: Pick<Ticket, 'clocks' | 'callbackAttempts'>): CallbackAttempt[] => {
  const since = t.clocks.callback?.startedAt ?? 0;
  return (t.callbackAttempts ?? []).filter((a) => a.at >= since);
};

/** Whether one more unanswered call is the one the supervisor hears of (once per round). */
export const nextAttemptTellsSupervisor = (t: Pick<Ticket, 'clocks' | 'callbackAttempts'>, policy: Policy): boolean =>
  attemptsThisRound(t).length + 1 === policy.callback.tellSupervisorAtAttempt;

const staffOf = (actor: Actor): { staffId: string; name: string } | null =>
  actor.kind === 'staff' ? { staffId: actor.staffId, name: actor.name } : null;

/**
 * Who gave a rating: the owner in the app, or the owner on the phone, taken down by the desk
 * (电话回访). Kept apart so that only real callbacks are counted as callbacks.
 */
export const ratingSource = (actor: Actor): Pick<Rating, 'by' | 'recordedBy'> => {
  const staff = staffOf(actor);
  return staff ? { by: 'phone', recordedBy: staff } : { by: 'owner', recordedBy: null };
};

/** The ticket with one more unanswered call of the desk's. */
export const withAttempt = (t: Ticket, e: Extract<TicketEvent, { type: 'callback_attempt' }>, actor: Actor, now: number): Ticket => ({
  ...t,
  callbackAttempts: [...(t.callbackAttempts ?? []), { at: now, note: e.note.trim(), by: staffOf(actor) ?? { staffId: '', name: '系统' } }],
});

/** The supervisors an unanswered call tells: at the policy's count of the round, once. */
export const attemptNotices = (t: Ticket, e: TicketEvent, policy: Policy): Notification[] =>
  e.type === 'callback_attempt' && nextAttemptTellsSupervisor(t, policy)
    ? e.supervisors.map((staff): Notification => ({ template: 'sla_escalation', to: 'staff', staff }))
    : [];

/**
 * The audit note of a callback step by the desk, or null for any other step: "电话回访（陈前台）：…"
 * for a phone rating, "第2次未联系上业主：无人接听" for an unanswered call (`base`: the rating's own note).
 */
export const callbackNote = (t: Ticket, e: TicketEvent, actor: Actor, policy: Policy, base: string): string | null => {
  const staff = staffOf(actor);
  if (e.type === 'rate' && staff) return `电话回访（${staff.name}）：${base}`;
  if (e.type !== 'callback_attempt') return null;
  const n = attemptsThisRound(t).length + 1;
  const told = nextAttemptTellsSupervisor(t, policy) && e.supervisors.length ? `；已告知${e.supervisors.map((p) => p.name).join('、')}` : '';
  return `第${n}次未联系上业主：${e.note.trim()}${told}`;
};
