import type { ErrorCode } from '../errors';
import { planMessage, type MessagePlan } from '../notify/plan';
import { isCounting, isRunning, nextDueAt, pauseClock, publicRepairDue, resumeClock, startClock, stopClock } from '../sla/clocks';
import type { Policy } from '../sla/policy';
import { formatLocal } from '../sla/time';
import { actorRef, TEAM_NAMES, type Actor } from './actor';
import { CLOCK_LABELS } from './clock-labels';
import { applyHandOn, HAND_ON_RULES, handOnNote, handOnNotices, handOnRefusal } from './hand-on';
import { attemptNotices, callbackNote, ratingSource, withAttempt } from './callbacks';
import type { TicketEvent } from './events';
import type { AuditEntry, ClockName, OutboxMessage, Ticket } from './model';
import { FINAL_STATES, type TicketState } from './states';
import { CLOCK_RULES, TAKEN_WHEN_MISSING, WORKFLOWS, type Notification, type Party, type TransitionRule } from './workflow';
import { MINUTE } from '../sla/policy';
import { needOf, type RoutingPolicy } from '../routing/rules';

export interface TransitionContext {
  actor: Actor;
  now: number;
  policy: Policy;
}

export interface TransitionEffects {
  audit: AuditEntry;
  clocks: { started: ClockName[]; stopped: ClockName[] };
  /** Messages put in the ticket's outbox by this step. */
  messages: OutboxMessage[];
  /** Messages not queued because the owner granted no credit for them (shown in-app only). */
  unsubscribed: MessagePlan[];
}

export type TransitionResult =
  | { ok: true; ticket: Ticket; effects: TransitionEffects }
  | { ok: false; code: ErrorCode };

const DESK_ROLES = new Set(['front_desk', 'housekeeper', 'supervisor', 'manager']);

/**
 * Who may take an unaccepted task: whoever the routing rules would give it to (a technician of
 * the trade, the zone's housekeeper, the front desk …), and the team's lead, who may take any of
 * the team's work waiting for someone.
 */
const isTeammate = (actor: Extract<Actor, { kind: 'staff' }>, t: Ticket, routing: RoutingPolicy): boolean => {
  // Who declined it does not take it back behind the next person's back.
  if (t.declinedBy?.includes(actor.staffId)) return false;
  const need = needOf(routing, t);
  if (actor.team !== need.team) return false;
  if (actor.role === 'team_lead') return true;
  return (
    need.roles.includes(actor.role) &&
    (need.trade === null || actor.trades.includes(need.trade)) &&
    (!need.zoneRequired || actor.zones.includes(need.zone))
  );
};

export const isParty = (party: Party, actor: Actor, t: Ticket, routing: RoutingPolicy): boolean => {
  switch (party) {
    case 'system':
      return actor.kind === 'system';
    case 'owner':
      return actor.kind === 'owner' && actor.openid === t.owner.openid;
    case 'assignee':
      return actor.kind === 'staff' && actor.staffId === t.assignee?.staffId;
    case 'teammate':
      return actor.kind === 'staff' && isTeammate(actor, t, routing);
    case 'supervisor':
      return actor.kind === 'staff' && (actor.role === 'supervisor' || actor.role === 'manager');
    case 'desk':
      // A housekeeper follows up the tickets of their own zone only.
      return actor.kind === 'staff' && DESK_ROLES.has(actor.role) && (actor.role !== 'housekeeper' || actor.zones.includes(t.unit.zone));
  }
};

/** Who a reminder or an escalation step tells. */
const clockNotices = (e: TicketEvent): Notification[] => {
  if (e.type === 'remind') return [{ template: 'sla_reminder', to: 'assignee' }];
  if (e.type === 'escalate') return e.to.map((staff): Notification => ({ template: 'sla_escalation', to: 'staff', staff }));
  if (e.type === 'seek_help') return e.to.map((staff): Notification => ({ template: 'dispatch_help', to: 'staff', staff }));
  return [];
};

/** When the owner may urge (催办) again: once per the policy's interval. */
export const urgeAvailableAt = (t: Pick<Ticket, 'lastUrgedAt'>, policy: Policy): number =>
  t.lastUrgedAt === null ? 0 : t.lastUrgedAt + policy.owner.urgeIntervalMinutes * MINUTE;

const canUrgeAt = (t: Ticket, now: number, policy: Policy): boolean => now >= urgeAvailableAt(t, policy);

/** Checks an event's own data, so a bad value can never reach a saved ticket. */
const invalidEvent = (e: TicketEvent): boolean => {
  const score = (n: number) => !Number.isInteger(n) || n < 1 || n > 5;
  if (e.type === 'rate') return score(e.handling) || score(e.staff);
  if (e.type === 'defer') return !e.reason.trim() || !Number.isFinite(e.expectedAt);
  if (e.type === 'progress') return !e.note.trim();
  if (e.type === 'callback_attempt') return !e.note.trim();
  if (e.type === 'note') return !e.text.trim();
  if (e.type === 'reschedule')
    return !e.reason.trim() || !e.ownerAgreed || !Number.isFinite(e.appointment.start) || !(e.appointment.end > e.appointment.start);
  if (e.type === 'decline') return !e.reason.trim();
  if (e.type === 'quote')
    return e.items.length === 0 || e.items.some((i) => !Number.isInteger(i.priceFen) || i.priceFen < 0 || !(i.quantity > 0));
  return false;
};

/**
 * What returning a ticket (返单) needs, by kind: a repair its result photos (shown to the owner),
 * a complaint its result in words (处理结果); an IC card nothing more.
 */
const finishRefusal = (t: Ticket, e: TicketEvent): ErrorCode | null => {
  if (e.type !== 'finish') return null;
  if (t.kind === 'repair' && (e.photos?.length ?? 0) === 0) return 'TICKET.RESULT_PHOTO_REQUIRED';
  if (t.kind === 'complaint' && !e.note.trim()) return 'TICKET.RESULT_REQUIRED';
  return null;
};

/**
 * A reminder or escalation step applies once: to a counting clock, in order. A second sweep that
 * read the ticket before the first one saved finds the step taken (and the version moved).
 */
const clockStepApplies = (t: Ticket, e: TicketEvent): boolean => {
  if (e.type !== 'remind' && e.type !== 'escalate') return true;
  const clock = t.clocks[e.clock];
  if (!isCounting(clock)) return false;
  if (e.type === 'remind') return clock.remindedAt === undefined && (clock.escalations ?? 0) === 0;
  return (clock.escalations ?? 0) === e.step;
};

/** The rule for an event in the ticket's state: the kind's table, then the clock rules. */
export const ruleFor = (t: Ticket, type: TicketEvent['type']): TransitionRule | undefined =>
  WORKFLOWS[t.kind].transitions[t.state][type] ?? (FINAL_STATES.includes(t.state) ? undefined : (CLOCK_RULES[type] ?? HAND_ON_RULES[type]));

/** Applies `change` to the handler's running clocks; the callback is the desk's and is left alone. */
const withClocks = (t: Ticket, change: (c: NonNullable<Ticket['clocks'][ClockName]>) => NonNullable<Ticket['clocks'][ClockName]>): Ticket => {
  const clocks = { ...t.clocks };
  for (const [name, clock] of Object.entries(clocks) as [ClockName, NonNullable<Ticket['clocks'][ClockName]>][]) {
    if (name !== 'callback' && clock.stoppedAt === undefined) clocks[name] = change(clock);
  }
  return { ...t, clocks };
};


/** The event's own changes to the ticket's data (besides state, clocks, audit and messages). */
const applyData = (t: Ticket, e: TicketEvent, actor: Actor, now: number, to: TicketState, policy: Policy): Ticket => {
  switch (e.type) {
    case 'dispatch':
      return { ...t, assignee: e.assignee, help: null };
    case 'decline': {
      // The dispatch clock runs on from the request; the on-site clock was this person's. An IC
      // card past its identity check runs on on its card clock: the check stays done.
      const { stoppedAt: _stopped, ...dispatchClock } = t.clocks.dispatch ?? { startedAt: now, dueAt: now };
      const clocks = t.card?.stage === 'issue' ? { ...t.clocks } : { ...t.clocks, dispatch: dispatchClock };
      delete clocks.onSite;
      return { ...t, assignee: null, clocks, declinedBy: [...(t.declinedBy ?? []), ...(t.assignee ? [t.assignee.staffId] : [])] };
    }
    case 'accept':
      // An IC card's identity check (the desk's accept, back to 待派单): the card work is
      // engineering's now, by the routing rules for the next stage; who checked is kept.
      if (t.card && to === 'submitted') {
        const card = { ...t.card, stage: 'issue' as const, verifiedBy: actor.kind === 'staff' ? { staffId: actor.staffId, name: actor.name, at: now } : null };
        return { ...t, card, team: needOf(policy.routing, { ...t, card }).team, assignee: null, help: null };
      }
      // A teammate taking an unaccepted task becomes its assignee.
      return actor.kind === 'staff' && actor.staffId !== t.assignee?.staffId
        ? { ...t, help: null, assignee: { staffId: actor.staffId, openid: actor.openid, name: actor.name, phone: actor.phone, role: actor.role } }
        : { ...t, help: null };
    case 'quote': {
      const totalFen = e.items.reduce((sum, i) => sum + Math.round(i.priceFen * i.quantity), 0);
      return { ...t, quote: { items: e.items, totalFen, note: e.note, at: now, decision: null, decidedAt: null } };
    }
    case 'confirm_quote':
      return t.quote ? { ...withClocks(t, (c) => resumeClock(c, now)), quote: { ...t.quote, decision: 'accepted', decidedAt: now } } : t;
    case 'decline_quote':
      return {
        ...t,
        cancelReason: e.reason || '不同意报价',
        quote: t.quote ? { ...t.quote, decision: 'declined', decidedAt: now } : null,
      };
    case 'rate':
      return {
        ...t,
        rating: { handling: e.handling, staff: e.staff, comment: e.comment, at: now, ...ratingSource(actor) },
        reopenCount: t.reopenCount + (to === 'reopened' ? 1 : 0),
      };
    case 'callback_attempt':
      return withAttempt(t, e, actor, now);
    case 'cancel':
      return { ...t, cancelReason: e.reason };
    case 'refer':
      return { ...t, referral: { contact: e.contact, note: e.note } };
    case 'finish':
      return e.photos ? { ...t, resultPhotos: [...e.photos] } : t;
    case 'reschedule': {
      // The on-site clock now runs to the new slot, with its reminder and escalation anew.
      const moved: Ticket = { ...t, appointment: e.appointment, rescheduled: { previous: t.appointment, reason: e.reason, at: now } };
      const onSite = isRunning(t.clocks.onSite) ? startClock('onSite', moved, now, policy) : null;
      return onSite ? { ...moved, clocks: { ...t.clocks, onSite } } : moved;
    }
    case 'reassign':
    case 'transfer':
      return applyHandOn(t, e, actor, now, policy);
    case 'urge':
      return { ...t, lastUrgedAt: now };
    case 'seek_help':
      return { ...t, help: { reason: e.reason, rung: e.rung, told: e.to.map((p) => p.name), since: t.help?.since ?? now } };
    case 'remind':
      return { ...t, clocks: { ...t.clocks, [e.clock]: { ...t.clocks[e.clock]!, remindedAt: now } } };
    case 'escalate':
      return { ...t, lateSince: t.lateSince ?? now, clocks: { ...t.clocks, [e.clock]: { ...t.clocks[e.clock]!, escalations: e.step + 1 } } };
    case 'pause':
      return withClocks(t, (c) => pauseClock(c, now, e.reason));
    case 'resume':
      return withClocks(t, (c) => resumeClock(c, now));
    case 'classify': {
      if (!t.clocks.repair) return { ...t, publicSize: e.size };
      // A new size is a new deadline: its reminder and escalation start over.
      const { remindedAt: _reminded, escalations: _escalations, ...repair } = t.clocks.repair;
      const dueAt = publicRepairDue(e.size, repair.startedAt, policy) + (repair.pausedMs ?? 0);
      return { ...t, publicSize: e.size, clocks: { ...t.clocks, repair: { ...repair, dueAt } } };
    }
    case 'defer':
      return {
        ...t,
        deferral: { reason: e.reason, expectedAt: e.expectedAt, at: now },
        clocks: t.clocks.report ? { ...t.clocks, report: stopClock(t.clocks.report, now) } : t.clocks,
      };
    case 'progress': {
      const progress = startClock('progress', t, now, policy);
      return progress ? { ...t, clocks: { ...t.clocks, progress } } : t;
    }
    case 'subtask':
      return { ...t, subtasks: [...(t.subtasks ?? []), e.subtask] };
    default:
      return t;
  }
};

const auditNote = (e: TicketEvent, policy: Policy): string => {
  switch (e.type) {
    case 'dispatch':
      return `派给 ${e.assignee.name}${e.why?.length ? `（${e.why.join('·')}）` : ''}`;
    case 'quote':
      return e.note;
    case 'decline_quote':
    case 'cancel':
    case 'decline':
      return e.reason;
    case 'finish':
      return e.note;
    case 'rate':
      return `处理结果满意度 ${e.handling} 星，服务态度满意度 ${e.staff} 星${e.comment ? `；“${e.comment}”` : ''}`;
    case 'refer':
      return `外部服务联系方式：${e.contact}${e.note ? `；${e.note}` : ''}`;
    case 'remind':
      return `${CLOCK_LABELS[e.clock]}即将到期，已提醒处理人员`;
    case 'escalate':
      return `${CLOCK_LABELS[e.clock]}已超时，已告知${e.to.map((p) => p.name).join('、') || '主管'}`;
    case 'seek_help':
      return `${e.reason}，已请${e.to.map((p) => p.name).join('、') || (e.rung === 'team_lead' ? '组长' : '主管')}协调`;
    case 'pause':
      return e.reason;
    case 'classify':
      return { small: '小修', medium: '中修', major: '大修' }[e.size];
    case 'defer':
      return `${e.reason}；预计 ${formatLocal(e.expectedAt, policy.utcOffsetMinutes, 'M月D日')} 修复`;
    case 'progress':
      return e.note;
    case 'reassign':
    case 'transfer':
      return handOnNote(e, policy);
    case 'subtask':
      // What the owner reads: which team helps, never the sub-task's own details (staff see those on the page).
      return `已安排${TEAM_NAMES[e.subtask.team]}协助处理`;
    case 'note':
      return e.text;
    case 'reschedule':
      return `改至 ${formatLocal(e.appointment.start, policy.utcOffsetMinutes, 'M月D日 HH:mm')}-${formatLocal(e.appointment.end, policy.utcOffsetMinutes, 'HH:mm')}（已与业主确认）；原因：${e.reason}`;
    default:
      return '';
  }
};

/**
 * Queues the messages of entering a state. Owner messages need a credit the owner granted for
 * this ticket (consumed here, in the same write as the state change); staff credits are checked
 * by the sender, which holds the staff ledger.
 */
export const queueMessages = (
  t: Ticket,
  notes: readonly Notification[],
  now: number,
  policy: Policy,
): { ticket: Ticket; messages: OutboxMessage[]; unsubscribed: MessagePlan[] } => {
  const messages: OutboxMessage[] = [];
  const unsubscribed: MessagePlan[] = [];
  const credits = { ...t.ownerCredits };
  for (const note of notes) {
    const plan = planMessage(note.template, note.to === 'staff' ? note.staff : note.to, t, now, policy);
    if (!plan) continue;
    if (plan.recipient === 'owner') {
      if (!credits[plan.template]) {
        unsubscribed.push(plan);
        continue;
      }
      credits[plan.template] = (credits[plan.template] ?? 0) - 1;
    }
    messages.push({
      ...plan,
      id: `${t._id}.${t.version}.${messages.length}`,
      attempts: 0,
      nextAttemptAt: now + policy.push.retrySeconds * 1000,
      lastError: null,
    });
  }
  return { ticket: { ...t, ownerCredits: credits, outbox: [...t.outbox, ...messages] }, messages, unsubscribed };
};

/** Applies entry effects of `to` and fills in version, audit, due time. Shared by create and step. */
export const enterState = (
  before: Ticket,
  changed: Ticket,
  from: TicketState | null,
  event: AuditEntry['event'],
  to: TicketState,
  stop: readonly ClockName[],
  note: string,
  { actor, now, policy }: TransitionContext,
  { stay = false, notify = [], photos = [] }: { stay?: boolean; notify?: readonly Notification[]; photos?: readonly string[] } = {},
): { ticket: Ticket; effects: TransitionEffects } => {
  const entry = stay ? {} : (WORKFLOWS[changed.kind].entries[to] ?? {});
  const clocks = { ...changed.clocks };
  const stopped: ClockName[] = [];
  const toStop = entry.stopAll ? (Object.keys(clocks) as ClockName[]) : stop;
  for (const name of toStop) {
    const clock = clocks[name];
    if (clock && clock.stoppedAt === undefined) {
      clocks[name] = stopClock(clock, now);
      stopped.push(name);
    }
  }
  const started = (entry.start ?? []).filter((name) => startClock(name, changed, now, policy) !== null);
  let t: Ticket = { ...changed, state: to, version: before.version + 1, updatedAt: now };
  for (const name of started) {
    const clock = startClock(name, t, now, policy);
    if (clock) clocks[name] = clock;
  }
  t = { ...t, clocks };
  if (entry.pause) t = withClocks(t, (c) => pauseClock(c, now, entry.pause!));
  const queued = queueMessages(t, [...notify, ...(entry.notify ?? [])], now, policy);
  const audit: AuditEntry = { at: now, actor: actorRef(actor), event, from, to, note, ...(photos.length ? { photos: [...photos] } : {}) };
  t = { ...queued.ticket, history: [...queued.ticket.history, audit] };
  t = { ...t, nextDueAt: nextDueAt(t, policy) };
  return { ticket: t, effects: { audit, clocks: { started, stopped }, messages: queued.messages, unsubscribed: queued.unsubscribed } };
};

/**
 * The one way a ticket changes. Pure: same inputs, same output; nothing is read or written.
 * An illegal event answers a typed error and the caller keeps its unchanged ticket.
 */
export const transition = (ticket: Ticket, event: TicketEvent, ctx: TransitionContext): TransitionResult => {
  const rule = ruleFor(ticket, event.type);
  // An owner who may no longer cancel is told why: the work has started.
  const ownerCancel = event.type === 'cancel' && isParty('owner', ctx.actor, ticket, ctx.policy.routing) && !FINAL_STATES.includes(ticket.state);
  if (ownerCancel && !rule?.by.includes('owner')) return { ok: false, code: 'TICKET.WORK_STARTED' };
  if (!rule) {
    const taken = TAKEN_WHEN_MISSING[event.type] && !FINAL_STATES.includes(ticket.state) && ticket.state !== 'submitted';
    return { ok: false, code: taken ? 'TICKET.ALREADY_TAKEN' : 'TICKET.ILLEGAL_TRANSITION' };
  }
  if (!rule.by.some((party) => isParty(party, ctx.actor, ticket, ctx.policy.routing))) return { ok: false, code: 'AUTH.FORBIDDEN' };
  if (invalidEvent(event)) return { ok: false, code: 'INPUT.INVALID' };
  const handOnBad = handOnRefusal(ticket, event);
  if (handOnBad) return { ok: false, code: handOnBad };
  // A new appointment is in the future (the handler says so first, in words; this is the guard).
  if (event.type === 'reschedule' && event.appointment.start <= ctx.now) return { ok: false, code: 'INPUT.INVALID' };
  const refusal = finishRefusal(ticket, event);
  if (refusal) return { ok: false, code: refusal };
  if ((rule.when && !rule.when(ticket)) || !clockStepApplies(ticket, event)) return { ok: false, code: 'TICKET.ILLEGAL_TRANSITION' };
  if (event.type === 'urge' && !canUrgeAt(ticket, ctx.now, ctx.policy)) return { ok: false, code: 'TICKET.URGE_TOO_SOON' };
  const to = rule.to === undefined ? ticket.state : typeof rule.to === 'function' ? rule.to(ticket, event, ctx.policy) : rule.to;
  const changed = applyData(ticket, event, ctx.actor, ctx.now, to, ctx.policy);
  // Only on the way into 返修 (a step that stays there, e.g. 改派 or 催办, is not a rating).
  const reopenNote = to === 'reopened' && ticket.state !== 'reopened' && ticket.assignee ? `；未达满意，已退回${ticket.assignee.name}继续处理` : '';
  const note = callbackNote(ticket, event, ctx.actor, ctx.policy, auditNote(event, ctx.policy)) ?? auditNote(event, ctx.policy);
  const result = enterState(ticket, changed, ticket.state, event.type, to, rule.stop ?? [], note + reopenNote, ctx, {
    stay: rule.to === undefined || rule.skipEntry === true,
    notify: [...(rule.notify ?? []), ...clockNotices(event), ...handOnNotices(event), ...attemptNotices(ticket, event, ctx.policy)],
    photos: event.type === 'note' ? event.photos : [],
  });
  return { ok: true, ...result };
};
