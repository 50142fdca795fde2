/**
 * 协办 through the real `task` function on the local stack: a complaint's housekeeper raises a
 * sub-task for another team, routed like any request to the right person in the same call; the
 * complaint lists it with its live state for staff, the owner reads only which team helps; who may
 * not raise one, and from what, is refused with nothing written.
 */
import { HOUR } from '@/core/sla/policy';
import type { Ticket } from '@/core/tickets/model';
import { LIN_UNIT, OTHER_OWNER, OWNER, PLUMBER, startTestStack, type TestStack } from './local-stack';

const KEEPER_A = 'demo-keeper-zhang'; // 1栋 and 2栋 (林先生's 1201)
const CLEANING_LEAD = 'demo-lead-sun';
const GREENING_LEAD = 'demo-lead-qian';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

const stored = async (id: string): Promise<Ticket> => (await s.db.collection('tickets').doc(id).get()).data[0] as Ticket;
const ticketCount = async () => (await s.db.collection('tickets').count()).total ?? 0;
const pushedTo = (openid: string) => s.stack.emulator.messages().filter((m) => m.touser === openid);

/** 林先生's complaint about his corridor (1栋, A区), taken by 张管家. */
const takenComplaint = async (description = '楼道垃圾三天没人清理') => {
  const { ticket } = await s.must(OWNER)('complaint.submit', {
    unitId: LIN_UNIT,
    category: 'cleaning',
    description,
    replyBy: Date.now() + 24 * HOUR,
    grantedTemplates: ['order_accepted', 'repair_done'],
  });
  return (await s.must(KEEPER_A)('task.accept', { ticketId: ticket.id })).ticket;
};

const cleaningFor = (ticketId: string) =>
  ({ ticketId, category: 'household_cleaning', area: 'public', description: '1栋1单元楼道垃圾请今天清理干净' }) as const;

/** Proves a call is refused with this code and message, and that nothing at all was written. */
const refusedUnchanged = async (ticketId: string, reply: () => Promise<unknown>, expected: { code: string; message?: string }) => {
  const [before, count] = [await stored(ticketId), await ticketCount()];
  expect(await reply()).toMatchObject({ ok: false, ...expected });
  expect(await stored(ticketId)).toEqual(before);
  expect(await ticketCount()).toBe(count);
};

describe('a sub-task (协办单)', () => {
  it('for cleaning goes to 孙组长 in the same call: the complaint’s owner and unit, its parent, pushed to him, none to the owner', async () => {
    const complaint = await takenComplaint();
    s.stack.emulator.clearMessages();
    const before = await ticketCount();
    const { ticket } = await s.must(KEEPER_A)('task.subtask', cleaningFor(complaint.id));

    expect(await ticketCount()).toBe(before + 1);
    expect(ticket).toMatchObject({ id: complaint.id, state: 'accepted', stateLabel: '处理中', version: complaint.version + 1 });
    expect(ticket.subtasks).toHaveLength(1);
    const [shown] = ticket.subtasks!;
    expect(shown).toMatchObject({ teamName: '清洁部', categoryName: '家政保洁', area: 'public', state: 'dispatched', stateLabel: '已派单', assigneeName: '孙组长', settled: false });

    const sub = await stored(shown.id);
    expect(sub).toMatchObject({
      kind: 'repair',
      state: 'dispatched',
      category: 'household_cleaning',
      team: 'cleaning',
      area: 'public',
      description: '1栋1单元楼道垃圾请今天清理干净',
      owner: { openid: OWNER, name: '林先生' },
      unit: { id: LIN_UNIT, zone: 'A区' },
      parent: { id: complaint.id, no: complaint.no },
      ownerCredits: {},
      assignee: { name: '孙组长', role: 'team_lead' },
    });
    expect(sub.history.map((h) => [h.event, h.actor.name, h.note.replace(/（.*）$/, '')])).toEqual([
      ['submit', '张管家', `协办：投诉 ${complaint.no}`],
      ['dispatch', '系统', '派给 孙组长'],
    ]);
    expect((await stored(complaint.id)).subtasks).toEqual([{ id: sub._id, no: sub.no, team: 'cleaning', category: 'household_cleaning', at: expect.any(Number) }]);
    expect(pushedTo(CLEANING_LEAD).map((m) => m.templateId)).toEqual(['local-task_assigned']);
    expect(pushedTo(OWNER)).toEqual([]);

    // 孙组长 sees it in his inbox and opens it: where it came from, whose unit.
    const inbox = await s.must(CLEANING_LEAD)('task.list', { tab: 'todo' });
    expect(inbox.tasks.map((t) => t.id)).toContain(sub._id);
    const his = await s.must(CLEANING_LEAD)('ticket.get', { ticketId: sub._id });
    expect(his.ticket).toMatchObject({ parent: { id: complaint.id, no: complaint.no }, owner: { name: '林先生' }, place: '公共区域·1栋' });
    // The complaint itself is customer service's: not his to open.
    expect(await s.as(CLEANING_LEAD)('ticket.get', { ticketId: complaint.id })).toMatchObject({ ok: false, code: 'TICKET.NOT_FOUND' });

    // Its live state on the complaint: once he takes it, 张管家 reads 已接单 by 孙组长.
    await s.must(CLEANING_LEAD)('task.accept', { ticketId: sub._id });
    const again = await s.must(KEEPER_A)('ticket.get', { ticketId: complaint.id });
    expect(again.ticket.subtasks?.map((t) => [t.no, t.stateLabel, t.assigneeName])).toEqual([[sub.no, '已接单', '孙组长']]);
  });

  it('for an engineering trade goes to the technician of that trade; for greening to 钱组长', async () => {
    const complaint = await takenComplaint('楼上卫生间渗水到我家天花');
    const { ticket } = await s.must(KEEPER_A)('task.subtask', { ticketId: complaint.id, category: 'drain', description: '1201 天花渗水，请检查楼上下水管' });
    const drain = await stored(ticket.subtasks![0].id);
    expect(drain).toMatchObject({ team: 'engineering', trade: 'plumbing_electric', area: 'home', assignee: { name: '王师傅' } });

    const greened = await s.must(KEEPER_A)('task.subtask', { ticketId: complaint.id, category: 'household_greening', area: 'public', description: '楼下绿化带树枝挡窗，请修剪' });
    expect(greened.ticket.subtasks!.map((t) => [t.teamName, t.assigneeName])).toEqual([
      ['工程部', '王师傅'],
      ['绿化部', '钱组长'],
    ]);
    expect(pushedTo(GREENING_LEAD).some((m) => m.page?.endsWith(`id=${greened.ticket.subtasks![1].id}`))).toBe(true);
  });

  it('is internal: the owner reads “已安排清洁部协助处理” on the complaint, never the sub-task, its number or its words', async () => {
    const complaint = await takenComplaint();
    const { ticket } = await s.must(KEEPER_A)('task.subtask', cleaningFor(complaint.id));
    const sub = ticket.subtasks![0];
    const note = '已联系清洁部，今天下午清理完毕';
    await s.must(KEEPER_A)('task.progress', { ticketId: complaint.id, note });

    const owners = (await s.must(OWNER)('ticket.get', { ticketId: complaint.id })).ticket;
    expect(owners.timeline.slice(-2).map((e) => [e.eventLabel, e.actorName, e.note])).toEqual([
      ['安排协办', '张管家', '已安排清洁部协助处理'],
      // A progress report is the owner's by design: these are the updates to the owner.
      ['进展汇报', '张管家', note],
    ]);
    expect(owners.subtasks).toBeUndefined();
    const seen = JSON.stringify(owners);
    expect(seen).not.toContain(sub.no);
    expect(seen).not.toContain(sub.id);
    expect(seen).not.toContain('清理干净');

    // Not in his list, and not his to open (他跟进投诉本身).
    const list = await s.must(OWNER)('ticket.list', { kind: 'all', status: 'all' });
    expect(list.tickets.map((t) => t.id)).toContain(complaint.id);
    expect(list.tickets.map((t) => t.id)).not.toContain(sub.id);
    expect(await s.as(OWNER)('ticket.get', { ticketId: sub.id })).toMatchObject({ ok: false, code: 'TICKET.NOT_FOUND' });
    expect(await s.as(OWNER)('ticket.urge', { ticketId: sub.id })).toMatchObject({ ok: false, code: 'TICKET.NOT_FOUND' });
    expect(await s.as(OTHER_OWNER)('ticket.get', { ticketId: complaint.id })).toMatchObject({ ok: false, code: 'TICKET.NOT_FOUND' });
  });

  it('is refused to a technician: not his complaint to see, and his own repair raises none', async () => {
    const complaint = await takenComplaint();
    await refusedUnchanged(complaint.id, () => s.as(PLUMBER)('task.subtask', cleaningFor(complaint.id)), { code: 'TICKET.NOT_FOUND' });

    const { ticket: repair } = await s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category: 'plumbing_electric', description: '客厅插座没电' });
    await s.must(PLUMBER)('task.accept', { ticketId: repair.id });
    await refusedUnchanged(repair.id, () => s.as(PLUMBER)('task.subtask', cleaningFor(repair.id)), {
      code: 'TICKET.ILLEGAL_TRANSITION',
      message: '只有投诉可以安排其他班组协办',
    });
  });

  it('of a sub-task is refused, to its holder and to the housekeeper: every team’s work stays listed on the complaint', async () => {
    const complaint = await takenComplaint();
    const subId = (await s.must(KEEPER_A)('task.subtask', cleaningFor(complaint.id))).ticket.subtasks![0].id;
    await s.must(CLEANING_LEAD)('task.accept', { ticketId: subId });
    const message = '协办单不能再安排协办，如需其他班组协助请联系安排协办的管家';
    for (const who of [CLEANING_LEAD, KEEPER_A]) {
      await refusedUnchanged(subId, () => s.as(who)('task.subtask', { ...cleaningFor(subId), category: 'drain' }), { code: 'TICKET.ILLEGAL_TRANSITION', message });
    }
  });

  it('raised twice at once: both are kept, each routed (the complaint’s version check retries the later one)', async () => {
    const complaint = await takenComplaint();
    const [a, b] = await Promise.all([
      s.must(KEEPER_A)('task.subtask', cleaningFor(complaint.id)),
      s.must(KEEPER_A)('task.subtask', { ticketId: complaint.id, category: 'doors_windows', area: 'public', description: '单元门闭门器坏了' }),
    ]);
    const saved = await stored(complaint.id);
    expect(saved.subtasks?.map((r) => r.team).sort()).toEqual(['cleaning', 'engineering']);
    expect(saved.version).toBe(complaint.version + 2);
    const ids = saved.subtasks!.map((r) => r.id);
    expect([...a.ticket.subtasks!, ...b.ticket.subtasks!].every((t) => ids.includes(t.id))).toBe(true);
    for (const id of ids) expect((await stored(id)).state).toBe('dispatched');
  });

  it('at most five per complaint; bad input is refused in words before anything is read', async () => {
    const complaint = await takenComplaint();
    for (let i = 0; i < 5; i++) await s.must(KEEPER_A)('task.subtask', cleaningFor(complaint.id));
    await refusedUnchanged(complaint.id, () => s.as(KEEPER_A)('task.subtask', cleaningFor(complaint.id)), {
      code: 'TICKET.ILLEGAL_TRANSITION',
      message: '每张投诉最多安排5个协办单',
    });
    await refusedUnchanged(complaint.id, () => s.as(KEEPER_A)('task.subtask', { ...cleaningFor(complaint.id), description: '  ' }), { code: 'INPUT.INVALID', message: '请填写协办内容' });
    await refusedUnchanged(complaint.id, () => s.as(KEEPER_A)('task.subtask', { ...cleaningFor(complaint.id), category: 'security' as never }), {
      code: 'INPUT.INVALID',
      message: '请选择协办类别',
    });
    await refusedUnchanged(complaint.id, () => s.as(KEEPER_A)('task.subtask', { ...cleaningFor(complaint.id), description: '清'.repeat(301) }), {
      code: 'INPUT.INVALID',
      message: '协办内容不能超过300个字',
    });
  });
});
