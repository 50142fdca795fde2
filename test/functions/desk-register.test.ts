/**
 * 代客登记 through the real node-sdk, the local function host and the emulator: the front desk
 * finds the owner by room or by phone and registers a repair, complaint or IC card request for
 * them. The ticket is the owner's (in 我的工单, routed as any), records the channel and who
 * registered it, and grants no subscription credit. Refusals change nothing.
 */
import type { Ticket } from '@/core/tickets/model';
import { FRONT_DESK, HUANG_UNIT, KEEPER_A, LIN_UNIT, OTHER_OWNER, OWNER, PLUMBER, startTestStack, SUPERVISOR, type TestStack } from './local-stack';

const LEAD = 'demo-lead-ma';
const LIN_ROOM = { communityId: 'c-tianli', building: '1栋', unit: '1单元', room: '1201' };

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

const stored = async (id: string) => (await s.db.collection('tickets').doc(id).get()).data[0] as Ticket;
const ticketCount = async () => (await s.db.collection('tickets').count()).total ?? 0;

/** 林先生 as the desk finds him at his 1201. */
const lin = async () => {
  const { residents } = await s.must(FRONT_DESK)('desk.findByRoom', LIN_ROOM);
  return residents.find((r) => r.name === '林先生')!;
};

const repairFor = (residentId: string, over: Record<string, unknown> = {}) => ({
  unitId: LIN_UNIT,
  residentId,
  channel: 'phone' as const,
  category: 'plumbing_electric' as const,
  description: '业主来电：厨房水管漏水',
  ...over,
});

describe('finding the owner (查找业主)', () => {
  it('by room: the unit from the layout and who is bound to it, with the full phone and no WeChat id', async () => {
    const found = await s.must(FRONT_DESK)('desk.findByRoom', LIN_ROOM);
    expect(found.unit).toEqual({ id: LIN_UNIT, label: '天利龙腾湾 1栋1单元1201', community: '天利龙腾湾', building: '1栋', unit: '1单元', room: '1201', zone: 'A区' });
    expect(found.residents).toEqual([
      {
        residentId: expect.stringMatching(/^r[0-9a-f]{31}$/),
        name: '林先生',
        phone: '13800000001',
        units: [
          expect.objectContaining({ id: LIN_UNIT, label: '天利龙腾湾 1栋1单元1201', relation: 'owner' }),
          expect.objectContaining({ id: 'u-4-2-301', relation: 'owner' }),
        ],
      },
    ]);
    expect(JSON.stringify(found)).not.toContain(OWNER);
  });

  it('by room: a room nobody is bound to answers an empty list; a room that does not exist is refused', async () => {
    expect((await s.must(FRONT_DESK)('desk.findByRoom', { ...LIN_ROOM, room: '1202' })).residents).toEqual([]);
    expect(await s.as(FRONT_DESK)('desk.findByRoom', { ...LIN_ROOM, room: '9901' })).toEqual({
      ok: false,
      code: 'BINDING.UNIT_UNKNOWN',
      message: '没有找到该房屋，请核对楼栋、单元和房号',
    });
    expect(await s.as(FRONT_DESK)('desk.findByRoom', { ...LIN_ROOM, building: '' })).toMatchObject({ ok: false, code: 'INPUT.INVALID', message: '请选择楼栋' });
  });

  it('by phone: the owner with that number and their units; a malformed number is refused, an unknown one finds nobody', async () => {
    const { residents } = await s.must(FRONT_DESK)('desk.findByPhone', { phone: '13800000002' });
    expect(residents.map((r) => [r.name, r.units.map((u) => [u.id, u.relation])])).toEqual([['黄女士', [[HUANG_UNIT, 'tenant']]]]);
    expect(await s.as(FRONT_DESK)('desk.findByPhone', { phone: '1380000' })).toEqual({ ok: false, code: 'INPUT.INVALID', message: '请填写正确的11位手机号' });
    expect(await s.as(FRONT_DESK)('desk.findByPhone', { phone: '' })).toMatchObject({ ok: false, message: '请填写手机号' });
    expect((await s.must(FRONT_DESK)('desk.findByPhone', { phone: '13999999999' })).residents).toEqual([]);
  });

  it('housekeepers and the supervisor may look owners up; technicians, team leads and owners may not', async () => {
    for (const who of [KEEPER_A, SUPERVISOR]) expect((await s.must(who)('desk.findByPhone', { phone: '13800000001' })).residents).toHaveLength(1);
    for (const who of [PLUMBER, LEAD, OWNER]) {
      expect(await s.as(who)('desk.findByRoom', LIN_ROOM)).toEqual({
        ok: false,
        code: 'AUTH.FORBIDDEN',
        message: '只有客服前台、管家、主任和项目负责人可以查找业主',
      });
    }
  });
});

describe('registering for the owner (代客登记)', () => {
  it('a phone repair: the owner’s ticket, routed to the plumber, marked 电话 and 陈前台, no credit for the owner', async () => {
    const resident = await lin();
    s.stack.emulator.clearMessages();
    const { ticket } = await s.must(FRONT_DESK)('desk.submitRepair', repairFor(resident.residentId));
    expect(ticket).toMatchObject({ kind: 'repair', state: 'dispatched', channel: 'phone', registeredByName: '陈前台', owner: { name: '林先生', phone: '13800000001' } });
    expect(await s.handlerOf(ticket.id)).toBe('王师傅');

    const t = await stored(ticket.id);
    expect(t).toMatchObject({ channel: 'phone', registeredBy: { staffId: 's-desk-chen', name: '陈前台' }, owner: { openid: OWNER }, ownerCredits: {} });
    expect(t.history[0]).toMatchObject({ event: 'submit', actor: { kind: 'staff', name: '陈前台' }, note: '陈前台代客登记（电话）' });
    // The plumber is pushed as for any request; the owner, who tapped nothing, is not.
    expect(s.stack.emulator.messages().map((m) => [m.touser, m.templateId])).toEqual([[PLUMBER, 'local-task_assigned']]);

    // The owner finds it in 我的工单 and reads in its timeline who registered it and how.
    const mine = await s.must(OWNER)('ticket.list', {});
    expect(mine.tickets.map((x) => x.id)).toContain(ticket.id);
    const seen = (await s.must(OWNER)('ticket.get', { ticketId: ticket.id })).ticket;
    expect(seen.timeline[0]).toMatchObject({ eventLabel: '提交报修', actorName: '陈前台', note: '陈前台代客登记（电话）' });
    expect([seen.channel, seen.registeredByName]).toEqual(['phone', '陈前台']);
  });

  it('the owner’s own request is marked 微信, registered by nobody', async () => {
    const { ticket } = await s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category: 'plumbing_electric', description: '自己报的修' });
    expect([ticket.channel, ticket.registeredByName]).toEqual(['wechat', null]);
    expect(await stored(ticket.id)).toMatchObject({ channel: 'wechat', registeredBy: null });
  });

  it('a walk-in complaint goes to the zone’s housekeeper; an IC card request to the desk’s identity check', async () => {
    const resident = await lin();
    const complaint = await s.must(FRONT_DESK)('desk.submitComplaint', {
      unitId: LIN_UNIT,
      residentId: resident.residentId,
      channel: 'walk_in',
      category: 'cleaning',
      description: '业主到访：楼道垃圾未清理',
      replyBy: Date.now() + 4 * 3_600_000,
    });
    expect(complaint.ticket).toMatchObject({ kind: 'complaint', state: 'dispatched', channel: 'walk_in' });
    expect(await s.handlerOf(complaint.ticket.id)).toBe('张管家');
    expect((await stored(complaint.ticket.id)).history[0].note).toBe('陈前台代客登记（到访）');

    const card = await s.must(KEEPER_A)('desk.submitCard', { unitId: LIN_UNIT, residentId: resident.residentId, channel: 'walk_in', type: 'access', action: 'lost' });
    expect(card.ticket).toMatchObject({ kind: 'card', channel: 'walk_in', registeredByName: '张管家' });
  });

  it('the owner forms’ own rules hold: a reissue needs its loss report, a complaint its reply time within 30 days', async () => {
    const resident = await lin();
    const before = await ticketCount();
    expect(
      await s.as(FRONT_DESK)('desk.submitCard', { unitId: LIN_UNIT, residentId: resident.residentId, channel: 'phone', type: 'parking', action: 'reissue' }),
    ).toMatchObject({ ok: false, code: 'CARD.NO_LOSS_REPORT' });
    expect(
      await s.as(FRONT_DESK)('desk.submitComplaint', {
        unitId: LIN_UNIT,
        residentId: resident.residentId,
        channel: 'phone',
        category: 'noise',
        description: '噪音',
        replyBy: Date.now() + 60 * 24 * 3_600_000,
      }),
    ).toMatchObject({ ok: false, code: 'INPUT.INVALID', message: '期望答复时间应在今后30天之内' });
    expect(await ticketCount()).toBe(before);
  });

  it.each([
    ['a technician', PLUMBER, {}, { code: 'AUTH.FORBIDDEN', message: '只有客服前台、管家、主任和项目负责人可以代客登记' }],
    ['a team lead', LEAD, {}, { code: 'AUTH.FORBIDDEN', message: '只有客服前台、管家、主任和项目负责人可以代客登记' }],
    ['the owner himself', OWNER, {}, { code: 'AUTH.FORBIDDEN', message: '只有客服前台、管家、主任和项目负责人可以代客登记' }],
    ['the desk, for someone not bound to the unit', FRONT_DESK, { unitId: HUANG_UNIT }, { code: 'DESK.RESIDENT_UNKNOWN', message: '没有找到这位业主或住户，请重新按房号或手机号查找' }],
    ['the desk, with an unknown resident', FRONT_DESK, { residentId: 'r0000' }, { code: 'DESK.RESIDENT_UNKNOWN' }],
    ['the desk, as if from the app', FRONT_DESK, { channel: 'wechat' }, { code: 'INPUT.INVALID', message: '请选择受理方式：电话或到访' }],
    ['the desk, without a description', FRONT_DESK, { description: '  ' }, { code: 'INPUT.INVALID', message: '请填写问题描述' }],
    ['the desk, without a category', FRONT_DESK, { category: 'nothing' }, { code: 'INPUT.INVALID', message: '请选择报修类别' }],
  ])('refused for %s, and nothing is stored', async (_who, openid, over, refusal) => {
    const resident = await lin();
    const before = await ticketCount();
    s.stack.emulator.clearMessages();
    const reply = await s.as(openid)('desk.submitRepair', repairFor(resident.residentId, over) as never);
    expect(reply).toMatchObject({ ok: false, ...refusal });
    expect(await ticketCount()).toBe(before);
    expect(s.stack.emulator.messages()).toEqual([]);
  });

  it('the other owner’s resident id does not reach 林先生’s unit', async () => {
    const { residents } = await s.must(FRONT_DESK)('desk.findByPhone', { phone: '13800000002' });
    const reply = await s.as(FRONT_DESK)('desk.submitRepair', repairFor(residents[0].residentId));
    expect(reply).toMatchObject({ ok: false, code: 'DESK.RESIDENT_UNKNOWN' });
    expect((await s.must(OTHER_OWNER)('ticket.list', {})).tickets).toEqual([]);
  });
});
