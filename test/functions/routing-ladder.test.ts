/**
 * The fallback ladder on the real stack: when routing finds nobody who can take a task, or nobody
 * it can push, the team's lead is asked, then the supervisor; the ticket waits in the shared pool
 * (待协调) where a lead takes it. Household services go to the cleaning or greening lead.
 */
import { DEFAULT_POLICY } from '@/core/sla/policy';
import type { Ticket } from '@/core/tickets/model';
import { defaultDeps } from '@/server/deps';
import { sweep } from '@/server/usecases/sweep';
import { ALL_OWNER_TEMPLATES, CARPENTER, LIN_UNIT, OWNER, PLUMBER, startTestStack, SUPERVISOR, type TestStack } from './local-stack';

const LEAD = 'demo-lead-ma';
const ALWAYS = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }];

let s: TestStack;
beforeEach(async () => {
  s = await startTestStack();
  // The supervisor keeps office hours in the demo; here on duty whatever the hour the test runs.
  await s.db.collection('staff').doc('s-super-zhou').update({ shifts: ALWAYS });
});
afterEach(() => s.close());

const staff = (id: string, patch: object) => s.db.collection('staff').doc(id).update(patch);
const stored = async (id: string): Promise<Ticket> => (await s.db.collection('tickets').doc(id).get()).data[0] as Ticket;
const submit = async (category = 'plumbing_electric', description = '厨房水龙头漏水') =>
  (await s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category: category as 'plumbing_electric', description, grantedTemplates: [...ALL_OWNER_TEMPLATES] })).ticket;
const pushes = (template: string, touser?: string) =>
  s.stack.emulator.messages().filter((m) => m.errcode === 0 && m.templateId === `local-${template}` && (!touser || m.touser === touser));

describe('the fallback ladder', () => {
  it('nobody on duty: the ticket waits, the engineering lead is asked (pushed) and sees it in 待协调', async () => {
    await staff('s-tech-wang', { active: false });
    const ticket = await submit();
    const t = await stored(ticket.id);
    expect(t.state).toBe('submitted');
    expect(t.help).toMatchObject({ rung: 'team_lead', told: ['马组长'], reason: '没有可承接此类工作的人员，请安排接单' });
    expect(t.history.at(-1)).toMatchObject({ event: 'seek_help', note: '没有可承接此类工作的人员，请安排接单，已请马组长协调' });
    expect(pushes('dispatch_help', LEAD)).toHaveLength(1);
    expect(pushes('dispatch_help', LEAD)[0].data).toMatchObject({ thing3: { value: '没有可承接此类工作的人员，请安排接单' } });

    const pool = await s.must(LEAD)('task.list', { tab: 'pool' });
    expect(pool.tasks.map((x) => [x.id, x.help?.told])).toEqual([[ticket.id, ['马组长']]]);
    // The owner is never shown the desk's coordination.
    const mine = await s.must(OWNER)('ticket.list', { kind: 'all', status: 'all' });
    expect(mine.tickets.find((x) => x.id === ticket.id)?.help).toBeNull();
  });

  it('the lead takes it from the pool: dispatched to them and accepted in one step, the pool empties', async () => {
    await staff('s-tech-wang', { active: false });
    const ticket = await submit();
    const detail = await s.must(LEAD)('ticket.get', { ticketId: ticket.id });
    expect(detail.ticket.actions).toContain('accept');

    const taken = await s.must(LEAD)('task.accept', { ticketId: ticket.id });
    expect(taken.ticket.state).toBe('accepted');
    const t = await stored(ticket.id);
    expect(t.assignee?.name).toBe('马组长');
    expect(t.help).toBeNull();
    expect(t.history.slice(-2).map((h) => [h.event, h.note])).toEqual([
      ['dispatch', '派给 马组长（从待派单中认领）'],
      ['accept', ''],
    ]);
    expect((await s.must(LEAD)('task.list', { tab: 'pool' })).tasks).toEqual([]);
  });

  it('the lead cannot be pushed: the supervisor is asked instead', async () => {
    await staff('s-tech-wang', { active: false });
    await staff('s-lead-ma', { 'credits.dispatch_help': 0 });
    const ticket = await submit();
    expect((await stored(ticket.id)).help).toMatchObject({ rung: 'supervisor', told: ['周主任'] });
    expect(pushes('dispatch_help', SUPERVISOR)).toHaveLength(1);
    expect(pushes('dispatch_help', LEAD)).toHaveLength(0);
    // The supervisor sees every team's pool.
    expect((await s.must(SUPERVISOR)('task.list', { tab: 'pool' })).tasks.map((x) => x.id)).toEqual([ticket.id]);
  });

  it('everyone at the cap: the ticket waits and the lead is told why', async () => {
    await staff('s-tech-wang', { openTasks: 3, cap: 3 });
    const ticket = await submit();
    expect((await stored(ticket.id)).help).toMatchObject({ rung: 'team_lead', reason: '在岗人员手上工单已满，请安排接单' });
  });

  it('the only plumber has no credit left: still his task, and the lead is asked to phone him', async () => {
    await staff('s-tech-wang', { 'credits.task_assigned': 0 });
    const ticket = await submit();
    const t = await stored(ticket.id);
    expect(t.state).toBe('dispatched');
    expect(t.assignee?.name).toBe('王师傅');
    expect(t.help).toMatchObject({ rung: 'team_lead', reason: '王师傅微信提醒已用完，请电话通知' });
    expect(pushes('task_assigned', PLUMBER)).toHaveLength(0);
    expect(pushes('dispatch_help', LEAD)).toHaveLength(1);
    expect((await s.must(LEAD)('task.list', { tab: 'pool' })).tasks.map((x) => x.id)).toEqual([ticket.id]);
    // Once he accepts, nobody needs to coordinate any more.
    await s.must(PLUMBER)('task.accept', { ticketId: ticket.id });
    expect((await stored(ticket.id)).help).toBeNull();
    expect((await s.must(LEAD)('task.list', { tab: 'pool' })).tasks).toEqual([]);
  });

  it.each([
    [43101, '王师傅未收到新任务提醒，请电话通知'],
    [47003, '王师傅未收到新任务提醒，请电话通知'],
  ])('the new-task push to the plumber fails with %i: the lead is asked to phone him', async (errcode, reason) => {
    s.stack.emulator.injectFault({ touser: PLUMBER, errcode, times: 1 });
    const ticket = await submit();
    const t = await stored(ticket.id);
    expect([t.state, t.assignee?.name]).toEqual(['dispatched', '王师傅']);
    expect(t.help).toMatchObject({ rung: 'team_lead', told: ['马组长'], reason });
    // The ask reads whole in the message's 20-character field; the cause is on the ticket.
    expect(pushes('dispatch_help', LEAD).map((m) => m.data.thing3)).toEqual([{ value: reason }]);
    expect(t.pushFailures?.map((f) => [f.template, f.errcode])).toEqual([['task_assigned', errcode]]);
  });

  it('the sender is down until the new-task push gives up: the lead is asked (in the app, the sender being down), the supervisor sees the pool', async () => {
    s.stack.emulator.injectFault({ errcode: -1 });
    const ticket = await submit();
    let now = Date.now();
    for (let i = 0; i < DEFAULT_POLICY.push.maxAttempts + 1; i++) {
      now += 2 ** (i + 1) * DEFAULT_POLICY.push.retrySeconds * 1000 + 1000;
      await sweep({ ...defaultDeps(), now: () => now }, DEFAULT_POLICY);
    }
    const t = await stored(ticket.id);
    expect(t.pushFailures?.find((f) => f.template === 'task_assigned')).toMatchObject({ reason: 'gave_up', errcode: -1 });
    expect(t.help).toMatchObject({ rung: 'team_lead', reason: '王师傅未收到新任务提醒，请电话通知' });
    expect((await s.must(SUPERVISOR)('task.list', { tab: 'pool' })).tasks.map((x) => x.id)).toContain(ticket.id);
    // Nothing ever got through, so nothing was sent twice; nothing is left to send for the task.
    expect(pushes('task_assigned')).toHaveLength(0);
    expect((await stored(ticket.id)).outbox.filter((m) => m.template === 'task_assigned')).toEqual([]);
  });

  it('asked once per wait: later sweeps do not ask again; when the dispatch clock runs out the supervisor is told', async () => {
    await staff('s-tech-wang', { active: false });
    const ticket = await submit();
    const t0 = (await stored(ticket.id)).createdAt;
    for (const minutes of [1, 2, 3]) await sweep({ ...defaultDeps(), now: () => t0 + minutes * 60_000 + 1000 }, DEFAULT_POLICY);
    expect(pushes('dispatch_help')).toHaveLength(1);
    expect((await stored(ticket.id)).history.filter((h) => h.event === 'escalate')).toHaveLength(1);
    expect(pushes('sla_escalation', SUPERVISOR)).toHaveLength(1);
  });

  it('someone comes on duty: the next sweep routes the pool ticket to them and the wait ends', async () => {
    await staff('s-tech-wang', { active: false });
    const ticket = await submit();
    await staff('s-tech-wang', { active: true });
    // Even after the dispatch clock's reminder and escalations, a waiting ticket is due again every few minutes.
    const t0 = (await stored(ticket.id)).updatedAt;
    expect((await stored(ticket.id)).nextDueAt).toBeLessThanOrEqual(t0 + DEFAULT_POLICY.routing.retryMinutes * 60_000);
    const report = await sweep({ ...defaultDeps(), now: () => Date.now() + 3 * 60 * 60_000 }, DEFAULT_POLICY);
    expect(report.routed).toBe(1);
    const t = await stored(ticket.id);
    expect([t.state, t.assignee?.name, t.help]).toEqual(['dispatched', '王师傅', null]);
  });
});

describe('who may use the pool', () => {
  it('a technician has no 待协调 list; a carpenter cannot take a plumbing job from it', async () => {
    await staff('s-tech-wang', { active: false });
    const ticket = await submit();
    expect(await s.as(PLUMBER)('task.list', { tab: 'pool' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    const taken = await s.as(CARPENTER)('task.accept', { ticketId: ticket.id });
    expect(taken.ok).toBe(false);
    const t = await stored(ticket.id);
    expect([t.state, t.assignee]).toEqual(['submitted', null]);
  });
});

describe('household services (家政服务, 004 三)', () => {
  it.each([
    ['household_cleaning', '孙组长', 'demo-lead-sun'],
    ['household_greening', '钱组长', 'demo-lead-qian'],
  ])('%s goes to %s, who is pushed', async (category, name, openid) => {
    const ticket = await submit(category, '下周六全屋清洁');
    expect(await s.handlerOf(ticket.id)).toBe(name);
    expect(pushes('task_assigned', openid)).toHaveLength(1);
    const accepted = await s.must(openid)('task.accept', { ticketId: ticket.id });
    expect(accepted.ticket.state).toBe('accepted');
    // The engineering team does not see the cleaning team's work.
    expect((await s.as(PLUMBER)('ticket.get', { ticketId: ticket.id })).ok).toBe(false);
  });
});
