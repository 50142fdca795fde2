import { findCategory } from '../catalog/categories';
import type { TicketSummary, TicketView } from '../contract/views';
import { isBreached, isRunning } from '../sla/clocks';
import type { Actor } from './actor';
import { EVENT_LABELS } from './events';
import type { ClockName, RepairTicket } from './model';
import { STATE_LABELS } from './states';
import { isParty } from './transition';
import { REPAIR_TRANSITIONS } from './workflow';

export const CLOCK_LABELS: Record<ClockName, string> = {
  dispatch: '派单时限',
  onSite: '到场时限',
  callback: '回访时限',
};

export const placeOf = (t: Pick<RepairTicket, 'area' | 'unit'>): string =>
  t.area === 'public' ? `公共区域·${t.unit.building}` : `${t.unit.building}${t.unit.unit}${t.unit.room}`;

/** Events the actor may cause on this ticket now, straight from the transition table. */
export const allowedEvents = (t: RepairTicket, actor: Actor): string[] =>
  Object.entries(REPAIR_TRANSITIONS[t.state])
    .filter(([, rule]) => rule && rule.by.some((party) => isParty(party, actor, t)))
    .map(([event]) => event);

const currentDue = (t: RepairTicket): number | null => {
  const running = Object.values(t.clocks).filter(isRunning);
  return running.length ? Math.min(...running.map((c) => c.dueAt)) : null;
};

const excerpt = (text: string, max: number): string => {
  const chars = Array.from(text); // characters, not UTF-16 units: never split an emoji
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
};

/** A list row. Deadlines are for staff: an owner's row carries none. */
export const toSummary = (t: RepairTicket, forStaff: boolean): TicketSummary => {
  const category = findCategory(t.category);
  return {
    id: t._id,
    no: t.no,
    state: t.state,
    stateLabel: STATE_LABELS[t.state],
    categoryName: category?.name ?? t.category,
    categoryIcon: category?.icon ?? '🛠',
    place: placeOf(t),
    description: excerpt(t.description, 60),
    urgent: t.urgent,
    assigneeName: t.assignee?.name ?? null,
    dueAt: forStaff ? currentDue(t) : null,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
};

/**
 * The ticket as the viewer may see it. Owners see their own contact, the technician's name and
 * phone, and the whole timeline; clocks are shown to staff only.
 */
export const toTicketView = (t: RepairTicket, viewer: Actor, now: number): TicketView => {
  const isStaff = viewer.kind === 'staff';
  return {
    ...toSummary(t, isStaff),
    description: t.description,
    version: t.version,
    category: t.category,
    area: t.area,
    photos: t.photos,
    appointment: t.appointment,
    owner: { name: t.owner.name, phone: t.owner.phone },
    assignee: t.assignee ? { name: t.assignee.name, phone: t.assignee.phone } : null,
    quote: t.quote
      ? { items: t.quote.items, totalFen: t.quote.totalFen, note: t.quote.note, decision: t.quote.decision }
      : null,
    rating: t.rating,
    referral: t.referral,
    cancelReason: t.cancelReason,
    deadlines: isStaff
      ? (Object.entries(t.clocks) as [ClockName, NonNullable<RepairTicket['clocks'][ClockName]>][]).map(([clock, c]) => ({
          clock,
          label: CLOCK_LABELS[clock],
          dueAt: c.dueAt,
          stoppedAt: c.stoppedAt ?? null,
          breached: isBreached(c, now),
        }))
      : [],
    timeline: t.history.map((h) => ({
      at: h.at,
      actorName: h.actor.name,
      actorKind: h.actor.kind,
      event: h.event,
      eventLabel: EVENT_LABELS[h.event],
      from: h.from,
      to: h.to,
      note: h.note,
    })),
    actions: allowedEvents(t, viewer),
  };
};
