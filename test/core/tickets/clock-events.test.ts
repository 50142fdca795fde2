/**
 * The clock layer every open ticket shares, under a fake clock: the sweep's reminder at 80%,
 * escalation along the ladder (supervisor, then manager — or at the cap), each step once even
 * when two sweeps race, and pausing while the ticket waits for the owner.
 */
import type { StaffRef, TicketEvent } from '@/core/tickets/events';
import type { Ticket } from '@/core/tickets/model';
import { nextDueAt } from '@/core/sla/clocks';
import { transition } from '@/core/tickets/transition';
import { toTicketView } from '@/core/tickets/view';
import { DEFAULT_POLICY, HOUR, MINUTE, T0, ev, frontDesk, owner, step, system, teammate, technician, ticketIn } from '../fixtures';

const supervisor: StaffRef = { staffId: 's-super-zhou', openid: 'o-super-zhou', name: '周主任', role: 'supervisor' };
const manager: StaffRef = { staffId: 's-manager-wu', openid: 'o-manager-wu', name: '吴经理', role: 'manager' };

const remind = (clock: 'onSite' | 'callback' = 'onSite'): TicketEvent => ({ type: 'remind', clock });
const escalate = (stepNo: number, to: StaffRef[], clock: 'onSite' | 'callback' = 'onSite'): TicketEvent => ({ type: 'escalate', clock, step: stepNo, to });
const bySystem = (t: Ticket, e: TicketEvent, at: number) => transition(t, e, { actor: system, now: at, policy: DEFAULT_POLICY });
/** When the sweep looks next for the clocks alone (queued messages have their own retry times). */
const clocksDue = (t: Ticket) => nextDueAt({ ...t, outbox: [] }, DEFAULT_POLICY);

// Dispatched at T0+1 min: on site due T0+16 min; the reminder at 80% of 15 min = T0+13 min.
const dispatched = () => ticketIn('dispatched');

describe('reminder before a breach', () => {
  it('tells the handler once, keeps the state, and moves the next look to the deadline', () => {
    const t = dispatched();
    expect(clocksDue(t)).toBe(T0 + MINUTE + 12 * MINUTE); // the dispatch clock stopped; onSite at 80%
    const r = step(t, remind(), system, T0 + 13 * MINUTE);
    expect(r.ticket.state).toBe('dispatched');
    expect(r.ticket.clocks.onSite?.remindedAt).toBe(T0 + 13 * MINUTE);
    expect(r.effects.messages.map((m) => [m.template, m.touser])).toEqual([['sla_reminder', technician.openid]]);
    expect(r.ticket.history.at(-1)).toMatchObject({ event: 'remind', note: '到场时限即将到期，已提醒处理人员' });
    expect(clocksDue(r.ticket)).toBe(T0 + 16 * MINUTE);
    // A second sweep with the same step finds it taken.
    expect(bySystem(r.ticket, remind(), T0 + 13 * MINUTE)).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
  });

  it('only the platform reminds or escalates', () => {
    for (const actor of [owner, technician, frontDesk]) {
      expect(transition(dispatched(), remind(), { actor, now: T0, policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
  });
});

describe('escalation on breach (handler → supervisor → manager)', () => {
  it('step 0 tells the supervisor, step 1 an hour later the manager; each once and in order', () => {
    let t = step(dispatched(), remind(), system, T0 + 13 * MINUTE).ticket;
    // Step 1 cannot come before step 0.
    expect(bySystem(t, escalate(1, [manager]), T0 + 17 * MINUTE)).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
    const first = step(t, escalate(0, [supervisor]), system, T0 + 17 * MINUTE);
    expect(first.effects.messages).toEqual([
      expect.objectContaining({ template: 'sla_escalation', recipient: 'staff', staffId: supervisor.staffId, touser: supervisor.openid, page: `staff/task/index?id=${t._id}` }),
    ]);
    expect(first.ticket.history.at(-1)).toMatchObject({ event: 'escalate', note: '到场时限已超时，已告知周主任' });
    expect(first.ticket.lateSince).toBe(T0 + 17 * MINUTE); // the breach, for the supervisor's list
    t = first.ticket;
    expect(clocksDue(t)).toBe(T0 + 16 * MINUTE + HOUR);
    // Two sweeps racing: the second identical step is refused.
    expect(bySystem(t, escalate(0, [supervisor]), T0 + 17 * MINUTE)).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
    const second = step(t, escalate(1, [manager]), system, T0 + 16 * MINUTE + HOUR);
    expect(second.effects.messages.map((m) => m.touser)).toEqual([manager.openid]);
    expect(second.ticket.lateSince).toBe(T0 + 17 * MINUTE);
    expect(clocksDue(second.ticket)).toBeNull(); // nothing left on the ladder
    // The breach is visible to staff on the ticket.
    expect(toTicketView(second.ticket, frontDesk, T0 + 2 * HOUR, DEFAULT_POLICY).deadlines.find((d) => d.clock === 'onSite')).toMatchObject({ breached: true });
  });

  it('the callback clock: 8 hours to the supervisor, its 24-hour cap to the manager', () => {
    let t = ticketIn('callback_pending'); // returned at T0+5 min
    const returnedAt = t.clocks.callback!.startedAt;
    t = step(t, remind('callback'), system, returnedAt + 7 * HOUR).ticket;
    t = step(t, escalate(0, [supervisor], 'callback'), system, returnedAt + 8 * HOUR + 1).ticket;
    expect(clocksDue(t)).toBe(returnedAt + 24 * HOUR);
    t = step(t, escalate(1, [manager], 'callback'), system, returnedAt + 24 * HOUR).ticket;
    expect(t.clocks.callback?.escalations).toBe(2);
  });

  it('a closed ticket has no clocks to chase', () => {
    expect(bySystem(ticketIn('closed'), escalate(0, [supervisor], 'callback'), T0 + 10 * HOUR)).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
  });
});

describe('pause and resume while waiting for the owner', () => {
  it('the handler pauses (业主不在家): not counted, not swept; resuming moves the deadline by the pause', () => {
    const t = ticketIn('accepted'); // on site due T0+16 min
    const paused = step(t, { type: 'pause', reason: '业主不在家，约定稍后再来' }, technician, T0 + 5 * MINUTE).ticket;
    expect(paused.clocks.onSite).toMatchObject({ pausedAt: T0 + 5 * MINUTE, pauseReason: '业主不在家，约定稍后再来' });
    expect(clocksDue(paused)).toBeNull();
    expect(bySystem(paused, remind(), T0 + 30 * MINUTE)).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
    expect(toTicketView(paused, technician, T0 + 6 * MINUTE, DEFAULT_POLICY).actions).toContain('resume');

    const resumed = step(paused, { type: 'resume' }, technician, T0 + 65 * MINUTE).ticket;
    expect(resumed.clocks.onSite).toMatchObject({ dueAt: T0 + 76 * MINUTE, pausedMs: HOUR });
    expect(resumed.clocks.onSite?.pausedAt).toBeUndefined();
    expect(resumed.history.slice(-2).map((h) => h.event)).toEqual(['pause', 'resume']);
  });

  it('the owner cannot pause; the callback (the desk’s clock) is never paused', () => {
    expect(transition(ticketIn('accepted'), { type: 'pause', reason: 'x' }, { actor: owner, now: T0, policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(transition(ticketIn('callback_pending'), { type: 'pause', reason: 'x' }, { actor: frontDesk, now: T0 + HOUR, policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
  });

  it('resume needs a paused clock', () => {
    expect(transition(ticketIn('accepted'), { type: 'resume' }, { actor: technician, now: T0, policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
  });
});

describe('decline (拒单)', () => {
  it('back to 待派单 without the decliner; the dispatch clock runs on from the request', () => {
    const t = dispatched(); // submitted at T0, dispatched at T0+1 min
    const r = step(t, { type: 'decline', reason: '手上有急修' }, technician, T0 + 3 * MINUTE);
    expect(r.ticket).toMatchObject({ state: 'submitted', assignee: null, declinedBy: [technician.staffId] });
    expect(r.ticket.clocks.dispatch).toEqual({ startedAt: T0, dueAt: T0 + 2 * MINUTE });
    expect(r.ticket.clocks.onSite).toBeUndefined();
    expect(r.ticket.history.at(-1)).toMatchObject({ event: 'decline', from: 'dispatched', to: 'submitted', note: '手上有急修' });
    // Dispatched to a teammate, the decliner may not take it back.
    const next = step(r.ticket, ev.dispatch(teammate), system, T0 + 4 * MINUTE).ticket;
    expect(transition(next, ev.accept(), { actor: technician, now: T0 + 5 * MINUTE, policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(transition(next, ev.accept(), { actor: teammate, now: T0 + 5 * MINUTE, policy: DEFAULT_POLICY }).ok).toBe(true);
    // Already past its 2 minutes: due for the sweep at once (which records the breach).
    expect(clocksDue(r.ticket)).toBeLessThan(T0 + 3 * MINUTE);
  });

  it('needs a reason, and only the assignee declines', () => {
    expect(transition(dispatched(), { type: 'decline', reason: ' ' }, { actor: technician, now: T0, policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'INPUT.INVALID' });
    expect(transition(dispatched(), { type: 'decline', reason: 'x' }, { actor: frontDesk, now: T0, policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(transition(ticketIn('accepted'), { type: 'decline', reason: 'x' }, { actor: technician, now: T0, policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
  });
});
