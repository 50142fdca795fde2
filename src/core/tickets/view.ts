import { CARD_ACTION_NAMES, findCardType } from '../catalog/cards';
import { pushFailureLine } from '../notify/push-failures';
import { ownerPhoneFor } from '../privacy/phone-access';
import { findCategory } from '../catalog/categories';
import { findComplaintCategory } from '../catalog/complaints';
import type { TicketSummary, TicketView } from '../contract/views';
import { isBreached, isRunning } from '../sla/clocks';
import type { Policy } from '../sla/policy';
import type { Actor } from './actor';
import { eventLabel } from './events';
import { CARD_HANDLER_NAMES, HANDLER_NAMES, KIND_NAMES } from './kinds';
import type { ClockName, Ticket } from './model';
import { CLOCK_LABELS } from './clock-labels';
import { HAND_ON_OWNER_NOTE, HAND_ON_RULES } from './hand-on';
import { ownerPromise, ownerSeesHandler } from './promise';
import { FINAL_STATES, stateLabel } from './states';
import { isParty, urgeAvailableAt } from './transition';
import { CLOCK_RULES, WORKFLOWS } from './workflow';
import type { RoutingPolicy } from '../routing/rules';

export { CLOCK_LABELS };

/** Where a card request's identity check is the first clock, staff read it so. */
const clockLabel = (t: Ticket, clock: ClockName): string =>
  t.kind === 'card' && clock === 'dispatch' ? '核验时限' : t.kind === 'complaint' && clock === 'dispatch' ? '转交时限' : CLOCK_LABELS[clock];

/** What the owner calls the person handling it (an IC card's: of the stage it is in, or was in). */
const handlerTitleOf = (kind: Ticket['kind'], stage: 'verify' | 'issue' | undefined): string =>
  kind === 'card' ? CARD_HANDLER_NAMES[stage ?? 'verify'] : HANDLER_NAMES[kind];

/**
 * An IC card's stage at each entry of its trail: the desk's until the identity check (the accept
 * that sent it back to 待派单), engineering's after it. Undefined for other kinds.
 */
const stagesOf = (t: Ticket): ('verify' | 'issue' | undefined)[] => {
  if (t.kind !== 'card') return t.history.map(() => undefined);
  const check = t.history.findIndex((h) => h.event === 'accept' && h.to === 'submitted');
  return t.history.map((_, i) => (check >= 0 && i > check ? 'issue' : 'verify'));
};

export const placeOf = (t: Pick<Ticket, 'area' | 'unit'>): string =>
  t.area === 'public' ? `公共区域·${t.unit.building}` : `${t.unit.building}${t.unit.unit}${t.unit.room}`;

/** Events the actor may cause on this ticket now, straight from the transition table. */
export const allowedEvents = (t: Ticket, actor: Actor, routing: RoutingPolicy): string[] => {
  const rules = { ...(FINAL_STATES.includes(t.state) ? {} : { ...CLOCK_RULES, ...HAND_ON_RULES }), ...WORKFLOWS[t.kind].transitions[t.state] };
  const events = Object.entries(rules)
    .filter(([, rule]) => rule && (!rule.when || rule.when(t)) && rule.by.some((party) => isParty(party, actor, t, routing)))
    .map(([event]) => event);
  // A task waiting for someone may be taken by whoever could be given it (dispatched to them first).
  if (t.state === 'submitted' && isParty('teammate', actor, t, routing)) events.push('accept');
  // The supervisor gives a waiting task to a named person (改派 from the pool: a dispatch).
  if (t.state === 'submitted' && isParty('supervisor', actor, t, routing)) events.push('reassign');
  return events;
};

const currentDue = (t: Ticket): number | null => {
  const running = Object.values(t.clocks).filter(isRunning);
  return running.length ? Math.min(...running.map((c) => c.dueAt)) : null;
};

/** The running clock that runs out first, for a staff list's live countdown; null when none runs. */
const currentClock = (t: Ticket): TicketSummary['clock'] => {
  const running = (Object.entries(t.clocks) as [ClockName, NonNullable<Ticket['clocks'][ClockName]>][])
    .filter(([, c]) => isRunning(c))
    .sort((a, b) => a[1].dueAt - b[1].dueAt);
  if (running.length === 0) return null;
  const [name, c] = running[0];
  return { label: clockLabel(t, name), dueAt: c.dueAt, spanMs: Math.max(0, c.dueAt - c.startedAt - (c.pausedMs ?? 0)), pausedAt: c.pausedAt ?? null };
};

/** Staff notes (工作备注) are the staff's: the owner's timeline leaves them out. */
const STAFF_ONLY_EVENTS: readonly string[] = ['note'];

const excerpt = (text: string, max: number): string => {
  const chars = Array.from(text); // characters, not UTF-16 units: never split an emoji
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
};

/** The category line of a list row: 水电 / 投诉·环境卫生 / 停车卡·挂失, with its icon. */
const categoryOf = (t: Ticket): { name: string; icon: string } => {
  if (t.kind === 'complaint') {
    const c = findComplaintCategory(t.category);
    return { name: c?.name ?? '投诉', icon: c?.icon ?? '💬' };
  }
  if (t.kind === 'card') {
    const c = findCardType(t.category);
    return { name: `${c?.name ?? 'IC卡'}${t.card ? `·${CARD_ACTION_NAMES[t.card.action]}` : ''}`, icon: c?.icon ?? '🔑' };
  }
  const c = findCategory(t.category);
  return { name: c?.name ?? t.category, icon: c?.icon ?? '🛠' };
};

/** A list row. Deadlines are for staff: an owner's row carries none. */
export const toSummary = (t: Ticket, forStaff: boolean): TicketSummary => {
  const category = categoryOf(t);
  const showHandler = forStaff || ownerSeesHandler(t);
  return {
    id: t._id,
    no: t.no,
    kind: t.kind,
    kindName: KIND_NAMES[t.kind],
    state: t.state,
    stateLabel: stateLabel(t.kind, t.state, t.card?.stage),
    categoryName: category.name,
    categoryIcon: category.icon,
    place: placeOf(t),
    description: excerpt(t.description, 60),
    urgent: t.urgent,
    assigneeName: showHandler ? (t.assignee?.name ?? null) : null,
    help: forStaff && t.help ? { reason: t.help.reason, told: t.help.told, since: t.help.since } : null,
    dueAt: forStaff ? currentDue(t) : null,
    clock: forStaff ? currentClock(t) : null,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
};

const cardView = (t: Ticket): TicketView['card'] =>
  t.card
    ? {
        type: t.card.type,
        typeName: findCardType(t.card.type)?.name ?? 'IC卡',
        action: t.card.action,
        actionName: CARD_ACTION_NAMES[t.card.action],
        cardNo: t.card.cardNo,
        custody: t.card.custody,
        feeFen: t.card.feeFen,
        lossTicket: t.card.lossTicket,
        stage: t.card.stage ?? 'verify',
        verifiedBy: t.card.verifiedBy ? { name: t.card.verifiedBy.name, at: t.card.verifiedBy.at } : null,
      }
    : null;

/**
 * The ticket as the viewer may see it. Owners see their own contact, the handler's name and
 * phone, the whole timeline and the next promise in plain words; clocks are shown to staff.
 */
export const toTicketView = (t: Ticket, viewer: Actor, now: number, policy: Policy): TicketView => {
  const isStaff = viewer.kind === 'staff';
  const actions = allowedEvents(t, viewer, policy.routing);
  const showHandler = isStaff || ownerSeesHandler(t);
  const stages = stagesOf(t);
  return {
    ...toSummary(t, isStaff),
    description: t.description,
    version: t.version,
    unitId: t.unit.id,
    category: t.category,
    area: t.area,
    photos: t.photos,
    resultPhotos: t.resultPhotos ?? [],
    appointment: t.appointment,
    rescheduled: t.rescheduled ? { previous: t.rescheduled.previous, reason: t.rescheduled.reason, at: t.rescheduled.at } : null,
    // Masked for staff other than the handler and the front desk (core/privacy).
    owner: { name: t.owner.name, phone: ownerPhoneFor(viewer, t) },
    assignee: t.assignee && showHandler ? { name: t.assignee.name, phone: t.assignee.phone } : null,
    quote: t.quote
      ? { items: t.quote.items, totalFen: t.quote.totalFen, note: t.quote.note, decision: t.quote.decision }
      : null,
    rating: t.rating
      ? {
          handling: t.rating.handling,
          staff: t.rating.staff,
          comment: t.rating.comment,
          at: t.rating.at,
          by: t.rating.by ?? 'owner',
          recordedByName: t.rating.recordedBy?.name ?? null,
        }
      : null,
    referral: t.referral,
    cancelReason: t.cancelReason,
    complaint: t.complaint
      ? { aboutStaff: t.complaint.aboutStaff, replyBy: t.complaint.replyBy, linkedTicket: t.complaint.linkedTicket }
      : null,
    card: cardView(t),
    handlerTitle: handlerTitleOf(t.kind, t.card?.stage),
    promise: isStaff ? null : ownerPromise(t, now, policy),
    urgeAvailableAt: actions.includes('urge') ? Math.max(0, urgeAvailableAt(t, policy)) : null,
    deadlines: isStaff
      ? (Object.entries(t.clocks) as [ClockName, NonNullable<Ticket['clocks'][ClockName]>][]).map(([clock, c]) => ({
          clock,
          label: clockLabel(t, clock),
          dueAt: c.dueAt,
          stoppedAt: c.stoppedAt ?? null,
          breached: isBreached(c, now),
          pausedAt: c.stoppedAt === undefined ? (c.pausedAt ?? null) : null,
          pauseReason: c.stoppedAt === undefined && c.pausedAt !== undefined ? (c.pauseReason ?? null) : null,
        }))
      : [],
    publicSize: t.kind === 'repair' && t.area === 'public' ? (t.publicSize ?? null) : null,
    deferral: t.deferral ? { reason: t.deferral.reason, expectedAt: t.deferral.expectedAt } : null,
    timeline: t.history
      .map((h, i) => ({
        at: h.at,
        actorName: h.actor.name,
        actorKind: h.actor.kind,
        event: h.event,
        eventLabel: eventLabel(t.kind, h.event, stages[i]),
        from: h.from,
        to: h.to,
        // "派给 王师傅" names the handler: the owner reads that once the task is accepted, and never
        // the routing's reasons after it (load, reachability: the desk's business).
        note:
          // 改派/转派: the owner reads that the handler changed, not whose load or whose mistake.
          (h.event === 'reassign' || h.event === 'transfer') && !isStaff
            ? HAND_ON_OWNER_NOTE
            : h.event === 'dispatch' && !isStaff
            ? showHandler
              ? h.note.replace(/（.*）$/, '')
              : `已转交${handlerTitleOf(t.kind, stages[i])}`
            : h.note,
        ...(isStaff && h.photos?.length ? { photos: h.photos } : {}),
      }))
      .filter((e) => isStaff || !STAFF_ONLY_EVENTS.includes(e.event)),
    channel: t.channel ?? 'wechat',
    registeredByName: t.registeredBy?.name ?? null,
    callbackAttempts: isStaff ? (t.callbackAttempts ?? []).map((a) => ({ at: a.at, note: a.note, byName: a.by.name })) : [],
    actions,
    // Which messages did not reach someone is the desk's business, never the owner's.
    ...(isStaff
      ? {
          pushFailures: (t.pushFailures ?? [])
            .map((f) => ({ at: f.at, reason: f.reason, errcode: f.errcode, text: pushFailureLine(f) }))
            .reverse(),
        }
      : {}),
  };
};
