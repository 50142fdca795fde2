/**
 * 回访队列 and 电话回访 through the real functions: the queue of tickets waiting for their callback
 * (due 8 hours after return, overdue marked, most urgent first), a phone callback that closes or
 * reopens the ticket like the owner's own rating and says it came by phone, and calls that did
 * not reach the owner — recorded with their times; at the third the supervisor is told.
 */
import type { Ticket } from '@/core/tickets/model';
import { HOUR } from '@/core/sla/policy';
import { FRONT_DESK, KEEPER_A, LIN_UNIT, MANAGER, OWNER, PLUMBER, RESULT_PHOTO, startTestStack, SUPERVISOR, type TestStack } from './local-stack';

const LEAD = 'demo-lead-ma';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

const stored = async (id: string) => (await s.db.collection('tickets').doc(id).get()).data[0] as Ticket;

/** A repair of 林先生's, worked by 王师傅 through the real functions and returned: waiting for its callback. */
const returned = async (description = '卫生间水龙头漏水'): Promise<string> => {
  const { ticket } = await s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category: 'plumbing_electric', description });
  const tech = s.must(PLUMBER);
  await tech('task.accept', { ticketId: ticket.id });
  await tech('task.arrive', { ticketId: ticket.id });
  const done = await tech('task.finish', { ticketId: ticket.id, note: '已更换阀芯', photos: [RESULT_PHOTO] });
  expect(done.ticket.state).toBe('callback_pending');
  return ticket.id;
};

const queueIds = async (who = FRONT_DESK) => (await s.must(who)('desk.callbacks', {})).items.map((i) => i.ticket.id);

describe('回访队列', () => {
  it('lists tickets waiting for the callback with its due time (8 h after return), overdue first and marked', async () => {
    const first = await returned('第一单');
    const second = await returned('第二单');
    const queue = await s.must(FRONT_DESK)('desk.callbacks', {});
    const item = queue.items.find((i) => i.ticket.id === first)!;
    expect(item).toMatchObject({ ownerName: '林先生', ownerPhone: '13800000001', channel: 'wechat', overdue: false, attempts: [] });
    expect(item.dueAt - item.returnedAt).toBe(8 * HOUR);
    expect(item.capAt! - item.returnedAt).toBe(24 * HOUR);
    expect(queue.tellSupervisorAtAttempt).toBe(3);
    expect((await queueIds()).filter((id) => id === first || id === second)).toEqual([first, second]);

    // The second was returned 9 hours ago: its callback is overdue and comes first.
    await s.db.collection('tickets').doc(second).update({ 'clocks.callback.dueAt': Date.now() - HOUR, 'clocks.callback.startedAt': Date.now() - 9 * HOUR });
    const again = await s.must(FRONT_DESK)('desk.callbacks', {});
    expect(again.items[0]).toMatchObject({ ticket: { id: second }, overdue: true });
  });

  it('is the desk’s, housekeepers’, the supervisor’s and the manager’s; not a technician’s, a lead’s or an owner’s', async () => {
    const id = await returned();
    for (const who of [FRONT_DESK, KEEPER_A, SUPERVISOR, MANAGER]) expect(await queueIds(who)).toContain(id);
    for (const who of [PLUMBER, LEAD, OWNER]) {
      expect(await s.as(who)('desk.callbacks', {})).toEqual({
        ok: false,
        code: 'AUTH.FORBIDDEN',
        message: '只有客服前台、管家、主任和项目负责人可以查看回访队列',
      });
    }
  });
});

describe('电话回访', () => {
  it('5/5 with the owner’s words closes the ticket, as a phone callback taken down by 陈前台', async () => {
    const id = await returned();
    const { ticket } = await s.must(FRONT_DESK)('desk.recordCallback', { ticketId: id, handling: 5, staff: 5, words: '师傅很准时，修得好' });
    expect(ticket.state).toBe('closed');
    expect(ticket.rating).toMatchObject({ handling: 5, staff: 5, comment: '师傅很准时，修得好', by: 'phone', recordedByName: '陈前台' });
    const t = await stored(id);
    expect(t.rating).toMatchObject({ by: 'phone', recordedBy: { staffId: 's-desk-chen', name: '陈前台' } });
    expect(t.history.at(-1)).toMatchObject({
      event: 'rate',
      actor: { name: '陈前台' },
      to: 'closed',
      note: '电话回访（陈前台）：处理结果满意度 5 星，服务态度满意度 5 星；“师傅很准时，修得好”',
    });
    expect(await queueIds()).not.toContain(id);
    // The owner reads it on the ticket too.
    const seen = (await s.must(OWNER)('ticket.get', { ticketId: id })).ticket;
    expect(seen.rating).toMatchObject({ by: 'phone', recordedByName: '陈前台' });
  });

  it('a low rating reopens the ticket to 王师傅, like the owner’s own', async () => {
    const id = await returned();
    s.stack.emulator.clearMessages();
    const { ticket } = await s.must(FRONT_DESK)('desk.recordCallback', { ticketId: id, handling: 2, staff: 4, words: '还是有点滴水' });
    expect(ticket.state).toBe('reopened');
    expect((await stored(id)).history.at(-1)?.note).toBe('电话回访（陈前台）：处理结果满意度 2 星，服务态度满意度 4 星；“还是有点滴水”；未达满意，已退回王师傅继续处理');
    expect(s.stack.emulator.messages().map((m) => [m.touser, m.templateId])).toEqual([[PLUMBER, 'local-task_reopened']]);
  });

  it('the owner’s own rating in the app is recorded as the owner’s', async () => {
    const id = await returned();
    await s.must(OWNER)('callback.rate', { ticketId: id, handling: 5, staff: 5, comment: '' });
    expect((await stored(id)).rating).toMatchObject({ by: 'owner', recordedBy: null });
  });

  const FORBIDDEN = { ok: false, code: 'AUTH.FORBIDDEN', message: '只有客服前台、管家、主任和项目负责人可以记录电话回访' };
  it.each([
    ['the technician who did the work', PLUMBER, {}, FORBIDDEN],
    ['the engineering lead', LEAD, {}, FORBIDDEN],
    ['the owner, through the desk’s action', OWNER, {}, FORBIDDEN],
    ['a rating out of range', FRONT_DESK, { handling: 6 }, { ok: false, code: 'INPUT.INVALID', message: '处理结果满意度请选择1到5星' }],
    ['no staff rating', FRONT_DESK, { staff: undefined }, { ok: false, code: 'INPUT.INVALID', message: '请为服务态度满意度打分' }],
    ['without the owner’s words', FRONT_DESK, { words: ' ' }, { ok: false, code: 'INPUT.INVALID', message: '请填写业主原话' }],
  ])('refused for %s; the ticket is unchanged', async (_case, who, over, refusal) => {
    const id = await returned();
    const before = await stored(id);
    const reply = await s.as(who)('desk.recordCallback', { ticketId: id, handling: 5, staff: 5, words: '满意', ...over } as never);
    expect(reply).toEqual(refusal);
    expect(await stored(id)).toEqual(before);
  });

  it('refused for a ticket not waiting for a callback (still being worked, or closed already)', async () => {
    const { ticket } = await s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category: 'plumbing_electric', description: '还没修' });
    await s.must(PLUMBER)('task.accept', { ticketId: ticket.id });
    const open = await stored(ticket.id);
    const refusal = { ok: false, code: 'DESK.NOT_AWAITING_CALLBACK', message: '该工单不在待回访中，无需记录回访' };
    expect(await s.as(FRONT_DESK)('desk.recordCallback', { ticketId: ticket.id, handling: 5, staff: 5, words: '满意' })).toEqual(refusal);
    expect(await s.as(FRONT_DESK)('desk.callbackAttempt', { ticketId: ticket.id, note: '无人接听' })).toEqual(refusal);
    expect(await stored(ticket.id)).toEqual(open);

    const closedId = await returned();
    await s.must(FRONT_DESK)('desk.recordCallback', { ticketId: closedId, handling: 5, staff: 5, words: '满意' });
    expect(await s.as(FRONT_DESK)('desk.recordCallback', { ticketId: closedId, handling: 1, staff: 1, words: '改主意了' })).toEqual(refusal);
    expect((await stored(closedId)).rating).toMatchObject({ handling: 5 });
  });

  it('an unknown ticket is not found', async () => {
    expect(await s.as(FRONT_DESK)('desk.recordCallback', { ticketId: 'nope', handling: 5, staff: 5, words: '满意' })).toMatchObject({ ok: false, code: 'TICKET.NOT_FOUND' });
  });
});

describe('未能联系上业主', () => {
  it('each call is recorded with its time; the ticket keeps waiting; at the third the supervisor is told, once', async () => {
    const id = await returned();
    s.stack.emulator.clearMessages();
    const desk = s.must(FRONT_DESK);
    const first = await desk('desk.callbackAttempt', { ticketId: id, note: '无人接听' });
    expect(first.ticket.state).toBe('callback_pending');
    expect(first.ticket.callbackAttempts).toEqual([{ at: expect.any(Number), note: '无人接听', byName: '陈前台' }]);
    await s.must(KEEPER_A)('desk.callbackAttempt', { ticketId: id, note: '关机' });
    expect(s.stack.emulator.messages()).toEqual([]);

    const item = (await s.must(FRONT_DESK)('desk.callbacks', {})).items.find((i) => i.ticket.id === id)!;
    expect(item.attempts.map((a) => [a.note, a.byName])).toEqual([['无人接听', '陈前台'], ['关机', '张管家']]);
    expect(item.attempts[0].at).toBeLessThanOrEqual(item.attempts[1].at);

    await desk('desk.callbackAttempt', { ticketId: id, note: '无人接听' });
    const told = s.stack.emulator.messages();
    expect(told.map((m) => [m.touser, m.templateId, (m.data.thing3 as { value: string }).value])).toEqual([[SUPERVISOR, 'local-sla_escalation', '3次回访未联系上业主']]);
    const t = await stored(id);
    expect(t.history.slice(-3).map((h) => [h.event, h.actor.name, h.note])).toEqual([
      ['callback_attempt', '陈前台', '第1次未联系上业主：无人接听'],
      ['callback_attempt', '张管家', '第2次未联系上业主：关机'],
      ['callback_attempt', '陈前台', '第3次未联系上业主：无人接听；已告知周主任'],
    ]);

    s.stack.emulator.clearMessages();
    await desk('desk.callbackAttempt', { ticketId: id, note: '无人接听' });
    expect(s.stack.emulator.messages()).toEqual([]);
    // Reached at last: the callback closes it as any other.
    expect((await desk('desk.recordCallback', { ticketId: id, handling: 4, staff: 5, words: '白天上班没接到' })).ticket.state).toBe('closed');
  });

  it('refused without saying what happened, and for a technician; nothing changes', async () => {
    const id = await returned();
    const before = await stored(id);
    expect(await s.as(FRONT_DESK)('desk.callbackAttempt', { ticketId: id, note: '' })).toEqual({ ok: false, code: 'INPUT.INVALID', message: '请填写未联系上的情况' });
    expect(await s.as(PLUMBER)('desk.callbackAttempt', { ticketId: id, note: '无人接听' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await stored(id)).toEqual(before);
  });
});
