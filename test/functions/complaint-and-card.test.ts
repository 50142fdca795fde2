/**
 * Complaints and IC card requests through the real node-sdk, the local function host and the
 * emulator: routed to the right person within the submit call, worked, and refused when wrong.
 */
import { HOUR } from '@/core/sla/policy';
import type { Ticket } from '@/core/tickets/model';
import { DEMO_STAFF } from '@/local/demo-data';
import { ALL_OWNER_TEMPLATES, FRONT_DESK, HUANG_UNIT, LIN_UNIT, OTHER_OWNER, OWNER, PLUMBER, startTestStack, type TestStack } from './local-stack';

const KEEPER_A = 'demo-keeper-zhang'; // 1栋 and 2栋
const KEEPER_B = 'demo-keeper-li'; // 3栋 and 4栋
const LIN_UNIT_B = 'u-4-2-301';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

const inHours = (h: number) => Date.now() + h * HOUR;
const ticketCount = async () => (await s.db.collection('tickets').count()).total ?? 0;

describe('complaints (投诉)', () => {
  it('go to the housekeeper of the unit’s zone, who takes, handles and gets the callback', async () => {
    const { ticket } = await s.must(OWNER)('complaint.submit', {
      unitId: LIN_UNIT_B,
      category: 'noise',
      description: '楼上每晚十一点后装修噪音',
      replyBy: inHours(24),
      grantedTemplates: ['order_accepted', 'repair_done'],
    });
    expect(ticket).toMatchObject({ kind: 'complaint', state: 'dispatched', handlerTitle: '客服管家', stateLabel: '待受理' });
    expect(await s.handlerOf(ticket.id)).toBe('李管家');
    expect(ticket.promise).toMatch(/^管家将在 .+ 前答复您$/);
    expect(s.stack.emulator.messages().filter((m) => m.touser === KEEPER_B).map((m) => m.templateId)).toEqual(['local-task_assigned']);

    // The other zone's housekeeper may not take it, nor even see it.
    expect(await s.as(KEEPER_A)('task.accept', { ticketId: ticket.id })).toMatchObject({ ok: false, code: 'TICKET.NOT_FOUND' });
    const keeper = s.must(KEEPER_B);
    expect((await keeper('task.accept', { ticketId: ticket.id })).ticket.stateLabel).toBe('处理中');
    const handled = await keeper('task.finish', { ticketId: ticket.id, note: '已与楼上业主沟通，晚间停工' });
    expect(handled.ticket.state).toBe('callback_pending');

    const rated = await s.must(OWNER)('callback.rate', { ticketId: ticket.id, handling: 5, staff: 5, comment: '处理及时' });
    expect(rated.ticket.state).toBe('closed');
    expect(rated.ticket.timeline.map((e) => e.eventLabel)).toEqual(['提交投诉', '转交管家', '受理投诉', '处理完毕', '待回访评价', '回访评价']);
  });

  it('about a ticket’s handler: linked to it and naming the handler; not about someone else’s ticket', async () => {
    const { ticket: repair } = await s.must(OWNER)('repair.submit', {
      unitId: LIN_UNIT,
      category: 'plumbing_electric',
      description: '卫生间灯不亮',
      grantedTemplates: [...ALL_OWNER_TEMPLATES],
    });
    const { ticket } = await s.must(OWNER)('complaint.submit', {
      unitId: LIN_UNIT,
      category: 'service',
      description: '师傅态度不好',
      aboutTicketId: repair.id,
      replyBy: inHours(4),
    });
    expect(ticket.complaint).toEqual({ aboutStaff: '王师傅', replyBy: expect.any(Number), linkedTicket: { id: repair.id, no: repair.no } });
    expect(await s.handlerOf(ticket.id)).toBe('张管家');

    // A complaint about 张管家 himself is never routed to him: A区 has no other housekeeper, so it
    // waits for someone else (the supervisor's pool) instead of landing in his hands.
    await s.must(KEEPER_A)('task.accept', { ticketId: ticket.id });
    const aboutKeeper = await s.must(OWNER)('complaint.submit', { unitId: LIN_UNIT, category: 'service', description: '管家处理敷衍', aboutTicketId: ticket.id, replyBy: inHours(4) });
    expect(aboutKeeper.ticket.complaint?.aboutStaff).toBe('张管家');
    expect(aboutKeeper.ticket.state).toBe('submitted');
    expect(await s.handlerOf(aboutKeeper.ticket.id)).toBeNull();

    const before = await ticketCount();
    const foreign = await s.as(OTHER_OWNER)('complaint.submit', {
      unitId: HUANG_UNIT,
      category: 'service',
      description: '试图投诉别人的工单',
      aboutTicketId: repair.id,
      replyBy: inHours(4),
    });
    expect(foreign).toEqual({ ok: false, code: 'TICKET.LINK_NOT_YOURS', message: '只能投诉您自己工单的处理人员' });
    expect(await ticketCount()).toBe(before);
  });

  it('refuse a reply time in the past or too far ahead, and empty or oversized text, changing nothing', async () => {
    const before = await ticketCount();
    const base = { unitId: LIN_UNIT, category: 'cleaning' as const, description: '楼道脏', replyBy: inHours(4) };
    expect(await s.as(OWNER)('complaint.submit', { ...base, replyBy: Date.now() - 1000 })).toMatchObject({ ok: false, message: '期望答复时间应在今后30天之内' });
    expect(await s.as(OWNER)('complaint.submit', { ...base, replyBy: inHours(24 * 40) })).toMatchObject({ ok: false, message: '期望答复时间应在今后30天之内' });
    expect(await s.as(OWNER)('complaint.submit', { ...base, description: '' })).toMatchObject({ ok: false, message: '请填写投诉内容' });
    expect(await s.as(OWNER)('complaint.submit', { ...base, description: '吵'.repeat(2000) })).toMatchObject({ ok: false, message: '投诉内容不能超过500个字' });
    expect(await s.as(OWNER)('complaint.submit', { ...base, category: 'aliens' as never })).toMatchObject({ ok: false, message: '请选择投诉类别' });
    expect(await ticketCount()).toBe(before);
  });
});

describe('IC cards (IC卡)', () => {
  it('two stages: the front desk checks identity, then engineering is given it at once; a technician does the card', async () => {
    s.stack.emulator.clearMessages();
    const { ticket } = await s.must(OWNER)('card.submit', { unitId: LIN_UNIT, type: 'access', action: 'open', custody: true, grantedTemplates: ['order_accepted', 'repair_done'] });
    expect(ticket).toMatchObject({ kind: 'card', state: 'dispatched', categoryName: '门禁卡/业主卡·开通/领卡', handlerTitle: '客服前台', stateLabel: '待核验' });
    expect(ticket.card).toMatchObject({ custody: true, feeFen: 0, stage: 'verify', verifiedBy: null });
    expect(await s.handlerOf(ticket.id)).toBe('陈前台');
    expect(ticket.promise).toMatch(/^前台将在 .+ 前核验您的身份$/);
    // A technician cannot do the identity check: at the desk's stage the request is not even his to see.
    expect(await s.as(PLUMBER)('task.accept', { ticketId: ticket.id })).toMatchObject({ ok: false, code: 'TICKET.NOT_FOUND' });

    // 核验通过: in the same call the request goes to an engineering technician (any trade).
    const checked = await s.must(FRONT_DESK)('task.accept', { ticketId: ticket.id });
    expect(checked.ticket).toMatchObject({ state: 'dispatched', stateLabel: '待办卡', card: { stage: 'issue', verifiedBy: { name: '陈前台' } } });
    expect(checked.ticket.deadlines.map((d) => [d.label, d.stoppedAt !== null])).toEqual([
      ['核验时限', true],
      ['办卡时限', false],
    ]);
    const stored = (await s.db.collection('tickets').doc(ticket.id).get()).data[0] as Ticket;
    expect(stored.team).toBe('engineering');
    const technician = DEMO_STAFF.find((m) => m._id === stored.assignee?.staffId);
    expect(technician).toMatchObject({ role: 'technician', team: 'engineering' });
    expect(checked.ticket.timeline.map((e) => e.eventLabel)).toEqual(['提交IC卡申请', '转交前台', '核验身份', '派单']);
    expect(checked.ticket.timeline.at(-1)?.note).toMatch(new RegExp(`^派给 ${technician!.name}（`));
    const pushed = (openid: string) => s.stack.emulator.messages().filter((m) => m.touser === openid).map((m) => m.templateId);
    expect(pushed(technician!.openid)).toEqual(['local-task_assigned']);
    // The owner is not pushed for the check: the one 接单通知 is for whoever does the card.
    expect(pushed(OWNER)).toEqual([]);

    // The owner: identity checked, engineering's promise; nobody named until the technician takes it.
    const owners = await s.must(OWNER)('ticket.get', { ticketId: ticket.id });
    expect(owners.ticket).toMatchObject({ handlerTitle: '工程人员', assignee: null, stateLabel: '待办卡' });
    expect(owners.ticket.promise).toMatch(/^身份已核验，工程人员将在 .+ 前为您开通$/);

    // The desk cannot do the card work, nor can she finish it.
    expect(await s.as(FRONT_DESK)('task.accept', { ticketId: ticket.id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    const tech = s.must(technician!.openid);
    const taken = await tech('task.accept', { ticketId: ticket.id });
    expect(taken.ticket).toMatchObject({ state: 'accepted', stateLabel: '办理中' });
    expect(pushed(OWNER)).toEqual(['local-order_accepted']);
    expect(await s.as(FRONT_DESK)('task.finish', { ticketId: ticket.id, note: '' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    const done = await tech('task.finish', { ticketId: ticket.id, note: '已开通，卡片由客服管家代管' });
    expect(done.ticket.state).toBe('callback_pending');
    expect(done.ticket.deadlines.find((d) => d.clock === 'issue')?.stoppedAt).not.toBeNull();
    expect(pushed(OWNER)).toEqual(['local-order_accepted', 'local-repair_done']);

    // The callback as for any ticket: the owner rates; the trail reads as the two stages.
    const rated = await s.must(OWNER)('callback.rate', { ticketId: ticket.id, handling: 5, staff: 5, comment: '很快' });
    expect(rated.ticket.state).toBe('closed');
    expect(rated.ticket.timeline.map((e) => [e.eventLabel, e.actorName])).toEqual([
      ['提交IC卡申请', '林先生'],
      ['转交前台', '系统'],
      ['核验身份', '陈前台'],
      ['派单', '系统'],
      ['接单办卡', technician!.name],
      ['办理完成', technician!.name],
      ['待回访评价', '系统'],
      ['回访评价', '林先生'],
    ]);
    // The workloads follow the ticket: the desk's task ended at the check, the technician's at the finish.
    const open = async (id: string) => ((await s.db.collection('staff').doc(id).get()).data[0] as { openTasks: number }).openTasks;
    expect(await open('s-desk-chen')).toBe(0);
    expect(await open(technician!._id)).toBe(0);
  });

  it('a reissue needs a loss report of the same card on the same unit first, then carries the 50-yuan fee', async () => {
    const before = await ticketCount();
    const early = await s.as(OWNER)('card.submit', { unitId: LIN_UNIT_B, type: 'parking', action: 'reissue', cardNo: 'P0088' });
    expect(early).toEqual({ ok: false, code: 'CARD.NO_LOSS_REPORT', message: '补办前需要先挂失这张卡，请先提交挂失' });
    expect(await ticketCount()).toBe(before);

    const lost = await s.must(OWNER)('card.submit', { unitId: LIN_UNIT_B, type: 'parking', action: 'lost', cardNo: 'P0088', custody: true });
    expect(lost.ticket.card).toMatchObject({ action: 'lost', custody: false }); // nothing to hold for a lost card
    // Another card number, another card type, or another unit is not "the same card".
    expect(await s.as(OWNER)('card.submit', { unitId: LIN_UNIT_B, type: 'parking', action: 'reissue', cardNo: 'P0099' })).toMatchObject({ code: 'CARD.NO_LOSS_REPORT' });
    expect(await s.as(OWNER)('card.submit', { unitId: LIN_UNIT_B, type: 'power', action: 'reissue', cardNo: 'P0088' })).toMatchObject({ code: 'CARD.NO_LOSS_REPORT' });
    expect(await s.as(OWNER)('card.submit', { unitId: LIN_UNIT, type: 'parking', action: 'reissue', cardNo: 'P0088' })).toMatchObject({ code: 'CARD.NO_LOSS_REPORT' });

    const reissue = await s.must(OWNER)('card.submit', { unitId: LIN_UNIT_B, type: 'parking', action: 'reissue', cardNo: 'P0088' });
    expect(reissue.ticket.card).toMatchObject({ feeFen: 5000, lossTicket: { id: lost.ticket.id, no: lost.ticket.no } });
  });

  it('a cancelled loss report does not allow a reissue', async () => {
    const lost = await s.must(OWNER)('card.submit', { unitId: LIN_UNIT, type: 'power', action: 'lost' });
    await s.must(OWNER)('ticket.cancel', { ticketId: lost.ticket.id, reason: '卡找到了' });
    expect(await s.as(OWNER)('card.submit', { unitId: LIN_UNIT, type: 'power', action: 'reissue' })).toMatchObject({ code: 'CARD.NO_LOSS_REPORT' });
  });

  it('refuses a malformed card number and an unknown type or action', async () => {
    expect(await s.as(OWNER)('card.submit', { unitId: LIN_UNIT, type: 'access', action: 'open', cardNo: '12 34;drop' })).toMatchObject({ ok: false, message: '卡号只能包含数字、字母，最多20位' });
    expect(await s.as(OWNER)('card.submit', { unitId: LIN_UNIT, type: 'gold' as never, action: 'open' })).toMatchObject({ ok: false, message: '请选择卡片类型' });
    expect(await s.as(OWNER)('card.submit', { unitId: LIN_UNIT, type: 'access', action: 'steal' as never })).toMatchObject({ ok: false, message: '请选择办理事项' });
    expect(await s.as(OTHER_OWNER)('card.submit', { unitId: LIN_UNIT, type: 'access', action: 'open' })).toMatchObject({ ok: false, code: 'AUTH.UNIT_NOT_YOURS' });
  });
});

describe('my tickets (我的工单): every kind in one list, with filters', () => {
  it('filters by kind and by open/done', async () => {
    const owner = s.must(OTHER_OWNER);
    const repair = (await owner('repair.submit', { unitId: HUANG_UNIT, category: 'doors_windows', description: '门锁坏了' })).ticket;
    const complaint = (await owner('complaint.submit', { unitId: HUANG_UNIT, category: 'parking', description: '车位被占', replyBy: inHours(4) })).ticket;
    const card = (await owner('card.submit', { unitId: HUANG_UNIT, type: 'access', action: 'open' })).ticket;
    await owner('ticket.cancel', { ticketId: card.id, reason: '不需要了' });

    const ids = async (kind: 'all' | 'repair' | 'complaint' | 'card', status: 'all' | 'open' | 'done') =>
      (await owner('ticket.list', { kind, status })).tickets.map((t) => t.id).sort();
    expect(await ids('all', 'all')).toEqual([repair.id, complaint.id, card.id].sort());
    expect(await ids('complaint', 'all')).toEqual([complaint.id]);
    expect(await ids('all', 'open')).toEqual([repair.id, complaint.id].sort());
    expect(await ids('all', 'done')).toEqual([card.id]);
    expect(await ids('card', 'open')).toEqual([]);
    const rows = (await owner('ticket.list', {})).tickets;
    expect(rows.map((r) => r.kindName).sort()).toEqual(['IC卡', '报修', '投诉'].sort());
  });
});
