/** 拒单 through the real stack: the next person who can take it gets it; the decliner never again. */
import { DEMO_STAFF } from '@/local/demo-data';
import { ALL_OWNER_TEMPLATES, LIN_UNIT, OWNER, PLUMBER, startTestStack, type TestStack } from './local-stack';

const SECOND_PLUMBER = 'demo-tech-sun';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
  // A second plumber on the round-the-clock shift, with more open work than 王师傅 (so 王师傅 comes first).
  const wang = DEMO_STAFF.find((m) => m._id === 's-tech-wang')!;
  await s.db.collection('staff').add({ ...wang, _id: 's-tech-sun', openid: SECOND_PLUMBER, name: '孙师傅', phone: '13900000009', openTasks: 3 });
});
afterAll(() => s.close());

const submit = async (description: string) =>
  (await s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category: 'plumbing_electric', description, grantedTemplates: [...ALL_OWNER_TEMPLATES] })).ticket;

describe('decline (拒单)', () => {
  it('goes to the next plumber at once, with the reason in the trail; the decliner cannot take it back', async () => {
    const ticket = await submit('卫生间漏水');
    expect(await s.handlerOf(ticket.id)).toBe('王师傅');
    s.stack.emulator.clearMessages();

    const declined = await s.must(PLUMBER)('task.decline', { ticketId: ticket.id, reason: '手上有急修，赶不过去' });
    expect(declined.ticket.state).toBe('dispatched');
    expect(await s.handlerOf(ticket.id)).toBe('孙师傅');
    expect(declined.ticket.timeline.slice(-2).map((e) => [e.eventLabel, e.note.split('（')[0]])).toEqual([
      ['拒单', '手上有急修，赶不过去'],
      ['派单', '派给 孙师傅'],
    ]);
    expect(s.stack.emulator.messages().filter((m) => m.touser === SECOND_PLUMBER).map((m) => m.templateId)).toEqual(['local-task_assigned']);
    // 王师傅 no longer holds it and may not take it back.
    expect(await s.as(PLUMBER)('task.accept', { ticketId: ticket.id })).toMatchObject({ ok: false });
    const wang = (await s.db.collection('staff').doc('s-tech-wang').get()).data[0] as { openTasks: number };
    expect(wang.openTasks).toBe(0);
  });

  it('when everyone who could take it declined, it waits in 待派单 (the sweep tells the supervisor)', async () => {
    const ticket = await submit('厨房插座冒火花');
    await s.must(PLUMBER)('task.decline', { ticketId: ticket.id, reason: '不在小区' });
    const second = await s.must(SECOND_PLUMBER)('task.decline', { ticketId: ticket.id, reason: '今天休息' });
    expect(second.ticket.state).toBe('submitted');
    expect(await s.handlerOf(ticket.id)).toBeNull();
  });

  it('needs a reason, and only the assignee may decline', async () => {
    const ticket = await submit('水管异响');
    const before = (await s.must(PLUMBER)('ticket.get', { ticketId: ticket.id })).ticket.version;
    expect(await s.as(PLUMBER)('task.decline', { ticketId: ticket.id, reason: '' })).toMatchObject({ ok: false, message: '请填写拒单原因' });
    expect(await s.as(SECOND_PLUMBER)('task.decline', { ticketId: ticket.id, reason: '不想去' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await s.as(OWNER)('task.decline', { ticketId: ticket.id, reason: '不想去' })).toMatchObject({ ok: false });
    expect((await s.must(PLUMBER)('ticket.get', { ticketId: ticket.id })).ticket.version).toBe(before);
  });
});
