/**
 * The fallback ladder: when routing cannot hand a task to someone it can push, the team's lead
 * is asked, then the supervisor; the ask is recorded on the ticket and queued to whom it asks.
 */
import { helpReason, pickHelpers } from '@/core/routing/help';
import type { RoutingDecision } from '@/core/routing/route';
import type { Shift, StaffMember } from '@/core/routing/staff';
import type { TicketEvent } from '@/core/tickets/events';
import { transition } from '@/core/tickets/transition';
import { DEFAULT_POLICY, local, MINUTE, newTicket, staffMember, system, technician, assigneeOf, ev } from '../fixtures';

const MON_10 = local(2026, 11, 23, 10);
const OFFICE: Shift = { weekdays: [1, 2, 3, 4, 5], start: '08:30', end: '17:30' };
const OFFSET = DEFAULT_POLICY.utcOffsetMinutes;

const person = (_id: string, over: Partial<StaffMember> = {}): StaffMember =>
  staffMember(_id, { role: 'team_lead', trades: [], zones: [], shifts: [OFFICE], credits: { dispatch_help: 2 }, ...over });

const lead = person('lead');
const supervisor = person('super', { role: 'supervisor', team: 'customer_service' });
const names = (r: { to: { name: string }[] }) => r.to.map((p) => p.name);

describe('pickHelpers: lead, then supervisor', () => {
  it('the team lead on duty who can be pushed is asked; the supervisors are not even read', async () => {
    const supervisors = jest.fn(async () => [supervisor]);
    const r = await pickHelpers([lead], supervisors, MON_10, OFFSET);
    expect({ rung: r.rung, to: names(r) }).toEqual({ rung: 'team_lead', to: ['lead'] });
    expect(supervisors).not.toHaveBeenCalled();
  });

  it.each([
    ['off duty', person('lead', { shifts: [] })],
    ['without a credit for the ask', person('lead', { credits: {} })],
    ['inactive', person('lead', { active: false })],
  ])('a lead %s is passed over: the supervisor is asked', async (_case, unreachable) => {
    const r = await pickHelpers([unreachable], async () => [supervisor], MON_10, OFFSET);
    expect({ rung: r.rung, to: names(r) }).toEqual({ rung: 'supervisor', to: ['super'] });
  });

  it('a lead who is the one the task went to does not ask themselves', async () => {
    const r = await pickHelpers([lead], async () => [supervisor], MON_10, OFFSET, 'lead');
    expect(r.rung).toBe('supervisor');
  });

  it('nobody can be pushed at all: every supervisor is asked in the app (never nobody)', async () => {
    const a = person('super-a', { role: 'supervisor', credits: {} });
    const b = person('super-b', { role: 'supervisor', shifts: [] });
    const r = await pickHelpers([], async () => [b, a], MON_10, OFFSET);
    expect({ rung: r.rung, to: names(r) }).toEqual({ rung: 'supervisor', to: ['super-a', 'super-b'] });
  });

  it('supervisors who can be pushed come before those who cannot', async () => {
    const a = person('super-a', { role: 'supervisor', credits: {} });
    const b = person('super-b', { role: 'supervisor' });
    const r = await pickHelpers([], async () => [a, b], MON_10, OFFSET);
    expect(names(r)).toEqual(['super-b']);
  });
});

describe('helpReason says why, in the desk’s words', () => {
  const nobody = (reason: RoutingDecision['reason']): RoutingDecision => ({ assignee: null, why: [], reason, candidates: 0 });
  it.each([
    ['nobody_on_duty', '当前无人在岗，请安排接单'],
    ['all_at_cap', '在岗人员手上工单已满，请安排接单'],
    ['nobody_eligible', '没有可承接此类工作的人员，请安排接单'],
  ] as const)('%s → %s', (reason, text) => expect(helpReason(nobody(reason))).toBe(text));

  it('every reason fits whole in the message’s 20-character field (with a 4-character name)', () => {
    const reasons = [
      ...(['nobody_on_duty', 'all_at_cap', 'nobody_eligible'] as const).map((r) => helpReason(nobody(r))),
      helpReason({ assignee: person('欧阳师傅', { role: 'technician' }), why: [], reason: 'in_app_only', candidates: 1 }),
    ];
    for (const reason of reasons) expect([reason, [...reason].length <= 20]).toEqual([reason, true]);
  });

  it('someone got it but cannot be pushed: the lead is asked to phone them', () => {
    const decision: RoutingDecision = { assignee: person('王师傅', { role: 'technician' }), why: [], reason: 'in_app_only', candidates: 1 };
    expect(helpReason(decision)).toBe('王师傅微信提醒已用完，请电话通知');
  });
});

describe('seek_help on the ticket', () => {
  const ask: Extract<TicketEvent, { type: 'seek_help' }> = {
    type: 'seek_help',
    reason: '当前无人在岗，请安排接单',
    rung: 'team_lead',
    to: [{ staffId: 'lead', openid: 'openid-lead', name: '马组长', role: 'team_lead' }],
  };

  it('records who was asked and why, queues the ask to them, and stays waiting', () => {
    const t = newTicket();
    const r = transition(t, ask, { actor: system, now: t.createdAt + MINUTE, policy: DEFAULT_POLICY });
    if (!r.ok) throw new Error(r.code);
    expect(r.ticket.state).toBe('submitted');
    expect(r.ticket.help).toEqual({ reason: ask.reason, rung: 'team_lead', told: ['马组长'], since: t.createdAt + MINUTE });
    expect(r.effects.messages).toEqual([expect.objectContaining({ template: 'dispatch_help', recipient: 'staff', staffId: 'lead', touser: 'openid-lead' })]);
    expect(r.effects.messages[0].data.thing3).toBe('当前无人在岗，请安排接单');
    expect(r.ticket.history.at(-1)).toMatchObject({ event: 'seek_help', note: '当前无人在岗，请安排接单，已请马组长协调' });
  });

  it('the wait keeps its start when asked again; a dispatch, then the accept, end it', () => {
    const t = newTicket();
    const first = transition(t, ask, { actor: system, now: t.createdAt + MINUTE, policy: DEFAULT_POLICY });
    if (!first.ok) throw new Error(first.code);
    const again = transition(first.ticket, { ...ask, rung: 'supervisor' }, { actor: system, now: t.createdAt + 5 * MINUTE, policy: DEFAULT_POLICY });
    if (!again.ok) throw new Error(again.code);
    expect(again.ticket.help).toMatchObject({ rung: 'supervisor', since: t.createdAt + MINUTE });
    const dispatched = transition(again.ticket, ev.dispatch(technician), { actor: system, now: t.createdAt + 6 * MINUTE, policy: DEFAULT_POLICY });
    if (!dispatched.ok) throw new Error(dispatched.code);
    expect(dispatched.ticket.help).toBeNull();
    expect(dispatched.ticket.assignee).toEqual(assigneeOf(technician));
  });

  it('only the platform asks, and only while the task waits for someone', () => {
    const t = newTicket();
    expect(transition(t, ask, { actor: technician, now: t.createdAt, policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    const dispatched = transition(t, ev.dispatch(technician), { actor: system, now: t.createdAt, policy: DEFAULT_POLICY });
    if (!dispatched.ok) throw new Error(dispatched.code);
    const accepted = transition(dispatched.ticket, ev.accept(), { actor: technician, now: t.createdAt, policy: DEFAULT_POLICY });
    if (!accepted.ok) throw new Error(accepted.code);
    expect(transition(accepted.ticket, ask, { actor: system, now: t.createdAt, policy: DEFAULT_POLICY }).ok).toBe(false);
  });
});
