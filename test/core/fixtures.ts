/**
 * Small builders shared by the core tests: actors, a repair submission, a ticket factory built on
 * createRepairTicket, and a walker that brings a ticket into any state through real transitions.
 * Times are plain epoch-millisecond numbers (a fake clock): nothing here reads Date.now().
 */
import { createRepairTicket, type RepairSubmission } from '@/core/tickets/create';
import type { Actor } from '@/core/tickets/actor';
import type { TicketEvent } from '@/core/tickets/events';
import type { Assignee, Ticket } from '@/core/tickets/model';
import type { TicketState } from '@/core/tickets/states';
import { transition, type TransitionEffects } from '@/core/tickets/transition';
import { DEFAULT_POLICY, HOUR, MINUTE, type Policy } from '@/core/sla/policy';
import { OWNER_SUBMIT_TEMPLATES } from '@/core/notify/templates';
import type { StaffMember } from '@/core/routing/staff';

export { DEFAULT_POLICY, HOUR, MINUTE };
export type { Policy };

/** Business zone is UTC+8: a local wall-clock time in China as an instant. */
export const local = (y: number, month: number, d: number, h = 0, m = 0): number =>
  Date.UTC(y, month - 1, d, h, m) - 8 * HOUR;

/** Monday 2026-11-23 10:00 in China. */
export const T0 = local(2026, 11, 23, 10, 0);

export type StaffActor = Extract<Actor, { kind: 'staff' }>;
export type OwnerActor = Extract<Actor, { kind: 'owner' }>;

export const owner: OwnerActor = { kind: 'owner', openid: 'openid-owner-zhang', name: '张先生' };
export const otherOwner: OwnerActor = { kind: 'owner', openid: 'openid-owner-li', name: '李女士' };
export const system: Actor = { kind: 'system' };

export const staffActor = (over: Partial<StaffActor> = {}): StaffActor => ({
  kind: 'staff',
  openid: 'openid-tech-wang',
  staffId: 'staff-tech-wang',
  name: '王师傅',
  phone: '13800000001',
  role: 'technician',
  team: 'engineering',
  trades: ['plumbing_electric'],
  zones: ['A区', 'B区'],
  ...over,
});

/** The technician tickets are dispatched to (plumbing & electric, engineering). */
export const technician = staffActor();
/** Same team and trade as the technician, not the assignee. */
export const teammate = staffActor({ openid: 'openid-tech-zhao', staffId: 'staff-tech-zhao', name: '赵师傅', phone: '13800000002' });
/** An engineering technician of another trade (carpentry). */
export const carpenter = staffActor({
  openid: 'openid-tech-sun',
  staffId: 'staff-tech-sun',
  name: '孙师傅',
  phone: '13800000003',
  trades: ['carpentry'],
});
/** 客服前台: may dispatch, cancel, refer, request callbacks and record phone ratings. */
export const frontDesk = staffActor({
  openid: 'openid-desk-chen',
  staffId: 'staff-desk-chen',
  name: '陈前台',
  phone: '13800000004',
  role: 'front_desk',
  team: 'customer_service',
  trades: [],
});

export const assigneeOf = (s: StaffActor): Assignee => ({ staffId: s.staffId, openid: s.openid, name: s.name, phone: s.phone, role: s.role });

export const submission = (over: Partial<RepairSubmission> = {}): RepairSubmission => ({
  id: 'tkt_0001abcd',
  owner: { openid: owner.openid, name: owner.name, phone: '13900000000' },
  unit: { id: 'unit-3-2-1801', community: '阳光花园', building: '3栋', unit: '2单元', room: '1801', zone: 'north' },
  area: 'home',
  category: 'plumbing_electric',
  description: '厨房水龙头漏水',
  photos: [],
  appointment: null,
  urgent: false,
  grantedTemplates: OWNER_SUBMIT_TEMPLATES,
  ...over,
});

export const newTicket = (
  over: Partial<RepairSubmission> = {},
  now: number = T0,
  policy: Policy = DEFAULT_POLICY,
): Ticket => createRepairTicket(submission(over), { actor: owner, now, policy }).ticket;

/** A policy with some repair numbers replaced (policy is data). */
export const withRepair = (over: Partial<Policy['repair']>): Policy => ({
  ...DEFAULT_POLICY,
  repair: { ...DEFAULT_POLICY.repair, ...over },
});

/** One step that must succeed; throws with the error code otherwise so a test fails loudly. */
export const step = (
  ticket: Ticket,
  event: TicketEvent,
  actor: Actor,
  now: number,
  policy: Policy = DEFAULT_POLICY,
): { ticket: Ticket; effects: TransitionEffects } => {
  const r = transition(ticket, event, { actor, now, policy });
  if (!r.ok) throw new Error(`${event.type} by ${actor.kind} in ${ticket.state} failed: ${r.code}`);
  return { ticket: r.ticket, effects: r.effects };
};

/** A stored photo reference, as the technician's result photo. */
export const RESULT_PHOTO = 'local://photos/result0001.jpg';

export const ev = {
  dispatch: (to: StaffActor = technician): TicketEvent => ({ type: 'dispatch', assignee: assigneeOf(to) }),
  accept: (): TicketEvent => ({ type: 'accept' }),
  arrive: (): TicketEvent => ({ type: 'arrive' }),
  quote: (): TicketEvent => ({ type: 'quote', items: [{ name: '更换水龙头（不含材料）', priceFen: 3000, quantity: 1 }], note: '需更换阀芯' }),
  confirmQuote: (): TicketEvent => ({ type: 'confirm_quote' }),
  declineQuote: (reason = '价格太高'): TicketEvent => ({ type: 'decline_quote', reason }),
  start: (): TicketEvent => ({ type: 'start' }),
  /** A repair is returned with a photo of the result (required); complaints and cards need none. */
  finish: (note = '已更换阀芯', photos: string[] = [RESULT_PHOTO]): TicketEvent => ({ type: 'finish', note, photos }),
  requestCallback: (): TicketEvent => ({ type: 'request_callback' }),
  rate: (handling: number, staff: number, comment = ''): TicketEvent => ({ type: 'rate', handling, staff, comment }),
  cancel: (reason = '不需要了'): TicketEvent => ({ type: 'cancel', reason }),
  refer: (contact = '燃气公司 95158', note = ''): TicketEvent => ({ type: 'refer', contact, note }),
  note: (text = '业主家中无人，已电话联系', photos: string[] = []): TicketEvent => ({ type: 'note', text, photos }),
  /** 改约 to [start, end), agreed with the owner. */
  reschedule: (start: number, end: number, reason = '业主临时出差', ownerAgreed = true): TicketEvent => ({
    type: 'reschedule',
    appointment: { start, end },
    reason,
    ownerAgreed,
  }),
};

/** The path (events with their actors) that brings a new ticket into each state. */
const PATHS: Record<TicketState, [TicketEvent, Actor][]> = (() => {
  const toOnSite: [TicketEvent, Actor][] = [
    [ev.dispatch(), system],
    [ev.accept(), technician],
    [ev.arrive(), technician],
  ];
  const toReturned: [TicketEvent, Actor][] = [...toOnSite, [ev.start(), technician], [ev.finish(), technician]];
  return {
    submitted: [],
    dispatched: toOnSite.slice(0, 1),
    accepted: toOnSite.slice(0, 2),
    on_site: toOnSite,
    awaiting_confirmation: [...toOnSite, [ev.quote(), technician]],
    in_progress: [...toOnSite, [ev.start(), technician]],
    returned: toReturned,
    callback_pending: [...toReturned, [ev.requestCallback(), system]],
    closed: [...toReturned, [ev.requestCallback(), system], [ev.rate(5, 5), owner]],
    cancelled: [[ev.cancel(), owner]],
    referred: [...toOnSite.slice(0, 2), [ev.refer(), technician]],
    reopened: [...toReturned, [ev.requestCallback(), system], [ev.rate(1, 4, '还是漏水'), owner]],
  };
})();

/** A ticket brought into `state` through real transitions, one minute per step from T0. */
export const ticketIn = (state: TicketState, over: Partial<RepairSubmission> = {}): Ticket => {
  let t = newTicket(over);
  PATHS[state].forEach(([event, actor], i) => {
    t = step(t, event, actor, T0 + (i + 1) * MINUTE).ticket;
  });
  if (t.state !== state) throw new Error(`fixture path for ${state} ended in ${t.state}`);
  return t;
};

export const clone = <T>(value: T): T => structuredClone(value);

/** A staff record for routing tests: a plumber on a weekday day shift (08:00–18:00) unless told otherwise. */
export const staffMember = (_id: string, over: Partial<StaffMember> = {}): StaffMember => ({
  _id,
  openid: `openid-${_id}`,
  name: _id,
  phone: '13800000000',
  role: 'technician',
  team: 'engineering',
  trades: ['plumbing_electric'],
  zones: ['north'],
  shifts: [{ weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }],
  active: true,
  credits: { task_assigned: 3 },
  openTasks: 0,
  ...over,
});
