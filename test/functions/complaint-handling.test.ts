/**
 * Handling a complaint (004 二, 003 #19) on the local stack, role × zone × action: only the
 * housekeeper of the unit's zone takes it, reports progress, raises sub-tasks and marks it handled;
 * the front desk, the supervisor and the manager follow it without acting as its handler; the
 * other zone's housekeeper, other teams and other owners are refused, with nothing written. Then
 * 处理完毕: its result in words, and its sub-tasks done or the housekeeper's confirmation.
 */
import { HOUR } from '@/core/sla/policy';
import type { Ticket } from '@/core/tickets/model';
import { FRONT_DESK, LIN_UNIT, MANAGER, OTHER_OWNER, OWNER, PLUMBER, startTestStack, SUPERVISOR, type TestStack } from './local-stack';

const KEEPER_A = 'demo-keeper-zhang'; // A区: 1栋 and 2栋, 林先生's 1201
const KEEPER_B = 'demo-keeper-li'; // B区
const ENGINEERING_LEAD = 'demo-lead-ma';
const CLEANING_LEAD = 'demo-lead-sun';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

const stored = async (id: string): Promise<Ticket> => (await s.db.collection('tickets').doc(id).get()).data[0] as Ticket;
const ticketCount = async () => (await s.db.collection('tickets').count()).total ?? 0;

const submitComplaint = async (description = '保洁员态度很差，还把垃圾放在我家门口') =>
  (
    await s.must(OWNER)('complaint.submit', {
      unitId: LIN_UNIT,
      category: 'service',
      description,
      replyBy: Date.now() + 24 * HOUR,
      grantedTemplates: ['order_accepted', 'repair_done'],
    })
  ).ticket;

const takenComplaint = async (description?: string) => {
  const c = await submitComplaint(description);
  return (await s.must(KEEPER_A)('task.accept', { ticketId: c.id })).ticket;
};

/** Calls as `openid` and answers the error code, after checking that nothing at all was written. */
const refusal = async (ticketId: string, call: () => Promise<{ ok: boolean; code?: string; message?: string }>) => {
  const [before, count] = [await stored(ticketId), await ticketCount()];
  const reply = await call();
  expect(await stored(ticketId)).toEqual(before);
  expect(await ticketCount()).toBe(count);
  if (reply.ok) return 'ok';
  expect(reply.message).toMatch(/[\u4e00-\u9fa5]/);
  return reply.code;
};

/**
 * Who is refused what, and how: staff who follow complaints (desk, supervisor, manager) are told
 * they may not; other teams and other owners are told it does not exist. The other zone's
 * housekeeper is refused either way (today housekeepers may look at every request: forbidden).
 */
const REFUSED: [string, string, RegExp][] = [
  ['李管家 (B区)', KEEPER_B, /^(AUTH\.FORBIDDEN|TICKET\.NOT_FOUND)$/],
  ['陈前台', FRONT_DESK, /^AUTH\.FORBIDDEN$/],
  ['周主任', SUPERVISOR, /^AUTH\.FORBIDDEN$/],
  ['吴经理', MANAGER, /^AUTH\.FORBIDDEN$/],
  ['王师傅', PLUMBER, /^TICKET\.NOT_FOUND$/],
  ['马组长 (工程)', ENGINEERING_LEAD, /^TICKET\.NOT_FOUND$/],
  ['孙组长 (清洁)', CLEANING_LEAD, /^TICKET\.NOT_FOUND$/],
  ['林先生 (业主)', OWNER, /^AUTH\.FORBIDDEN$/],
  ['黄女士 (别的业主)', OTHER_OWNER, /^TICKET\.NOT_FOUND$/],
];

describe('who handles a complaint of A区 (role × zone × action)', () => {
  it('受理 and 拒单: only 张管家, the housekeeper of the unit’s zone', async () => {
    const c = await submitComplaint();
    expect(await s.handlerOf(c.id)).toBe('张管家');
    for (const [who, openid, code] of REFUSED) {
      expect([who, await refusal(c.id, () => s.as(openid)('task.accept', { ticketId: c.id }))]).toEqual([who, expect.stringMatching(code)]);
      expect([who, await refusal(c.id, () => s.as(openid)('task.decline', { ticketId: c.id, reason: '不归我管' }))]).toEqual([who, expect.stringMatching(code)]);
    }
    expect((await s.must(KEEPER_A)('task.accept', { ticketId: c.id })).ticket.stateLabel).toBe('处理中');
  });

  const ACTIONS: [string, (openid: string, ticketId: string) => Promise<{ ok: boolean; code?: string; message?: string }>][] = [
    ['进展汇报 (task.progress)', (openid, ticketId) => s.as(openid)('task.progress', { ticketId, note: '已与保洁主管沟通' })],
    ['安排协办 (task.subtask)', (openid, ticketId) => s.as(openid)('task.subtask', { ticketId, category: 'household_cleaning', description: '请清理门口垃圾' })],
    ['处理完毕 (task.finish)', (openid, ticketId) => s.as(openid)('task.finish', { ticketId, note: '已处理', confirmOpenSubtasks: true })],
  ];

  it.each(ACTIONS)('%s: only 张管家 once he has taken it; everyone else refused, nothing written', async (_name, act) => {
    const c = await takenComplaint();
    for (const [who, openid, code] of REFUSED) {
      expect([who, await refusal(c.id, () => act(openid, c.id))]).toEqual([who, expect.stringMatching(code)]);
    }
  });

  it('the desk, the supervisor and the manager follow it: they read it, but are offered none of the handler’s steps', async () => {
    const c = await takenComplaint();
    await s.must(KEEPER_A)('task.subtask', { ticketId: c.id, category: 'household_cleaning', description: '请清理门口垃圾' });
    for (const openid of [FRONT_DESK, SUPERVISOR, MANAGER]) {
      const { ticket } = await s.must(openid)('ticket.get', { ticketId: c.id });
      expect(ticket.subtasks?.map((t) => t.teamName)).toEqual(['清洁部']);
      expect(ticket.actions.filter((a) => ['accept', 'progress', 'subtask', 'finish', 'decline'].includes(a))).toEqual([]);
    }
    const keeper = (await s.must(KEEPER_A)('ticket.get', { ticketId: c.id })).ticket;
    expect(keeper.actions).toEqual(expect.arrayContaining(['progress', 'subtask', 'finish']));
  });

  it('the other zone’s housekeeper may not act for the desk on it either: no pause, no withdrawal', async () => {
    const c = await takenComplaint();
    expect(await refusal(c.id, () => s.as(KEEPER_B)('task.pause', { ticketId: c.id, reason: '业主不在家' }))).toMatch(/^(AUTH\.FORBIDDEN|TICKET\.NOT_FOUND)$/);
    expect(await refusal(c.id, () => s.as(KEEPER_B)('ticket.cancel', { ticketId: c.id, reason: '重复提交' }))).toMatch(/^(AUTH\.FORBIDDEN|TICKET\.NOT_FOUND)$/);
    // The front desk may act for the desk (here: the clocks wait while the owner is away).
    expect((await s.must(FRONT_DESK)('task.pause', { ticketId: c.id, reason: '业主要求改约' })).ticket.deadlines.some((d) => d.pausedAt !== null)).toBe(true);
  });
});

describe('进展汇报 (every 4 hours while it is open)', () => {
  it('restarts the 4-hour clock; each report is in the owner’s timeline, without a push to him', async () => {
    const c = await takenComplaint();
    s.stack.emulator.clearMessages();
    const first = await s.must(KEEPER_A)('task.progress', { ticketId: c.id, note: '已约保洁主管今天下午上门致歉' });
    const due = first.ticket.deadlines.find((d) => d.clock === 'progress')!;
    expect(due.dueAt).toBeGreaterThan(Date.now() + 4 * HOUR - 60_000);
    expect(due.dueAt).toBeLessThanOrEqual(Date.now() + 4 * HOUR);
    await s.must(KEEPER_A)('task.progress', { ticketId: c.id, note: '保洁主管已上门致歉，门口垃圾已清走' });

    const owners = (await s.must(OWNER)('ticket.get', { ticketId: c.id })).ticket;
    expect(owners.timeline.filter((e) => e.event === 'progress').map((e) => [e.eventLabel, e.actorName, e.note])).toEqual([
      ['进展汇报', '张管家', '已约保洁主管今天下午上门致歉'],
      ['进展汇报', '张管家', '保洁主管已上门致歉，门口垃圾已清走'],
    ]);
    expect(owners.deadlines).toEqual([]);
    expect(s.stack.emulator.messages().filter((m) => m.touser === OWNER)).toEqual([]);
  });

  it('refuses an empty report in words, nothing written', async () => {
    const c = await takenComplaint();
    const reply = await s.as(KEEPER_A)('task.progress', { ticketId: c.id, note: '   ' });
    expect(reply).toMatchObject({ ok: false, code: 'INPUT.INVALID', message: '请填写进展情况' });
    expect((await stored(c.id)).version).toBe(c.version);
  });
});

describe('处理完毕', () => {
  it('needs the result in words (处理结果), checked by the server too', async () => {
    const c = await takenComplaint();
    expect(await refusal(c.id, () => s.as(KEEPER_A)('task.finish', { ticketId: c.id, note: '  ' }))).toBe('TICKET.RESULT_REQUIRED');
  });

  it('with a sub-task still open: refused naming it, unless 张管家 confirms; the owner reads the result, the sub-task goes on', async () => {
    const c = await takenComplaint();
    const sub = (await s.must(KEEPER_A)('task.subtask', { ticketId: c.id, category: 'household_cleaning', area: 'public', description: '请清理1201门口垃圾' })).ticket.subtasks![0];
    await s.must(CLEANING_LEAD)('task.accept', { ticketId: sub.id });

    const result = '已向业主致歉，保洁员已调岗，门口垃圾已清理';
    const before = await stored(c.id);
    const refused = await s.as(KEEPER_A)('task.finish', { ticketId: c.id, note: result });
    expect(refused).toEqual({ ok: false, code: 'TICKET.SUBTASKS_OPEN', message: `还有1个协办单未完成：${sub.no}（清洁部·已接单）。请等协办完成，或确认仍要处理完毕` });
    expect(await stored(c.id)).toEqual(before);
    // Someone who may not finish it learns nothing about its sub-tasks this way.
    expect(await s.as(KEEPER_B)('task.finish', { ticketId: c.id, note: result })).toMatchObject({ ok: false, code: expect.stringMatching(/^(AUTH\.FORBIDDEN|TICKET\.NOT_FOUND)$/) });

    const done = await s.must(KEEPER_A)('task.finish', { ticketId: c.id, note: result, confirmOpenSubtasks: true });
    expect(done.ticket).toMatchObject({ state: 'callback_pending', stateLabel: '待评价' });
    expect(done.ticket.subtasks?.map((t) => [t.no, t.stateLabel, t.settled])).toEqual([[sub.no, '已接单', false]]);
    expect((await stored(sub.id)).state).toBe('accepted');

    const owners = (await s.must(OWNER)('ticket.get', { ticketId: c.id })).ticket;
    expect(owners.timeline.filter((e) => e.event === 'finish').map((e) => [e.eventLabel, e.note])).toEqual([['处理完毕', result]]);
    expect(JSON.stringify(owners)).not.toContain(sub.no);
  });

  it('once its sub-tasks are over (here: cancelled by the desk), without any confirmation', async () => {
    const c = await takenComplaint();
    const sub = (await s.must(KEEPER_A)('task.subtask', { ticketId: c.id, category: 'doors_windows', description: '门锁被撬，请检查' })).ticket.subtasks![0];
    await s.must(FRONT_DESK)('ticket.cancel', { ticketId: sub.id, reason: '业主已自行更换门锁' });
    const done = await s.must(KEEPER_A)('task.finish', { ticketId: c.id, note: '业主已自行换锁，已加强夜间巡逻' });
    expect(done.ticket.state).toBe('callback_pending');
    expect(done.ticket.subtasks?.map((t) => [t.stateLabel, t.settled])).toEqual([['已取消', true]]);
  });
});
