/**
 * 改派 (the supervisor or manager gives a task to someone else) and 转派 (its holder hands it on)
 * in the pure workflow: who may, in which states, what changes and what does not (the clocks),
 * who is told, what the trail says.
 */
import type { Actor } from '@/core/tickets/actor';
import type { TicketEvent } from '@/core/tickets/events';
import { REASSIGN_STATES, TRANSFER_STATES } from '@/core/tickets/hand-on';
import type { Ticket } from '@/core/tickets/model';
import { TICKET_STATES, type TicketState } from '@/core/tickets/states';
import { transition } from '@/core/tickets/transition';
import { allowedEvents, toTicketView } from '@/core/tickets/view';
import {
  DEFAULT_POLICY,
  MINUTE,
  T0,
  assigneeOf,
  carpenter,
  clone,
  ev,
  frontDesk,
  owner,
  staffActor,
  step,
  system,
  teammate,
  technician,
  ticketIn,
} from '../fixtures';

const supervisor = staffActor({ openid: 'openid-super-zhou', staffId: 'staff-super-zhou', name: '周主任', role: 'supervisor', team: 'customer_service', trades: [] });
const manager = staffActor({ openid: 'openid-manager-wu', staffId: 'staff-manager-wu', name: '吴经理', role: 'manager', team: 'management', trades: [] });
const NOW = T0 + 30 * MINUTE;

const fromWang = { staffId: technician.staffId, openid: technician.openid, name: technician.name, role: technician.role };
const reassign = (to = teammate, reason = '王师傅手上急修太多'): TicketEvent => ({ type: 'reassign', assignee: assigneeOf(to), from: fromWang, reason });
const transferTo = (to = teammate, reason = '今天另有急修'): TicketEvent => ({ type: 'transfer', reason, to: { assignee: assigneeOf(to) } });
const transferCategory = (category = 'doors_windows', reason = '实为门窗问题'): TicketEvent => ({ type: 'transfer', reason, to: { category } });

const run = (t: Ticket, e: TicketEvent, actor: Actor) => transition(t, e, { actor, now: NOW, policy: DEFAULT_POLICY });

describe('改派 (reassign): the supervisor or manager gives the task to someone else', () => {
  it.each(REASSIGN_STATES)('in %s: same state, new holder, clocks untouched, both told, trail says who from whom to whom and why', (state) => {
    const before = ticketIn(state);
    const frozen = clone(before);
    const { ticket, effects } = step(before, reassign(), supervisor, NOW);
    expect(before).toEqual(frozen);
    expect(ticket.state).toBe(state);
    expect(ticket.assignee).toEqual(assigneeOf(teammate));
    expect(ticket.version).toBe(before.version + 1);
    // The standards' clocks measure the owner's wait: nothing starts over, nothing stops.
    expect(ticket.clocks).toEqual(before.clocks);
    expect(ticket.history.at(-1)).toMatchObject({
      event: 'reassign',
      from: state,
      to: state,
      actor: { kind: 'staff', name: '周主任', role: 'supervisor' },
      note: '由王师傅改派给赵师傅：王师傅手上急修太多',
    });
    expect(effects.messages.map((m) => [m.template, m.touser])).toEqual([
      ['task_assigned', teammate.openid],
      ['ticket_cancelled', technician.openid],
    ]);
    expect(effects.messages[1].data.thing3).toBe('已改派给赵师傅');
    expect(ticket.handedOn).toEqual({ event: 'reassign', from: '王师傅', to: '赵师傅', by: '周主任', reason: '王师傅手上急修太多', at: NOW });
  });

  it('the manager may too; the new holder then carries on as the holder', () => {
    const { ticket } = step(ticketIn('accepted'), reassign(), manager, NOW);
    expect(run(ticket, ev.arrive(), teammate)).toMatchObject({ ok: true, ticket: { state: 'on_site' } });
    expect(run(ticket, ev.arrive(), technician)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it.each<[string, Actor]>([
    ['the technician holding it', technician],
    ['a technician of the trade', teammate],
    ['the front desk', frontDesk],
    ['the owner', owner],
    ['the platform', system],
  ])('%s may not: AUTH.FORBIDDEN, nothing changed', (_who, actor) => {
    const t = ticketIn('accepted');
    const frozen = clone(t);
    expect(run(t, reassign(), actor)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(t).toEqual(frozen);
  });

  const notOpenForIt = TICKET_STATES.filter((s) => !REASSIGN_STATES.includes(s));
  it.each(notOpenForIt)('not in %s: refused', (state) => {
    const t = ticketIn(state);
    const e: TicketEvent = { type: 'reassign', assignee: assigneeOf(teammate), from: t.assignee ? fromWang : null, reason: '调整' };
    expect(run(t, e, supervisor)).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
  });

  it('refuses a reason left blank, the holder as the new holder, and a `from` that is not who holds it', () => {
    const t = ticketIn('dispatched');
    expect(run(t, reassign(teammate, '  '), supervisor)).toEqual({ ok: false, code: 'INPUT.INVALID' });
    expect(run(t, reassign(technician), supervisor)).toEqual({ ok: false, code: 'INPUT.INVALID' });
    expect(run(t, { ...(reassign() as Extract<TicketEvent, { type: 'reassign' }>), from: null }, supervisor)).toEqual({ ok: false, code: 'INPUT.INVALID' });
  });

  it('is offered to the supervisor and the manager only', () => {
    const t = ticketIn('in_progress');
    expect(allowedEvents(t, supervisor, DEFAULT_POLICY.routing)).toContain('reassign');
    expect(allowedEvents(t, manager, DEFAULT_POLICY.routing)).toContain('reassign');
    for (const actor of [technician, teammate, frontDesk, owner]) expect(allowedEvents(t, actor, DEFAULT_POLICY.routing)).not.toContain('reassign');
  });

  it('the owner reads that the handler changed, never the names or the reason', () => {
    const { ticket } = step(ticketIn('accepted'), reassign(), supervisor, NOW);
    const mine = toTicketView(ticket, owner, NOW, DEFAULT_POLICY).timeline.at(-1)!;
    expect([mine.eventLabel, mine.note]).toEqual(['改派', '已更换处理人员']);
    const staff = toTicketView(ticket, supervisor, NOW, DEFAULT_POLICY).timeline.at(-1)!;
    expect(staff.note).toBe('由王师傅改派给赵师傅：王师傅手上急修太多');
  });
});

describe('转派 (transfer): the holder hands the task on before the work starts', () => {
  it.each(TRANSFER_STATES)('from %s to a colleague: dispatched to them, clocks run on, they are told and accept it', (state) => {
    const before = ticketIn(state);
    const { ticket, effects } = step(before, transferTo(), technician, NOW);
    expect(ticket.state).toBe('dispatched');
    expect(ticket.assignee).toEqual(assigneeOf(teammate));
    // No state entry: no new on-site clock, nothing stopped.
    expect(ticket.clocks).toEqual(before.clocks);
    expect(ticket.history.at(-1)).toMatchObject({ event: 'transfer', from: state, to: 'dispatched', note: '转派给赵师傅：今天另有急修' });
    expect(effects.messages.map((m) => [m.template, m.touser])).toEqual([['task_assigned', teammate.openid]]);
    expect(run(ticket, ev.accept(), teammate)).toMatchObject({ ok: true, ticket: { state: 'accepted' } });
    // The one who handed it on no longer holds it.
    expect(run(ticket, ev.accept(), technician)).toMatchObject({ ok: false });
  });

  it('a repair of the wrong category goes back to 待派单 with the new category, team and trade; never back to its holder', () => {
    const before = ticketIn('on_site');
    const { ticket, effects } = step(before, transferCategory(), technician, NOW);
    expect(ticket).toMatchObject({ state: 'submitted', category: 'doors_windows', trade: 'carpentry', team: 'engineering', assignee: null });
    expect(ticket.declinedBy).toEqual([technician.staffId]);
    // As after a decline: the dispatch clock runs on from the request; the holder's visit clocks go.
    expect(ticket.clocks.dispatch).toEqual({ startedAt: before.clocks.dispatch!.startedAt, dueAt: before.clocks.dispatch!.dueAt });
    expect(ticket.clocks.onSite).toBeUndefined();
    expect(ticket.clocks.return).toBeUndefined();
    expect(ticket.history.at(-1)?.note).toBe('改为门窗（工程部）重新派单：实为门窗问题');
    expect(effects.messages).toEqual([]);
    // Now a carpenter's: one may take it, the plumber who handed it on may not.
    expect(run(ticket, ev.dispatch(carpenter), system)).toMatchObject({ ok: true });
    expect(transition(ticket, ev.dispatch(carpenter), { actor: system, now: NOW, policy: DEFAULT_POLICY }).ok).toBe(true);
  });

  it('household cleaning is the cleaning team\'s', () => {
    const { ticket } = step(ticketIn('accepted'), transferCategory('household_cleaning', '业主要的是保洁'), technician, NOW);
    expect(ticket).toMatchObject({ category: 'household_cleaning', team: 'cleaning', trade: null });
  });

  it.each<[string, Actor]>([
    ['a teammate', teammate],
    ['the supervisor', supervisor],
    ['the front desk', frontDesk],
    ['the owner', owner],
  ])('only the holder: %s gets AUTH.FORBIDDEN', (_who, actor) => {
    const t = ticketIn('accepted');
    expect(run(t, transferTo(carpenter), actor)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  const afterWorkStarted: TicketState[] = ['in_progress', 'awaiting_confirmation', 'returned', 'callback_pending', 'reopened'];
  it.each(afterWorkStarted)('not once the work started or is done (%s)', (state) => {
    expect(run(ticketIn(state), transferTo(), technician)).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
  });

  it('refuses a blank reason, the holder themself, the same category, and a category for what is not a repair', () => {
    const t = ticketIn('accepted');
    expect(run(t, transferTo(teammate, ' '), technician)).toEqual({ ok: false, code: 'INPUT.INVALID' });
    expect(run(t, transferTo(technician), technician)).toEqual({ ok: false, code: 'INPUT.INVALID' });
    expect(run(t, transferCategory('plumbing_electric'), technician)).toEqual({ ok: false, code: 'INPUT.INVALID' });
    expect(run(t, transferCategory('no_such_category'), technician)).toEqual({ ok: false, code: 'INPUT.INVALID' });
    const complaint: Ticket = { ...t, kind: 'complaint', category: 'cleaning' };
    expect(run(complaint, transferCategory(), technician)).toEqual({ ok: false, code: 'INPUT.INVALID' });
  });

  it('is offered to the holder only, until the work starts', () => {
    expect(allowedEvents(ticketIn('on_site'), technician, DEFAULT_POLICY.routing)).toContain('transfer');
    expect(allowedEvents(ticketIn('on_site'), teammate, DEFAULT_POLICY.routing)).not.toContain('transfer');
    expect(allowedEvents(ticketIn('in_progress'), technician, DEFAULT_POLICY.routing)).not.toContain('transfer');
  });
});
