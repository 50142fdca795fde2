/**
 * Idempotency of create actions on the real stack: the client makes a request id once per
 * submission and sends it with every retry; however many tries arrive, and however they overlap,
 * one record is made, one push goes out, and every try answers with that record.
 */
import type { ActionInput } from '@/core/contract/actions';
import type { Ticket } from '@/core/tickets/model';
import { FRONT_DESK, HUANG_UNIT, KEEPER_A, LIN_UNIT, OTHER_OWNER, OWNER, PLUMBER, startTestStack, type TestStack } from './local-stack';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());
beforeEach(() => s.stack.emulator.clearMessages());

const CLEANING_LEAD = 'demo-lead-sun';

const ticketsOf = async (query: object): Promise<Ticket[]> => (await s.db.collection('tickets').where(query).limit(1000).get()).data as Ticket[];
const pushedTo = (openid: string) => s.stack.emulator.messages().filter((m) => m.touser === openid);
let seq = 0;
const newRequestId = () => `req-${Date.now().toString(36)}-${++seq}-abcdef`;

const repair = (requestId?: string): ActionInput<'repair.submit'> => ({
  unitId: LIN_UNIT,
  category: 'plumbing_electric',
  description: '重试测试：卫生间水管渗水',
  grantedTemplates: ['order_accepted'],
  ...(requestId ? { requestId } : {}),
});

describe('an owner’s submission retried', () => {
  it('10 concurrent tries of one 报修 make exactly one ticket, pushed once; every try answers with it', async () => {
    const requestId = newRequestId();
    const replies = await Promise.all(Array.from({ length: 10 }, () => s.as(OWNER)('repair.submit', repair(requestId))));

    expect(replies.every((r) => r.ok)).toBe(true);
    const ids = new Set(replies.map((r) => (r.ok ? r.data.ticket.id : null)));
    expect(ids.size).toBe(1);
    const made = await ticketsOf({ requestId });
    expect(made).toHaveLength(1);
    expect(made[0]._id).toBe([...ids][0]);
    expect(made[0].history.filter((h) => h.event === 'submit')).toHaveLength(1);
    // One task push to the plumber, not ten.
    expect(pushedTo(PLUMBER).map((m) => m.templateId)).toEqual(['local-task_assigned']);
    // His workload counts the task once.
    const wang = (await s.db.collection('staff').where({ openid: PLUMBER }).get()).data[0] as { openTasks: number };
    expect(wang.openTasks).toBe(1);
  });

  it('a retry after the first answer was lost finds the ticket as it is now, and changes nothing', async () => {
    const requestId = newRequestId();
    const first = await s.must(OWNER)('repair.submit', repair(requestId));
    await s.must(PLUMBER)('task.accept', { ticketId: first.ticket.id });
    const before = (await ticketsOf({ _id: first.ticket.id }))[0];

    const again = await s.must(OWNER)('repair.submit', repair(requestId));
    expect(again.ticket.id).toBe(first.ticket.id);
    expect(again.ticket.state).toBe('accepted');
    expect((await ticketsOf({ _id: first.ticket.id }))[0]).toEqual(before);
    expect(await ticketsOf({ requestId })).toHaveLength(1);
  });

  it('the same request id from another owner is their own request: it never reaches the first owner’s ticket', async () => {
    const requestId = newRequestId();
    const lin = await s.must(OWNER)('repair.submit', repair(requestId));
    const huang = await s.must(OTHER_OWNER)('repair.submit', { ...repair(requestId), unitId: HUANG_UNIT });
    expect(huang.ticket.id).not.toBe(lin.ticket.id);
    expect(huang.ticket.owner.name).toBe('黄女士');
    expect(JSON.stringify(huang)).not.toContain('林先生');
  });

  it('without a request id (an older client) every call is a new submission, as before', async () => {
    const [a, b] = await Promise.all([s.must(OWNER)('repair.submit', repair()), s.must(OWNER)('repair.submit', repair())]);
    expect(a.ticket.id).not.toBe(b.ticket.id);
  });

  it('投诉 and IC卡 retried at once: one each', async () => {
    const complaintId = newRequestId();
    const cardId = newRequestId();
    const complaint = { unitId: LIN_UNIT, category: 'noise', description: '重试测试：楼上装修噪音', replyBy: Date.now() + 24 * 3600_000, requestId: complaintId } as const;
    const card = { unitId: LIN_UNIT, type: 'parking', action: 'open', requestId: cardId } as const;
    await Promise.all([
      ...Array.from({ length: 5 }, () => s.must(OWNER)('complaint.submit', complaint)),
      ...Array.from({ length: 5 }, () => s.must(OWNER)('card.submit', card)),
    ]);
    expect(await ticketsOf({ requestId: complaintId })).toHaveLength(1);
    expect(await ticketsOf({ requestId: cardId })).toHaveLength(1);
  });

  it('a malformed request id is refused before anything is written', async () => {
    const before = (await s.db.collection('tickets').count()).total;
    for (const requestId of ['short', 'has space in it', { $ne: null }, 'x'.repeat(65)]) {
      expect(await s.as(OWNER)('repair.submit', { ...repair(), requestId } as never)).toEqual({ ok: false, code: 'INPUT.INVALID', message: '请求编号格式不正确' });
    }
    expect((await s.db.collection('tickets').count()).total).toBe(before);
  });
});

describe('staff create actions retried', () => {
  it('代客登记 by the front desk: 5 tries at once, one ticket', async () => {
    const { residents } = await s.must(FRONT_DESK)('desk.findByRoom', { communityId: 'c-tianli', building: '1栋', unit: '1单元', room: '1201' });
    const requestId = newRequestId();
    const input = { ...repair(requestId), residentId: residents[0].residentId, channel: 'phone' } as const;
    const replies = await Promise.all(Array.from({ length: 5 }, () => s.must(FRONT_DESK)('desk.submitRepair', input as never)));
    expect(new Set(replies.map((r) => r.ticket.id)).size).toBe(1);
    expect(await ticketsOf({ requestId })).toHaveLength(1);
  });

  it('协办 retried at once: one sub-task, listed once on the complaint, pushed once', async () => {
    const { ticket } = await s.must(OWNER)('complaint.submit', { unitId: LIN_UNIT, category: 'cleaning', description: '重试测试：楼道垃圾', replyBy: Date.now() + 24 * 3600_000 });
    await s.must(KEEPER_A)('task.accept', { ticketId: ticket.id });
    s.stack.emulator.clearMessages();
    const requestId = newRequestId();
    const sub = { ticketId: ticket.id, category: 'household_cleaning', area: 'public', description: '1栋楼道垃圾请清理', requestId } as const;
    const replies = await Promise.all(Array.from({ length: 4 }, () => s.as(KEEPER_A)('task.subtask', sub)));
    expect(replies.every((r) => r.ok)).toBe(true);

    const complaint = (await ticketsOf({ _id: ticket.id }))[0];
    expect(complaint.subtasks).toHaveLength(1);
    expect(await ticketsOf({ 'parent.id': ticket.id })).toHaveLength(1);
    expect(pushedTo(CLEANING_LEAD)).toHaveLength(1);
  });

  it('协办 whose sub-task was lost between the two saves: the retry puts it in under the listed number', async () => {
    const { ticket } = await s.must(OWNER)('complaint.submit', { unitId: LIN_UNIT, category: 'cleaning', description: '重试测试：中途停止', replyBy: Date.now() + 24 * 3600_000 });
    await s.must(KEEPER_A)('task.accept', { ticketId: ticket.id });
    const requestId = newRequestId();
    const sub = { ticketId: ticket.id, category: 'household_cleaning', area: 'public', description: '楼道请清理', requestId } as const;
    const first = await s.must(KEEPER_A)('task.subtask', sub);
    const ref = first.ticket.subtasks![0];
    // As if the first try had stopped after saving the complaint, before inserting the sub-task.
    await s.db.collection('tickets').doc(ref.id).remove();

    await s.must(KEEPER_A)('task.subtask', sub);
    const restored = await ticketsOf({ 'parent.id': ticket.id });
    expect(restored.map((t) => [t._id, t.no])).toEqual([[ref.id, ref.no]]);
    expect((await ticketsOf({ _id: ticket.id }))[0].subtasks).toHaveLength(1);
  });

  it('写交接 retried at once: one handover', async () => {
    const requestId = newRequestId();
    const replies = await Promise.all(Array.from({ length: 4 }, () => s.must(FRONT_DESK)('duty.writeHandover', { notes: '重试测试：交接', watch: [], requestId })));
    expect(new Set(replies.map((r) => r.handover.id)).size).toBe(1);
    expect((await s.db.collection('handovers').where({ notes: '重试测试：交接' }).get()).data).toHaveLength(1);
  });
});
