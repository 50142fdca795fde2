/**
 * Races on the real stack (issue 9): many people pressing the same button at once, a rating
 * meeting the desk's callback, and sweeps overlapping each other and a person's step. Each race
 * must leave one legal outcome: one winner, the others refused with a clear code, the trail,
 * workloads and messages counted once. (Two-way accepts and the use-case sweeps are in
 * concurrency.test.ts and sweep.test.ts.)
 */
import { HOUR, MINUTE } from '@/core/sla/policy';
import type { Ticket } from '@/core/tickets/model';
import { DEMO_STAFF } from '@/local/demo-data';
import { ALL_OWNER_TEMPLATES, FRONT_DESK, LIN_UNIT, MANAGER, OWNER, PLUMBER, RESULT_PHOTO, startTestStack, SUPERVISOR, type TestStack } from './local-stack';

const LEAD = 'demo-lead-ma';
/** 18 more on-duty plumbers: with 王师傅 and 马组长, twenty people may take a plumbing task. */
const EXTRA_PLUMBERS = Array.from({ length: 18 }, (_, i) => `demo-tech-x${String(i + 1).padStart(2, '0')}`);
const TAKERS = [PLUMBER, LEAD, ...EXTRA_PLUMBERS];

const plenty = { task_assigned: 500, task_reopened: 500, order_accepted: 500, ticket_cancelled: 500, task_urged: 500, sla_reminder: 500, sla_escalation: 500, dispatch_help: 500 };

/** A fresh stack where every active staff member has credits for any number of pushes. */
const freshStack = async (): Promise<TestStack> => {
  const s = await startTestStack();
  const wang = DEMO_STAFF.find((m) => m.openid === PLUMBER)!;
  for (const [i, openid] of EXTRA_PLUMBERS.entries()) {
    await s.db.collection('staff').add({ ...wang, _id: `s-tech-x${i + 1}`, openid, name: `加${i + 1}师傅`, phone: `139100000${String(i + 10)}` });
  }
  await s.db.collection('staff').where({ active: true }).update({ credits: plenty });
  return s;
};

const stored = async (s: TestStack, id: string): Promise<Ticket> => (await s.db.collection('tickets').doc(id).get()).data[0] as Ticket;
const entries = (t: Ticket, event: string) => t.history.filter((h) => h.event === event);

/** Successful pushes of a template for a ticket, as the emulator recorded them. */
const pushed = (s: TestStack, template: string, ticketId: string, touser?: string) =>
  s.stack.emulator
    .messages()
    .filter((m) => m.errcode === 0 && m.templateId === `local-${template}` && m.page?.endsWith(`id=${ticketId}`) && (!touser || m.touser === touser));

/** No message went out twice: every successful (recipient, template, page) is unique. */
const expectNoMessageTwice = (s: TestStack) => {
  const sent = s.stack.emulator
    .messages()
    .filter((m) => m.errcode === 0)
    .map((m) => `${m.touser} ${m.templateId} ${m.page}`);
  expect(sent.filter((k, i) => sent.indexOf(k) !== i)).toEqual([]);
};

const openTasks = async (s: TestStack): Promise<Record<string, number>> => {
  const res = await s.db.collection('staff').where({ team: 'engineering' }).limit(100).get();
  return Object.fromEntries((res.data as { _id: string; openTasks: number }[]).map((m) => [m._id, m.openTasks]));
};

const submitRepair = async (s: TestStack, description: string) =>
  (await s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category: 'plumbing_electric', description, urgent: false, grantedTemplates: [...ALL_OWNER_TEMPLATES] })).ticket.id;

describe('twenty people accept one task at once', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await freshStack();
  });
  afterAll(() => s.close());

  /** 20 concurrent accepts: exactly one winner, nineteen told it is taken; everything counted once. */
  const race = async (id: string, stepsOfTheWin: string[]) => {
    const before = await stored(s, id);
    const replies = await Promise.all(TAKERS.map((openid) => s.as(openid)('task.accept', { ticketId: id })));
    const winners = TAKERS.filter((_, i) => replies[i].ok);
    expect(winners).toHaveLength(1);
    expect(replies.filter((r) => !r.ok)).toEqual(Array(19).fill({ ok: false, code: 'TICKET.ALREADY_TAKEN', message: '该任务已被其他同事接单' }));

    const t = await stored(s, id);
    const winner = DEMO_STAFF.find((m) => m.openid === winners[0])?._id ?? `s-tech-x${EXTRA_PLUMBERS.indexOf(winners[0]) + 1}`;
    expect(t).toMatchObject({ state: 'accepted', assignee: { staffId: winner, openid: winners[0] } });
    // One step (or the pool's dispatch + accept): the version moved once per event, one entry each.
    expect(t.version).toBe(before.version + stepsOfTheWin.length);
    expect(t.history.slice(before.history.length).map((h) => h.event)).toEqual(stepsOfTheWin);
    expect(entries(t, 'accept')).toEqual([expect.objectContaining({ actor: expect.objectContaining({ name: t.assignee!.name }) })]);
    // The owner hears of it once.
    expect(pushed(s, 'order_accepted', id, OWNER)).toHaveLength(1);
    expectNoMessageTwice(s);
    return winner;
  };

  it('a dispatched task: one winner; the workloads move once (to the winner, off whoever it was dispatched to)', async () => {
    const id = await submitRepair(s, '厨房水龙头漏水');
    const dispatched = await stored(s, id);
    expect(dispatched.state).toBe('dispatched');
    const before = await openTasks(s);
    const winner = await race(id, ['accept']);
    const after = await openTasks(s);
    const expected = { ...before };
    expected[dispatched.assignee!.staffId] -= 1;
    expected[winner] += 1;
    expect(after).toEqual(expected);
  });

  it('a task in the shared pool (nobody was on duty at submit): one winner, dispatched and accepted once', async () => {
    await s.db.collection('staff').where({ team: 'engineering' }).update({ active: false });
    const id = await submitRepair(s, '卫生间下水道堵塞');
    await s.db.collection('staff').where({ team: 'engineering' }).update({ active: true });
    expect((await stored(s, id)).state).toBe('submitted');
    const before = await openTasks(s);
    const winner = await race(id, ['dispatch', 'accept']);
    expect(await openTasks(s)).toEqual({ ...before, [winner]: before[winner] + 1 });
  });
});

describe('a rating during a reopen', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await freshStack();
  });
  afterAll(() => s.close());

  /** A repair worked by 王师傅 and returned: waiting for its callback. */
  const returned = async (description: string) => {
    const id = await submitRepair(s, description);
    const tech = s.must((await stored(s, id)).assignee!.openid);
    await tech('task.accept', { ticketId: id });
    await tech('task.arrive', { ticketId: id });
    await tech('task.finish', { ticketId: id, note: '已处理', photos: [RESULT_PHOTO] });
    expect((await stored(s, id)).state).toBe('callback_pending');
    return id;
  };

  it.each([0, 1, 2, 3, 4, 5])('round %i: the owner rates 1 star (返修) while the desk records 5 stars: one of the two applies', async (round) => {
    const id = await returned(`第${round}轮 阳台地漏返水`);
    const [owner, desk] = await Promise.all([
      s.as(OWNER)('callback.rate', { ticketId: id, handling: 1, staff: 2, comment: '还是漏' }),
      s.as(FRONT_DESK)('desk.recordCallback', { ticketId: id, handling: 5, staff: 5, words: '修好了，很满意' }),
    ]);
    expect([owner.ok, desk.ok].filter(Boolean)).toHaveLength(1);
    const t = await stored(s, id);
    expect(entries(t, 'rate')).toHaveLength(1);
    if (owner.ok) {
      expect(desk).toEqual({ ok: false, code: 'DESK.NOT_AWAITING_CALLBACK', message: '该工单不在待回访中，无需记录回访' });
      expect(t).toMatchObject({ state: 'reopened', reopenCount: 1, rating: { handling: 1, staff: 2, comment: '还是漏' } });
      expect(pushed(s, 'task_reopened', id, t.assignee!.openid)).toHaveLength(1);
    } else {
      expect(owner).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION', message: '工单当前状态不能进行此操作' });
      expect(t).toMatchObject({ state: 'closed', reopenCount: 0, rating: { handling: 5, staff: 5, comment: '修好了，很满意' } });
      expect(pushed(s, 'task_reopened', id)).toHaveLength(0);
    }
    expectNoMessageTwice(s);
  });

  it('a double tap of a 1-star rating reopens once; the reopened task worked again meets a second race consistently', async () => {
    const id = await returned('热水器不出热水');
    const taps = await Promise.all([1, 2].map(() => s.as(OWNER)('callback.rate', { ticketId: id, handling: 1, staff: 1, comment: '没修好' })));
    expect(taps.filter((r) => r.ok)).toHaveLength(1);
    expect(taps.find((r) => !r.ok)).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION', message: '工单当前状态不能进行此操作' });
    let t = await stored(s, id);
    expect(t).toMatchObject({ state: 'reopened', reopenCount: 1 });
    expect(pushed(s, 'task_reopened', id)).toHaveLength(1);

    // 返修: the same handler acknowledges and goes again, returns; a second rating race.
    const tech = s.must(t.assignee!.openid);
    await tech('task.accept', { ticketId: id });
    await tech('task.arrive', { ticketId: id });
    await tech('task.finish', { ticketId: id, note: '更换热水器温控阀', photos: [RESULT_PHOTO] });
    const [owner, desk] = await Promise.all([
      s.as(OWNER)('callback.rate', { ticketId: id, handling: 5, staff: 5, comment: '' }),
      s.as(FRONT_DESK)('desk.recordCallback', { ticketId: id, handling: 2, staff: 3, words: '还有点问题' }),
    ]);
    expect([owner.ok, desk.ok].filter(Boolean)).toHaveLength(1);
    t = await stored(s, id);
    expect(entries(t, 'rate')).toHaveLength(2);
    expect(t.reopenCount).toBe(owner.ok ? 1 : 2);
    expect(t.state).toBe(owner.ok ? 'closed' : 'reopened');
    expect(pushed(s, 'task_reopened', id)).toHaveLength(owner.ok ? 1 : 2);
    // The trail reads as the story: each step from the state the previous one left.
    for (let i = 1; i < t.history.length; i++) expect(t.history[i].from).toBe(t.history[i - 1].to);
  });

  it.each([0, 1, 2, 3])('round %i: a missed call (未联系上) racing the owner’s 1-star rating is applied before it or refused, never lost', async (round) => {
    const id = await returned(`第${round}轮 客厅插座没电`);
    const [rate, attempt] = await Promise.all([
      s.as(OWNER)('callback.rate', { ticketId: id, handling: 1, staff: 3, comment: '' }),
      s.as(FRONT_DESK)('desk.callbackAttempt', { ticketId: id, note: '电话无人接听' }),
    ]);
    expect(rate.ok).toBe(true);
    const t = await stored(s, id);
    expect(t).toMatchObject({ state: 'reopened', reopenCount: 1 });
    const events = t.history.map((h) => h.event);
    if (attempt.ok) {
      // Applied first, on the ticket still waiting for its callback; the rating followed on top.
      expect(events.slice(-2)).toEqual(['callback_attempt', 'rate']);
    } else {
      expect(attempt).toEqual({ ok: false, code: 'DESK.NOT_AWAITING_CALLBACK', message: '该工单不在待回访中，无需记录回访' });
      expect(events).not.toContain('callback_attempt');
    }
    expect(pushed(s, 'task_reopened', id)).toHaveLength(1);
  });
});

describe('sweeps at once', () => {
  let s: TestStack;
  beforeEach(async () => {
    s = await freshStack();
  });
  afterEach(() => s.close());

  const timerEvent = () => ({ Type: 'Timer', TriggerName: 'everyMinute', Time: new Date().toISOString(), Message: '' });
  const timer = () => s.post('sweep', timerEvent());

  /** Moves a stored ticket's clocks and due time `ms` into the past, as if submitted that much earlier. */
  const backdate = async (id: string, ms: number) => {
    const t = await stored(s, id);
    const clocks = Object.fromEntries(
      Object.entries(t.clocks).map(([name, c]) => [name, Object.fromEntries(Object.entries(c!).map(([k, v]) => [k, typeof v === 'number' ? v - ms : v]))]),
    );
    await s.db.collection('tickets').doc(id).update({ clocks: s.db.command.set(clocks), nextDueAt: t.nextDueAt === null ? null : t.nextDueAt - ms });
  };

  /** A ticket whose failed new-task push is due for its retry now. */
  const retryDue = async (description: string) => {
    s.stack.emulator.injectFault({ touser: PLUMBER, templateId: 'local-task_assigned', errcode: -1, times: 1 });
    const id = await submitRepair(s, description);
    const t = await stored(s, id);
    expect(t.outbox).toEqual([expect.objectContaining({ template: 'task_assigned', attempts: 1 })]);
    const due = Date.now() - 1000;
    await s.db.collection('tickets').doc(id).update({ outbox: s.db.command.set([{ ...t.outbox[0], nextAttemptAt: due }]), nextDueAt: due });
    return id;
  };

  it('four timer runs at once: each escalation, retry and routing happens once, and no message goes twice', async () => {
    // Only 王师傅 takes plumbing here, so every retry is his.
    await s.db.collection('staff').where({ openid: s.db.command.in(EXTRA_PLUMBERS) }).update({ active: false });
    const late = [await submitRepair(s, '一号 楼道漏水'), await submitRepair(s, '二号 水管爆裂'), await submitRepair(s, '三号 电闸跳闸')];
    // 2 h past the on-site deadline: the supervisor's and the manager's rungs are both due.
    for (const id of late) await backdate(id, 2 * HOUR + 20 * MINUTE);
    const retries = [await retryDue('四号 水龙头漏水'), await retryDue('五号 马桶漏水')];
    await s.db.collection('staff').where({ team: 'engineering' }).update({ active: false });
    const pool = await submitRepair(s, '六号 无人值班时报修');
    await s.db.collection('staff').where({ team: 'engineering' }).update({ active: true });
    await s.db.collection('staff').where({ openid: s.db.command.in(EXTRA_PLUMBERS) }).update({ active: false });
    await s.db.collection('tickets').doc(pool).update({ nextDueAt: Date.now() - 1000 });
    const before = await openTasks(s);

    const replies = await Promise.all([1, 2, 3, 4].map(() => timer()));
    const reports = replies.map((r) => {
      if (!r.ok) throw new Error(`sweep: ${r.code}`);
      return r.data as Record<string, number>;
    });
    const total = (key: string) => reports.reduce((n, r) => n + r[key], 0);
    expect(reports.map((r) => r.failed)).toEqual([0, 0, 0, 0]);
    expect(total('escalated')).toBe(late.length * 2);
    expect(total('retried')).toBe(retries.length);
    expect(total('routed')).toBe(1);
    expect(total('reminded')).toBe(0);

    for (const id of late) {
      const t = await stored(s, id);
      expect(entries(t, 'escalate').map((e) => e.note)).toEqual([expect.stringContaining('周主任'), expect.stringContaining('吴经理')]);
      expect(t.clocks.onSite!.escalations).toBe(2);
      expect(pushed(s, 'sla_escalation', id, SUPERVISOR)).toHaveLength(1);
      expect(pushed(s, 'sla_escalation', id, MANAGER)).toHaveLength(1);
    }
    for (const id of retries) {
      expect(pushed(s, 'task_assigned', id, PLUMBER)).toHaveLength(1);
      expect((await stored(s, id)).outbox).toEqual([]);
    }
    const routed = await stored(s, pool);
    expect(routed).toMatchObject({ state: 'dispatched', assignee: expect.objectContaining({ openid: expect.any(String) }) });
    expect(entries(routed, 'dispatch')).toHaveLength(1);
    expect(pushed(s, 'task_assigned', pool)).toHaveLength(1);
    expect(await openTasks(s)).toEqual({ ...before, [routed.assignee!.staffId]: before[routed.assignee!.staffId] + 1 });
    expectNoMessageTwice(s);

    // Nothing is left due: the next runs find nothing to do.
    const again = await timer();
    expect(again).toMatchObject({ ok: true, data: { reminded: 0, escalated: 0, retried: 0, routed: 0, failed: 0 } });
  });

  it.each([0, 1, 2])('round %i: two sweeps escalating a task while its handler accepts it: both the breach and the accept are kept', async () => {
    const id = await submitRepair(s, '厨房水槽堵塞');
    await backdate(id, 20 * MINUTE); // just past the on-site deadline: the supervisor's rung is due
    const handler = (await stored(s, id)).assignee!.openid;
    const [a, b, accept] = await Promise.all([timer(), timer(), s.as(handler)('task.accept', { ticketId: id })]);
    expect(accept).toMatchObject({ ok: true, data: { ticket: { state: 'accepted' } } });
    expect([a, b].every((r) => r.ok)).toBe(true);
    const t = await stored(s, id);
    expect(t.state).toBe('accepted');
    expect(entries(t, 'accept')).toHaveLength(1);
    expect(entries(t, 'escalate')).toHaveLength(1);
    expect(pushed(s, 'sla_escalation', id, SUPERVISOR)).toHaveLength(1);
    expect(pushed(s, 'order_accepted', id, OWNER)).toHaveLength(1);
    expectNoMessageTwice(s);
  });
});
