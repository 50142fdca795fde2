/**
 * Push failures on the real local stack, injected in the emulator's WeChat: every message that
 * ends without being sent is recorded on the ticket and shown to staff, nothing is sent twice for
 * one event, and a sender that is down for a while loses nothing. Use cases run on the stack's
 * database with a fake clock (deps.now) and, for timeouts, a short policy timeout.
 */
import { ACTIONS, type ActionInput } from '@/core/contract/actions';
import { TEMPLATE_KEYS, TEMPLATES } from '@/core/notify/templates';
import { DEFAULT_POLICY, MINUTE, type Policy } from '@/core/sla/policy';
import type { OutboxMessage, Ticket } from '@/core/tickets/model';
import { cloudbasePush } from '@/server/adapters/push';
import { defaultDeps } from '@/server/deps';
import type { Deps } from '@/server/ports';
import { deliver } from '@/server/usecases/deliver';
import { submitRepair } from '@/server/usecases/submit-repair';
import { sweep } from '@/server/usecases/sweep';
import { CARPENTER, FRONT_DESK, HUANG_UNIT, LIN_UNIT, OTHER_OWNER, OWNER, PLUMBER, startTestStack, type TestStack } from './local-stack';

const KEEPER = 'demo-keeper-zhang';
const STAFF_TEMPLATES = TEMPLATE_KEYS.filter((k) => TEMPLATES[k].audience === 'staff');

let s: TestStack;
beforeEach(async () => {
  s = await startTestStack();
});
afterEach(() => s.close());

const stored = async (id: string): Promise<Ticket> => (await s.db.collection('tickets').doc(id).get()).data[0] as Ticket;
const credits = async (staffId: string) => ((await s.db.collection('staff').doc(staffId).get()).data[0] as { credits: Record<string, number> }).credits;
/** Enough credits for everyone that no message fails for want of one. */
const plentyOfCredits = () =>
  s.db.collection('staff').where({ active: true }).update(Object.fromEntries(STAFF_TEMPLATES.map((t) => [`credits.${t}`, 50])));

type RepairCategory = ActionInput<'repair.submit'>['category'];
const submit = async (description = '厨房水龙头漏水', category: RepairCategory = 'plumbing_electric', owner = OWNER, unitId = LIN_UNIT) =>
  (await s.must(owner)('repair.submit', { unitId, category, description, urgent: false, grantedTemplates: [] })).ticket.id;

/** The use cases on the stack's database, at a chosen instant. */
const depsAt = (at?: number, push?: Deps['push']): Deps => ({ ...defaultDeps(), ...(at === undefined ? {} : { now: () => at }), ...(push ? { push } : {}) });
const sweepAt = (at: number, policy: Policy = DEFAULT_POLICY, push?: Deps['push']) => sweep(depsAt(at, push), policy);

/** Sends of a template to someone, as the emulator recorded them (successful only unless `all`). */
const sends = (template: string, touser: string, { ticketId, all = false }: { ticketId?: string; all?: boolean } = {}) =>
  s.stack.emulator
    .messages()
    .filter((m) => (all || m.errcode === 0) && m.templateId === `local-${template}` && m.touser === touser && (!ticketId || m.page?.endsWith(`id=${ticketId}`)));

/** What 王师傅 (or another staff member) sees of the ticket. */
const staffView = async (id: string, who = PLUMBER) => (await s.must(who)('ticket.get', { ticketId: id })).ticket;

const waitFor = async (check: () => boolean, ms = 2000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('no credit', () => {
  it('WeChat answers 43101: the credit is zeroed, the task stays assigned and in the inbox, the failure is on the ticket', async () => {
    s.stack.emulator.injectFault({ touser: PLUMBER, errcode: 43101 });
    const id = await submit();
    expect((await credits('s-tech-wang')).task_assigned).toBe(0);
    const t = await stored(id);
    expect(t).toMatchObject({ state: 'dispatched', assignee: { name: '王师傅' }, outbox: [] });
    expect((await s.must(PLUMBER)('task.list', { tab: 'todo' })).tasks.map((x) => x.id)).toContain(id);
    expect(t.pushFailures).toEqual([
      { messageId: expect.any(String), template: 'task_assigned', recipient: 'assignee', staffId: 's-tech-wang', recipientName: '王师傅', errcode: 43101, reason: 'no_credit', at: expect.any(Number) },
    ]);
    expect((await staffView(id)).pushFailures).toEqual([expect.objectContaining({ reason: 'no_credit', text: '王师傅 · 新任务提醒未送达：提醒次数已用完' })]);
    // The owner never sees it.
    expect(await s.must(OWNER)('ticket.get', { ticketId: id })).not.toHaveProperty('ticket.pushFailures');
  });

  it('no credit left before sending: nothing is sent, and that is recorded too (errcode null)', async () => {
    await s.db.collection('staff').doc('s-tech-wang').update({ 'credits.task_assigned': 0 });
    const id = await submit();
    expect(sends('task_assigned', PLUMBER, { all: true })).toEqual([]);
    // (Routing may tell someone else too; that is routing's business, not this test's.)
    expect((await stored(id)).pushFailures).toContainEqual(expect.objectContaining({ template: 'task_assigned', errcode: null, reason: 'no_credit', recipientName: '王师傅' }));
  });
});

describe('a message WeChat rejects', () => {
  it('47003 is not retried: exactly one send, even after sweeps; the failure is visible to staff', async () => {
    s.stack.emulator.injectFault({ touser: PLUMBER, templateId: 'local-task_assigned', errcode: 47003, times: 1 });
    const id = await submit();
    const t = await stored(id);
    expect(t.outbox).toEqual([]);
    for (const after of [2, 5, 10]) await sweepAt(t.createdAt + after * MINUTE);
    expect(sends('task_assigned', PLUMBER, { ticketId: id, all: true })).toEqual([expect.objectContaining({ errcode: 47003 })]);
    expect((await stored(id)).pushFailures).toEqual([expect.objectContaining({ reason: 'rejected', errcode: 47003 })]);
    expect((await staffView(id)).pushFailures).toEqual([expect.objectContaining({ text: '王师傅 · 新任务提醒未送达：模板参数不合规' })]);
  });

  it('deliver returns what failed in this delivery, for the caller to act on', async () => {
    s.stack.emulator.injectFault({ touser: PLUMBER, errcode: -1, times: 1 });
    const id = await submit();
    s.stack.emulator.injectFault({ touser: PLUMBER, errcode: 40003, times: 1 });
    const delivery = await deliver(depsAt(), await stored(id), DEFAULT_POLICY, { pick: () => true });
    expect(delivery.failed).toEqual([expect.objectContaining({ template: 'task_assigned', reason: 'rejected', errcode: 40003, staffId: 's-tech-wang' })]);
    expect(delivery.ticket.pushFailures).toEqual(delivery.failed);
    expect((await stored(id)).pushFailures).toEqual(delivery.failed);
  });
});

describe('a send that is not answered in time', () => {
  const SHORT: Policy = { ...DEFAULT_POLICY, push: { ...DEFAULT_POLICY.push, timeoutMs: 250 } };
  const shortPush = () => cloudbasePush(s.app, 'developer', SHORT.push.timeoutMs);

  it('is given up as uncertain: delivered once (WeChat got it), never sent again by later sweeps', async () => {
    // WeChat answers 王师傅's sends late, but delivers them.
    s.stack.emulator.injectFault({ touser: PLUMBER, delayMs: 1000 });
    const input = ACTIONS['repair.submit'].input.parse({ unitId: LIN_UNIT, category: 'plumbing_electric', description: '热水器不加热', urgent: false, grantedTemplates: [] });
    const { ticket } = await submitRepair(depsAt(undefined, shortPush()), SHORT, OWNER, input);
    await waitFor(() => sends('task_assigned', PLUMBER, { ticketId: ticket._id }).length > 0);

    let t = await stored(ticket._id);
    expect(t.outbox).toEqual([]);
    expect(t.pushFailures).toEqual([expect.objectContaining({ template: 'task_assigned', reason: 'uncertain', errcode: -2, recipientName: '王师傅' })]);
    expect((await staffView(ticket._id)).pushFailures).toEqual([expect.objectContaining({ text: '王师傅 · 新任务提醒未确认送达：发送超时，可能未送达' })]);

    // Later sweeps (WeChat answering promptly again) send what comes due, never that message again.
    s.stack.emulator.clearFaults();
    for (const after of [3, 12, 13]) await sweepAt(t.createdAt + after * MINUTE);
    expect(sends('task_assigned', PLUMBER, { ticketId: ticket._id, all: true })).toHaveLength(1);
    expect(sends('sla_reminder', PLUMBER, { ticketId: ticket._id })).toHaveLength(1);
    t = await stored(ticket._id);
    expect(t.outbox).toEqual([]);
    expect(t.pushFailures).toHaveLength(1);
  });
});

describe('the sender is down for a while', () => {
  it('every ticket is still handled; the outbox keeps the messages with growing retry times, then drains, each sent once', async () => {
    await plentyOfCredits();
    s.stack.emulator.injectFault({ errcode: -1, errmsg: 'system busy' });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await submit(`厨房水龙头漏水${i}`));
    for (let i = 0; i < 2; i++) ids.push(await submit(`卧室门关不上${i}`, 'doors_windows'));
    for (let i = 0; i < 2; i++) ids.push(await submit(`卫生间地漏堵塞${i}`, 'plumbing_electric', OTHER_OWNER, HUANG_UNIT));
    const complaint = (owner: string, unitId: string, description: string) =>
      s.must(owner)('complaint.submit', { unitId, category: 'cleaning', description, replyBy: Date.now() + 3 * 24 * 60 * MINUTE, grantedTemplates: [] });
    ids.push((await complaint(OWNER, LIN_UNIT, '楼道垃圾两天没人清理')).ticket.id);
    ids.push((await complaint(OTHER_OWNER, HUANG_UNIT, '电梯间有异味')).ticket.id);
    ids.push((await s.must(OWNER)('card.submit', { unitId: LIN_UNIT, type: 'access', action: 'lost', grantedTemplates: [] })).ticket.id);
    expect(ids).toHaveLength(10);

    const all = () => Promise.all(ids.map(stored));
    const queued = (tickets: Ticket[]) => new Map(tickets.flatMap((t) => t.outbox.map((m): [string, OutboxMessage] => [m.id, m])));
    let tickets = await all();
    for (const t of tickets) {
      // Handled as if the sender were up: dispatched, or waiting for someone with its clock running.
      if (t.state === 'submitted') expect(t.clocks.dispatch).toMatchObject({ stoppedAt: undefined });
      else expect(t.assignee).not.toBeNull();
      expect(t.pushFailures).toEqual([]);
    }
    let before = queued(tickets);
    expect(before.size).toBeGreaterThanOrEqual(9);
    expect([...before.values()].every((m) => m.attempts === 1 && m.lastError === '-1 system busy')).toBe(true);
    const everQueued = new Map(before);

    // Still down: each sweep tries again and moves the next attempt further away.
    for (let round = 0; round < 2; round++) {
      await sweepAt(Math.max(...[...before.values()].map((m) => m.nextAttemptAt)));
      tickets = await all();
      const after = queued(tickets);
      for (const [id, m] of before) {
        expect(after.get(id)).toMatchObject({ attempts: m.attempts + 1 });
        expect(after.get(id)!.nextAttemptAt - m.nextAttemptAt).toBeGreaterThan(0);
      }
      for (const [id, m] of after) everQueued.set(id, m);
      before = after;
    }
    expect(s.stack.emulator.messages().every((m) => m.errcode === -1)).toBe(true);

    // Back up: sweeps at later instants send everything that waited, once.
    s.stack.emulator.clearFaults();
    const lastRetry = Math.max(...[...before.values()].map((m) => m.nextAttemptAt));
    for (const at of [lastRetry, lastRetry + 10 * MINUTE, lastRetry + 20 * MINUTE]) await sweepAt(at);

    tickets = await all();
    expect(tickets.map((t) => t.outbox)).toEqual(tickets.map(() => []));
    expect(tickets.flatMap((t) => t.pushFailures ?? [])).toEqual([]);
    const delivered = new Map<string, number>();
    for (const m of s.stack.emulator.messages().filter((r) => r.errcode === 0)) {
      const key = `${m.touser} ${m.templateId} ${m.page}`;
      delivered.set(key, (delivered.get(key) ?? 0) + 1);
    }
    expect([...delivered.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    // Every message that waited in an outbox was delivered.
    for (const m of everQueued.values()) expect(delivered.get(`${m.touser} local-${m.template} ${m.page}`)).toBe(1);
    // Each of them was paid for once, however often it was tried.
    const tasksOf = (openid: string) => [...everQueued.values()].filter((m) => m.touser === openid && m.template === 'task_assigned').length;
    expect((await credits('s-tech-wang')).task_assigned).toBe(50 - tasksOf(PLUMBER));
    expect((await credits('s-tech-zhao')).task_assigned).toBe(50 - tasksOf(CARPENTER));
    expect(tasksOf(PLUMBER) + tasksOf(CARPENTER) + tasksOf(KEEPER) + tasksOf(FRONT_DESK)).toBeGreaterThan(0);
  });
});

describe('giving up', () => {
  it('after maxAttempts failures the message leaves the outbox and is recorded as gave_up; its credit was taken once', async () => {
    s.stack.emulator.injectFault({ touser: PLUMBER, templateId: 'local-task_assigned', errcode: -1, errmsg: 'system busy' });
    const creditsBefore = (await credits('s-tech-wang')).task_assigned;
    const id = await submit();
    const pending = async () => (await stored(id)).outbox.find((m) => m.template === 'task_assigned');
    for (let m = await pending(), guard = 0; m && guard < 10; m = await pending(), guard++) await sweepAt(m.nextAttemptAt);

    expect(await pending()).toBeUndefined();
    expect(sends('task_assigned', PLUMBER, { ticketId: id, all: true })).toHaveLength(DEFAULT_POLICY.push.maxAttempts);
    expect(sends('task_assigned', PLUMBER, { ticketId: id })).toEqual([]);
    const t = await stored(id);
    expect(t.pushFailures).toEqual([expect.objectContaining({ template: 'task_assigned', reason: 'gave_up', errcode: -1, recipientName: '王师傅' })]);
    expect(t).toMatchObject({ state: 'dispatched', assignee: { name: '王师傅' } });
    expect((await staffView(id)).pushFailures).toEqual([expect.objectContaining({ text: '王师傅 · 新任务提醒未送达：多次重试失败' })]);
    expect((await credits('s-tech-wang')).task_assigned).toBe(creditsBefore - 1);
  });
});
