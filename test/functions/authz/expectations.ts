/**
 * The matrix's expectations, by hand: for each action, the state the fixture puts things in, the
 * input, who may do it there, and what everyone else is answered. Written from the product's
 * rules (the workflow's parties, the desk's zone, who oversees), not read from the code.
 */
import type { ActionName } from '@/core/contract/actions';
import type { ErrorCode } from '@/core/errors';
import { LIN_UNIT, RESULT_PHOTO } from '../local-stack';
import type { Fixture, FixtureName } from './fixtures';
import { ALL_ROLES, type Role } from './people';

export interface Context {
  /** How the desk names 林先生 (found through desk.findByRoom in the set-up). */
  linResident: string;
  /** Today in China time, YYYY-MM-DD. */
  today: string;
  /** The month the report timer made a report for. */
  reportMonth: string;
  /** A room of 2栋 no one asked for yet (each binding request needs its own). */
  freshRoom: () => string;
}

export interface Spec {
  /** What the case is about, when an action has more than one. */
  name?: string;
  fixture: FixtureName;
  input: (f: Fixture, ctx: Context) => object;
  allowed: readonly Role[];
  /** What a role not allowed is answered. */
  refusal: (role: Role) => ErrorCode;
  /** It changes something when allowed: every allowed call gets a fixture of its own. */
  mutates: boolean;
  /** The allowed step is written into the ticket's history under the caller's name. */
  inHistory?: boolean;
  /**
   * A refusal is a conditional update that matched nothing (the owner check is part of the
   * update itself): a write is sent, nothing changes — the ticket's snapshot says so.
   */
  refusedByUpdate?: boolean;
}

/** Who may see 林先生's repair (1栋, A区, plumbing, with 王师傅). */
const SEES_REPAIR: readonly Role[] = ['lin', 'plumber', 'keeperA', 'desk', 'supervisor', 'manager'];
/** Who may see 林先生's complaint (customer service, A区, with 张管家). */
const SEES_COMPLAINT: readonly Role[] = ['lin', 'keeperA', 'desk', 'supervisor', 'manager'];
/** The desk of A区: front desk, A区's housekeeper, supervisor, manager. */
const DESK_A: readonly Role[] = ['keeperA', 'desk', 'supervisor', 'manager'];
const DESK_ALL: readonly Role[] = ['keeperA', 'keeperB', 'desk', 'supervisor', 'manager'];
const STAFF: readonly Role[] = ['plumber', 'carpenter', 'keeperA', 'keeperB', 'desk', 'supervisor', 'manager'];
const OVERSEERS: readonly Role[] = ['supervisor', 'manager'];
const RESIDENTS_OF_1201: readonly Role[] = ['lin', 'tenant'];

/** On a ticket: who may see it is told "not allowed", anyone else that it does not exist. */
const onTicket = (sees: readonly Role[]) => (role: Role): ErrorCode => (sees.includes(role) ? 'AUTH.FORBIDDEN' : 'TICKET.NOT_FOUND');
const always = (code: ErrorCode) => (): ErrorCode => code;
/** A request for 林先生's unit: another owner's unit is not theirs; staff and guests have no unit. */
const submitRefusal = (role: Role): ErrorCode => (role === 'huang' ? 'AUTH.UNIT_NOT_YOURS' : 'AUTH.NOT_BOUND');

const ticket = (f: Fixture) => ({ ticketId: f.ticketId });
let savedCalendars = 0;
const inDays = (days: number) => Date.now() + days * 24 * 3600_000;

/** A step on 林先生's repair by its handler (and, where given, the desk of A区). */
const repairStep = (fixture: FixtureName, input: (f: Fixture) => object, alsoDesk = false): Spec => ({
  fixture,
  input,
  allowed: alsoDesk ? ['plumber', ...DESK_A] : ['plumber'],
  refusal: onTicket(SEES_REPAIR),
  mutates: true,
  inHistory: true,
});

const complaintStep = (input: (f: Fixture) => object): Spec => ({
  fixture: 'complaintAccepted',
  input,
  allowed: ['keeperA'],
  refusal: onTicket(SEES_COMPLAINT),
  mutates: true,
  inHistory: true,
});

const deskOnly = (allowed: readonly Role[], input: (f: Fixture, ctx: Context) => object, mutates = false, fixture: FixtureName = 'none'): Spec => ({
  fixture,
  input,
  allowed,
  refusal: always('AUTH.FORBIDDEN'),
  mutates,
});

const everyone = (input: (f: Fixture, ctx: Context) => object = () => ({})): Spec => ({
  fixture: 'none',
  input,
  allowed: ALL_ROLES,
  refusal: always('AUTH.FORBIDDEN'),
  mutates: false,
});

export const EXPECTATIONS: Record<ActionName, Spec | Spec[]> = {
  'session.whoami': everyone(),

  'repair.submit': {
    fixture: 'none',
    input: () => ({ unitId: LIN_UNIT, category: 'plumbing_electric', description: '权限矩阵：卫生间漏水' }),
    allowed: RESIDENTS_OF_1201,
    refusal: submitRefusal,
    mutates: true,
  },
  'complaint.submit': {
    fixture: 'none',
    input: () => ({ unitId: LIN_UNIT, category: 'cleaning', description: '权限矩阵：楼道堆物', replyBy: inDays(1) }),
    allowed: RESIDENTS_OF_1201,
    refusal: submitRefusal,
    mutates: true,
  },
  'card.submit': {
    fixture: 'none',
    input: () => ({ unitId: LIN_UNIT, type: 'parking', action: 'open' }),
    allowed: RESIDENTS_OF_1201,
    refusal: submitRefusal,
    mutates: true,
  },
  'repair.confirmQuote': {
    fixture: 'repairQuoted',
    input: (f) => ({ ...ticket(f), accept: true }),
    allowed: ['lin'],
    refusal: onTicket(SEES_REPAIR),
    mutates: true,
    inHistory: true,
  },

  // Everyone has a list of their own requests: empty for staff and guests.
  'ticket.list': everyone(() => ({})),
  'ticket.get': { fixture: 'repairDispatched', input: ticket, allowed: SEES_REPAIR, refusal: always('TICKET.NOT_FOUND'), mutates: false },
  'ticket.cancel': {
    fixture: 'repairDispatched',
    input: (f) => ({ ...ticket(f), reason: '权限矩阵：不需要了' }),
    allowed: ['lin', ...DESK_A],
    refusal: onTicket(SEES_REPAIR),
    mutates: true,
    inHistory: true,
  },
  'ticket.urge': { fixture: 'repairDispatched', input: ticket, allowed: ['lin'], refusal: onTicket(SEES_REPAIR), mutates: true, inHistory: true },

  'task.list': [
    { name: 'todo', ...deskOnly(STAFF, () => ({ tab: 'todo' })), fixture: 'repairDispatched' },
    { name: 'done', ...deskOnly(STAFF, () => ({ tab: 'done' })), fixture: 'repairCallback' },
  ],
  'task.accept': repairStep('repairDispatched', ticket),
  'task.decline': repairStep('repairDispatched', (f) => ({ ...ticket(f), reason: '权限矩阵：手上有急修' })),
  'task.arrive': repairStep('repairAccepted', ticket),
  'task.start': repairStep('repairOnSite', ticket),
  'task.quote': repairStep('repairOnSite', (f) => ({ ...ticket(f), items: [{ name: '更换阀门', priceFen: 8000, quantity: 1 }] })),
  'task.finish': repairStep('repairInProgress', (f) => ({ ...ticket(f), note: '已修好', photos: [RESULT_PHOTO] })),
  'task.refer': repairStep('repairAccepted', (f) => ({ ...ticket(f), contact: '市政供水 96116' }), true),
  'task.note': repairStep('repairAccepted', (f) => ({ ...ticket(f), text: '权限矩阵：备注' }), true),
  'task.reschedule': repairStep('repairAccepted', (f) => ({
    ...ticket(f),
    appointment: { start: inDays(1), end: inDays(1) + 3600_000 },
    reason: '业主改时间',
    ownerAgreed: true,
  })),
  'task.pause': repairStep('repairAccepted', (f) => ({ ...ticket(f), reason: '业主不在家' }), true),
  'task.resume': repairStep('repairPaused', ticket, true),
  'task.classify': repairStep('publicAccepted', (f) => ({ ...ticket(f), size: 'medium' }), true),
  'task.defer': repairStep('publicAccepted', (f) => ({ ...ticket(f), reason: '等配件', expectedAt: inDays(7) })),
  'task.subtask': complaintStep((f) => ({ ...ticket(f), category: 'plumbing_electric', description: '权限矩阵：请工程部协办' })),
  'task.progress': complaintStep((f) => ({ ...ticket(f), note: '权限矩阵：已联系物业保洁' })),
  // 改派: the supervisor and the manager only; 转派: the holder only.
  'task.reassign': {
    ...repairStep('repairAccepted', (f) => ({ ...ticket(f), staffId: 's-lead-ma', reason: '调整', version: f.version })),
    allowed: OVERSEERS,
  },
  'task.transfer': repairStep('repairAccepted', (f) => ({ ...ticket(f), category: 'doors_windows', reason: '是门窗问题', version: f.version })),

  // The owner rates in the app; the desk of the zone may take a rating down (电话回访), never the handler.
  'callback.rate': {
    fixture: 'repairCallback',
    input: (f) => ({ ...ticket(f), handling: 5, staff: 5 }),
    allowed: ['lin', ...DESK_A],
    refusal: onTicket(SEES_REPAIR),
    mutates: true,
    inHistory: true,
  },

  'subscription.grant': [
    // An owner's credit goes on their own ticket: nobody else's ticket takes it.
    { name: 'on a ticket', fixture: 'repairDispatched', input: (f) => ({ accepted: ['order_accepted'], ticketId: f.ticketId }), allowed: ['lin'], refusal: always('TICKET.NOT_FOUND'), mutates: true, refusedByUpdate: true },
    { name: 'staff credits', ...deskOnly(STAFF, () => ({ accepted: ['task_assigned'] }), true) },
  ],

  'binding.layout': everyone(),
  'binding.mine': everyone(),
  // Anyone may ask to bind a unit (staff live in the community too): as themselves.
  'binding.request': {
    ...everyone((_f, ctx) => ({ communityId: 'c-tianli', building: '2栋', unit: '1单元', room: ctx.freshRoom(), name: '申请人', phone: '13700000009', relation: 'tenant' })),
    mutates: true,
  },
  'binding.cancel': { fixture: 'guestBinding', input: (f) => ({ bindingId: f.bindingId }), allowed: ['guest'], refusal: always('BINDING.NOT_FOUND'), mutates: true },
  // The guest's request is for 1栋 (A区): B区's housekeeper neither lists nor decides it.
  'binding.pending': deskOnly(DESK_ALL, () => ({}), false, 'guestBinding'),
  'binding.review': deskOnly(DESK_A, (f) => ({ bindingId: f.bindingId, approve: false, reason: '信息不符' }), true, 'guestBinding'),

  // The desk's tools: a housekeeper for their own zone only.
  'desk.findByRoom': deskOnly(DESK_A, () => ({ communityId: 'c-tianli', building: '1栋', unit: '1单元', room: '1201' })),
  // The tenant lives in A区 only: B区's housekeeper is answered, without her.
  'desk.findByPhone': deskOnly(DESK_ALL, () => ({ phone: '13800000003' })),
  'desk.submitRepair': deskOnly(DESK_A, (_f, ctx) => ({ unitId: LIN_UNIT, residentId: ctx.linResident, channel: 'phone', category: 'plumbing_electric', description: '权限矩阵：代客报修' }), true),
  'desk.submitComplaint': deskOnly(DESK_A, (_f, ctx) => ({ unitId: LIN_UNIT, residentId: ctx.linResident, channel: 'phone', category: 'noise', description: '权限矩阵：代客投诉', replyBy: inDays(1) }), true),
  'desk.submitCard': deskOnly(DESK_A, (_f, ctx) => ({ unitId: LIN_UNIT, residentId: ctx.linResident, channel: 'walk_in', type: 'parking', action: 'open' }), true),
  'desk.callbacks': deskOnly(DESK_ALL, () => ({}), false, 'repairCallback'),
  'desk.recordCallback': {
    fixture: 'repairCallback',
    input: (f) => ({ ...ticket(f), handling: 5, staff: 4, words: '挺好' }),
    allowed: DESK_A,
    refusal: (role) => (role === 'keeperB' ? 'TICKET.NOT_FOUND' : 'AUTH.FORBIDDEN'),
    mutates: true,
    inHistory: true,
  },
  'desk.callbackAttempt': {
    fixture: 'repairCallback',
    input: (f) => ({ ...ticket(f), note: '无人接听' }),
    allowed: DESK_A,
    refusal: (role) => (role === 'keeperB' ? 'TICKET.NOT_FOUND' : 'AUTH.FORBIDDEN'),
    mutates: true,
    inHistory: true,
  },
  'desk.daily': deskOnly(DESK_ALL, (_f, ctx) => ({ date: ctx.today }), false, 'repairDispatched'),

  'duty.board': deskOnly(OVERSEERS, () => ({})),
  // Who a task may go to: the supervisor (改派) or its holder (转派).
  'duty.candidates': { fixture: 'repairAccepted', input: ticket, allowed: ['plumber', ...OVERSEERS], refusal: onTicket(SEES_REPAIR), mutates: false },
  'duty.handovers': deskOnly(STAFF, () => ({}), false, 'repairDispatched'),
  'duty.toConfirm': deskOnly(STAFF, () => ({}), false, 'handover'),
  // Every post that works shifts writes handovers; the manager does not.
  'duty.writeHandover': deskOnly(['plumber', 'carpenter', 'keeperA', 'keeperB', 'desk', 'supervisor'], () => ({ notes: '权限矩阵：交接' }), true),
  // 何前台's handover: only another front desk confirms it.
  'duty.confirmHandover': deskOnly(['desk'], (f) => ({ handoverId: f.handoverId, version: f.handoverVersion }), true, 'handover'),

  'kpi.dashboard': deskOnly(OVERSEERS, () => ({})),
  'kpi.tickets': deskOnly(OVERSEERS, () => ({ drill: 'volume' })),
  'kpi.exportCsv': deskOnly(OVERSEERS, () => ({ what: 'tickets' })),
  'kpi.report': deskOnly(OVERSEERS, (_f, ctx) => ({ month: ctx.reportMonth })),
  'kpi.reportCsv': deskOnly(OVERSEERS, (_f, ctx) => ({ month: ctx.reportMonth })),
  // 节假日安排: the supervisor reads it, only the manager changes it (a year nobody kept yet: version 0).
  'admin.calendar': deskOnly(OVERSEERS, (_f, ctx) => ({ year: Number(ctx.today.slice(0, 4)) + 1 })),
  'admin.saveCalendar': deskOnly(
    ['manager'],
    (_f, ctx) => {
      // A mutating cell is called twice (plainly and with a forged identity): each call saves a
      // year nobody kept yet (two years ahead, then last year), so both can succeed on version 0.
      const year = Number(ctx.today.slice(0, 4)) + (savedCalendars++ % 2 === 0 ? 2 : -1);
      return { year, holidays: [{ date: `${year}-01-01`, name: '元旦' }], workdays: [], confirm: true, version: 0 };
    },
    true,
  ),
};
