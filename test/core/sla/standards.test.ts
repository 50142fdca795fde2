/**
 * One fake-clock scenario per service standard (docs/standards.md), walked through the pure
 * workflow: when the sweep is due to remind, when the clock breaches and who is told. Times are
 * China wall-clock instants (`local`); the sweep's view of a ticket is `nextClockAction`.
 */
import { nextClockAction } from '@/core/sla/clocks';
import { createCardTicket, createComplaintTicket } from '@/core/tickets/create';
import type { StaffRef, TicketEvent } from '@/core/tickets/events';
import type { ClockName, Ticket } from '@/core/tickets/model';
import { transition } from '@/core/tickets/transition';
import { toTicketView } from '@/core/tickets/view';
import { DEFAULT_POLICY, HOUR, MINUTE, ev, local, newTicket, owner, staffActor, step, system, technician } from '../fixtures';

const supervisor: StaffRef = { staffId: 's-super', openid: 'o-super', name: '周主任', role: 'supervisor' };
const manager: StaffRef = { staffId: 's-manager', openid: 'o-manager', name: '吴经理', role: 'manager' };
const keeper = staffActor({ openid: 'o-keeper', staffId: 's-keeper', name: '张管家', role: 'housekeeper', team: 'customer_service', trades: [], zones: ['north'] });
const desk = staffActor({ openid: 'o-desk', staffId: 's-desk', name: '陈前台', role: 'front_desk', team: 'customer_service', trades: [], zones: ['north'] });

/** What the sweep would do next for a clock: [action, when]. */
const sweepNext = (t: Ticket, clock: ClockName) => {
  const c = t.clocks[clock];
  const next = c && nextClockAction(c, DEFAULT_POLICY);
  return next ? [next.action, next.at] : null;
};
const escalate = (t: Ticket, clock: ClockName, stepNo: number, to: StaffRef[], at: number) =>
  step(t, { type: 'escalate', clock, step: stepNo, to }, system, at).ticket;
const remind = (t: Ticket, clock: ClockName, at: number) => step(t, { type: 'remind', clock }, system, at).ticket;

// Monday 2026-11-23, a plain working week.
const MON = (h: number, m = 0) => local(2026, 11, 23, h, m);

describe('repairs (003 #26, 002)', () => {
  it('dispatch within 2 minutes: reminder at 1:36, supervisor told at 2:00 when nobody dispatched it', () => {
    let t = newTicket({}, MON(10));
    expect(sweepNext(t, 'dispatch')).toEqual(['remind', MON(10) + 96_000]);
    t = remind(t, 'dispatch', MON(10) + 96_000);
    expect(sweepNext(t, 'dispatch')).toEqual(['escalate', MON(10, 2)]);
    t = escalate(t, 'dispatch', 0, [supervisor], MON(10, 2) + 1);
    expect(t.history.at(-1)?.note).toBe('派单时限已超时，已告知周主任');
  });

  it('public-area repairs are dispatched within 10 minutes', () => {
    const t = newTicket({ area: 'public', category: 'public_facility' }, MON(10));
    expect(t.clocks.dispatch?.dueAt).toBe(MON(10, 10));
  });

  it('on site within 15 minutes of dispatch; 急修 within 30; an appointment is its own deadline', () => {
    expect(step(newTicket({}, MON(10)), ev.dispatch(), system, MON(10, 1)).ticket.clocks.onSite?.dueAt).toBe(MON(10, 16));
    expect(step(newTicket({ urgent: true }, MON(10)), ev.dispatch(), system, MON(10, 1)).ticket.clocks.onSite?.dueAt).toBe(MON(10, 31));
    const appointment = { start: local(2026, 11, 24, 14), end: local(2026, 11, 24, 16) };
    expect(step(newTicket({ appointment }, MON(10)), ev.dispatch(), system, MON(10, 1)).ticket.clocks.onSite?.dueAt).toBe(appointment.end);
  });

  it('a paused arrival clock (业主不在家) is not counted and not swept; resumed, its deadline moves', () => {
    let t = step(newTicket({}, MON(10)), ev.dispatch(), system, MON(10, 1)).ticket;
    t = step(t, ev.accept(), technician, MON(10, 2)).ticket;
    t = step(t, { type: 'pause', reason: '业主不在家，约好11:00' }, technician, MON(10, 10)).ticket;
    expect(sweepNext(t, 'onSite')).toBeNull();
    expect(toTicketView(t, owner, MON(10, 30), DEFAULT_POLICY).promise).toBe('计时已暂停：业主不在家，约好11:00');
    t = step(t, { type: 'resume' }, technician, MON(11)).ticket;
    expect(t.clocks.onSite).toMatchObject({ dueAt: MON(11, 6), pausedMs: 50 * MINUTE });
    t = step(t, ev.arrive(), technician, MON(11, 5)).ticket;
    expect(toTicketView(t, desk, MON(11, 5), DEFAULT_POLICY).deadlines.find((d) => d.clock === 'onSite')).toMatchObject({ breached: false });
  });

  it('a free repair is returned by the end of the working day the technician is there', () => {
    let t = step(newTicket({}, MON(15)), ev.dispatch(), system, MON(15, 1)).ticket;
    t = step(step(t, ev.accept(), technician, MON(15, 2)).ticket, ev.arrive(), technician, MON(16)).ticket;
    expect(t.clocks.return?.dueAt).toBe(MON(17, 30));
    // Arriving after hours: by the next working day's closing.
    let late = step(newTicket({}, MON(19)), ev.dispatch(), system, MON(19, 1)).ticket;
    late = step(step(late, ev.accept(), technician, MON(19, 2)).ticket, ev.arrive(), technician, MON(19, 10)).ticket;
    expect(late.clocks.return?.dueAt).toBe(local(2026, 11, 24, 17, 30));
  });

  it('waiting for the owner to confirm a quote pauses the work clocks; confirming resumes them', () => {
    let t = step(newTicket({ area: 'public', category: 'public_facility' }, MON(10)), ev.dispatch(), system, MON(10, 1)).ticket;
    t = step(step(t, ev.accept(), technician, MON(10, 2)).ticket, ev.arrive(), technician, MON(10, 10)).ticket;
    t = step(t, ev.quote(), technician, MON(10, 20)).ticket;
    expect(t.clocks.repair).toMatchObject({ pausedAt: MON(10, 20), pauseReason: '等待业主确认报价' });
    t = step(t, ev.confirmQuote(), owner, MON(12, 20)).ticket;
    expect(t.clocks.repair).toMatchObject({ dueAt: MON(13, 2), pausedMs: 2 * HOUR });
  });

  it('callback within 8 hours of return, never past 24: supervisor at 8 h, manager at the cap', () => {
    let t = step(newTicket({}, MON(9)), ev.dispatch(), system, MON(9, 1)).ticket;
    for (const [e, at] of [[ev.accept(), MON(9, 2)], [ev.arrive(), MON(9, 10)], [ev.finish(), MON(10)]] as const) t = step(t, e, technician, at).ticket;
    expect(t.clocks.callback).toMatchObject({ dueAt: MON(18), capAt: local(2026, 11, 24, 10) });
    t = remind(t, 'callback', MON(16, 24));
    t = escalate(t, 'callback', 0, [supervisor], MON(18) + 1);
    expect(sweepNext(t, 'callback')).toEqual(['escalate', local(2026, 11, 24, 10)]);
    t = escalate(t, 'callback', 1, [manager], local(2026, 11, 24, 10));
    expect(sweepNext(t, 'callback')).toBeNull();
  });
});

describe('public-area repairs (003 #17, 000 4.7): 60 minutes / 3 / 15 / 30 working days', () => {
  const taken = (at: number) => {
    const t = step(newTicket({ area: 'public', category: 'public_facility' }, at), ev.dispatch(), system, at + MINUTE).ticket;
    return step(t, ev.accept(), technician, at + 2 * MINUTE).ticket;
  };

  it('small: done within 60 minutes of acceptance; the hard limit is 30 working days', () => {
    // Taken Mon 2026-06-01: 30 working days skip the 端午 holiday (Fri Jun 19) → Tue Jul 14.
    const t = taken(local(2026, 6, 1, 10));
    expect(t.publicSize).toBeNull();
    expect(t.clocks.repair).toMatchObject({ dueAt: local(2026, 6, 1, 11, 2), capAt: local(2026, 7, 14, 17, 30) });
  });

  it('medium across 国庆: 3 working days from Sep 30 end on the adjusted working Saturday Oct 10', () => {
    let t = taken(local(2026, 9, 30, 10));
    t = step(t, { type: 'classify', size: 'medium' }, technician, local(2026, 9, 30, 11)).ticket;
    expect(t.publicSize).toBe('medium');
    expect(t.clocks.repair?.dueAt).toBe(local(2026, 10, 10, 17, 30));
    expect(t.history.at(-1)).toMatchObject({ event: 'classify', note: '中修' });
  });

  it('major: 15 working days; a new size restarts the reminder and the escalation', () => {
    let t = taken(MON(10));
    t = remind(t, 'repair', MON(10, 50));
    t = step(t, { type: 'classify', size: 'major' }, technician, MON(11)).ticket;
    expect(t.clocks.repair?.dueAt).toBe(local(2026, 12, 14, 17, 30));
    expect(t.clocks.repair?.remindedAt).toBeUndefined();
  });

  it('what cannot be fixed yet is reported within 3 working days: the report stops that clock', () => {
    let t = taken(MON(10));
    expect(t.clocks.report?.dueAt).toBe(local(2026, 11, 26, 17, 30));
    t = step(t, { type: 'defer', reason: '需等厂家配件', expectedAt: local(2026, 12, 10) }, technician, local(2026, 11, 25, 9)).ticket;
    expect(t.clocks.report?.stoppedAt).toBe(local(2026, 11, 25, 9));
    expect(t.deferral).toEqual({ reason: '需等厂家配件', expectedAt: local(2026, 12, 10), at: local(2026, 11, 25, 9) });
    expect(t.history.at(-1)?.note).toBe('需等厂家配件；预计 12月10日 修复');
  });

  it('sizing and deferring are for public-area work only', () => {
    let home = step(newTicket({}, MON(10)), ev.dispatch(), system, MON(10, 1)).ticket;
    home = step(home, ev.accept(), technician, MON(10, 2)).ticket;
    expect(transition(home, { type: 'classify', size: 'major' }, { actor: technician, now: MON(11), policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
  });
});

describe('complaints (004 二, 003 #19, 000 4.5)', () => {
  const complaint = (at: number): Ticket =>
    createComplaintTicket(
      {
        id: 'tkt_c1',
        owner: { openid: owner.openid, name: owner.name, phone: '13900000000' },
        unit: { id: 'u1', community: 'c', building: '3栋', unit: '2单元', room: '1801', zone: 'north' },
        description: '楼上装修噪音',
        photos: [],
        grantedTemplates: [],
        category: 'noise',
        aboutStaff: null,
        aboutStaffId: null,
        replyBy: at + 24 * HOUR,
        linkedTicket: null,
      },
      { actor: owner, now: at, policy: DEFAULT_POLICY },
    ).ticket;

  it('passed to customer service within 5 minutes; the owner’s reply time is the deadline', () => {
    const t = complaint(MON(10));
    expect(t.clocks.dispatch?.dueAt).toBe(MON(10, 5));
    expect(t.clocks.reply?.dueAt).toBe(local(2026, 11, 24, 10));
  });

  it('a complaint that gets no 4-hour progress report is escalated; a report restarts the 4 hours', () => {
    let t = step(complaint(MON(9)), ev.dispatch(keeper), system, MON(9, 1)).ticket;
    t = step(t, ev.accept(), keeper, MON(9, 30)).ticket;
    expect(t.clocks.progress?.dueAt).toBe(MON(13, 30));
    const reported = step(t, { type: 'progress', note: '已约楼上业主明早沟通' } as TicketEvent, keeper, MON(12)).ticket;
    expect(reported.clocks.progress).toMatchObject({ startedAt: MON(12), dueAt: MON(16) });
    // Without a report: reminder, then the supervisor at 13:30.
    t = remind(t, 'progress', MON(12, 42));
    expect(sweepNext(t, 'progress')).toEqual(['escalate', MON(13, 30)]);
    t = escalate(t, 'progress', 0, [supervisor], MON(13, 31));
    expect(t.history.at(-1)?.note).toBe('进展汇报时限已超时，已告知周主任');
    // Handled: no more reports due.
    t = step(t, ev.finish('已协调停工'), keeper, MON(14)).ticket;
    expect(t.clocks.progress?.stoppedAt).toBe(MON(14));
  });

  it('callback the same day it is handled', () => {
    let t = step(complaint(MON(9)), ev.dispatch(keeper), system, MON(9, 1)).ticket;
    t = step(step(t, ev.accept(), keeper, MON(9, 30)).ticket, ev.finish('已处理'), keeper, MON(11)).ticket;
    expect(t.clocks.callback?.dueAt).toBe(local(2026, 11, 24, 0));
  });
});

describe('IC cards (003 #11): identity at the desk in 2 minutes, the card by engineering 8 minutes after', () => {
  it('both clocks, each swept on its own', () => {
    let t = createCardTicket(
      {
        id: 'tkt_k1',
        owner: { openid: owner.openid, name: owner.name, phone: '13900000000' },
        unit: { id: 'u1', community: 'c', building: '3栋', unit: '2单元', room: '1801', zone: 'north' },
        description: '',
        photos: [],
        grantedTemplates: [],
        type: 'access',
        action: 'open',
        cardNo: '',
        custody: false,
        lossTicket: null,
      },
      { actor: owner, now: MON(10), policy: DEFAULT_POLICY },
    ).ticket;
    t = step(t, ev.dispatch(desk), system, MON(10)).ticket;
    expect(sweepNext(t, 'dispatch')).toEqual(['remind', MON(10) + 96_000]);
    t = step(t, ev.accept(), desk, MON(10, 3)).ticket; // the check took 3 minutes: breached
    expect(toTicketView(t, desk, MON(10, 3), DEFAULT_POLICY).deadlines.find((d) => d.clock === 'dispatch')).toMatchObject({ breached: true });
    expect(t.clocks.issue?.dueAt).toBe(MON(10, 11));
    // Then engineering's 8 minutes from the check, swept on their own: the check is done.
    expect(t).toMatchObject({ state: 'submitted', team: 'engineering' });
    expect(sweepNext(t, 'dispatch')).toBeNull();
    expect(sweepNext(t, 'issue')).toEqual(['remind', MON(10, 3) + 384_000]);
    t = step(step(t, ev.dispatch(technician), system, MON(10, 3)).ticket, ev.accept(), technician, MON(10, 4)).ticket;
    t = remind(t, 'issue', MON(10, 3) + 384_000);
    expect(sweepNext(t, 'issue')).toEqual(['escalate', MON(10, 11)]);
    t = step(t, ev.finish('已开通，业主已签收'), technician, MON(10, 10)).ticket;
    expect(t.clocks.issue?.stoppedAt).toBe(MON(10, 10));
    expect(sweepNext(t, 'issue')).toBeNull();
  });
});
