/**
 * 前台受理登记 through the real functions: every request of a day in China time, in the order they
 * came in, whoever sent them and however; filtered by kind, channel and state.
 */
import { HOUR, MINUTE } from '@/core/sla/policy';
import { FRONT_DESK, KEEPER_A, LIN_UNIT, OWNER, PLUMBER, startTestStack, type TestStack } from './local-stack';

const LEAD = 'demo-lead-ma';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

/** An instant on a China wall clock. */
const china = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h, min) - 8 * HOUR;

/** Moves a stored ticket's creation to `at` (the register reads only createdAt). */
const createdAt = (id: string, at: number) => s.db.collection('tickets').doc(id).update({ createdAt: at });

const ids: Record<string, string> = {};

beforeAll(async () => {
  const { residents } = await s.must(FRONT_DESK)('desk.findByPhone', { phone: '13800000001' });
  const residentId = residents[0].residentId;
  const own = await s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category: 'plumbing_electric', description: '业主自己报：阳台地漏堵' });
  const phone = await s.must(FRONT_DESK)('desk.submitRepair', { unitId: LIN_UNIT, residentId, channel: 'phone', category: 'plumbing_electric', description: '来电：厨房水管漏水' });
  const visit = await s.must(KEEPER_A)('desk.submitComplaint', {
    unitId: LIN_UNIT,
    residentId,
    channel: 'walk_in',
    category: 'noise',
    description: '到访：楼上装修噪音',
    replyBy: Date.now() + 4 * HOUR,
  });
  const card = await s.must(OWNER)('card.submit', { unitId: LIN_UNIT, type: 'access', action: 'lost' });
  await s.must(OWNER)('ticket.cancel', { ticketId: card.ticket.id, reason: '卡找到了' });
  const before = await s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category: 'plumbing_electric', description: '前一天深夜' });
  const after = await s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category: 'plumbing_electric', description: '后一天零点' });
  Object.assign(ids, { own: own.ticket.id, phone: phone.ticket.id, visit: visit.ticket.id, card: card.ticket.id });
  // Out of order on purpose: the register is in the order requests came in.
  await createdAt(ids.phone, china(2025, 6, 2, 9, 30));
  await createdAt(ids.own, china(2025, 6, 2, 9, 0));
  await createdAt(ids.card, china(2025, 6, 2, 11, 0));
  await createdAt(ids.visit, china(2025, 6, 2, 10, 0));
  await createdAt(before.ticket.id, china(2025, 6, 2, 0, 0) - MINUTE);
  await createdAt(after.ticket.id, china(2025, 6, 3, 0, 0));
});

const day = (over: Record<string, string> = {}) => s.must(FRONT_DESK)('desk.daily', { date: '2025-06-02', ...over } as never);

describe('前台受理登记', () => {
  it('lists the day’s requests in China time, in the order they came in, each with who, where, what, how, state and handler', async () => {
    const { rows, total, date } = await day();
    expect([date, total]).toEqual(['2025-06-02', 4]);
    expect(rows.map((r) => r.id)).toEqual([ids.own, ids.phone, ids.visit, ids.card]);
    expect(rows[1]).toEqual({
      id: ids.phone,
      no: expect.stringMatching(/^BX\d{8}-[0-9A-Z]{4}$/),
      kind: 'repair',
      kindName: '报修',
      createdAt: china(2025, 6, 2, 9, 30),
      ownerName: '林先生',
      ownerPhone: '13800000001',
      place: '1栋1单元1201',
      what: '水电',
      description: '来电：厨房水管漏水',
      channel: 'phone',
      registeredByName: '陈前台',
      state: 'dispatched',
      stateLabel: '已派单',
      handlerName: '王师傅',
    });
    expect(rows.map((r) => [r.kindName, r.channel, r.registeredByName, r.stateLabel])).toEqual([
      ['报修', 'wechat', null, '已派单'],
      ['报修', 'phone', '陈前台', '已派单'],
      ['投诉', 'walk_in', '张管家', '待受理'],
      ['IC卡', 'wechat', null, '已取消'],
    ]);
  });

  it('filters by kind, channel and state; the total stays the whole day’s', async () => {
    const only = async (over: Record<string, string>) => {
      const r = await day(over);
      expect(r.total).toBe(4);
      return r.rows.map((x) => x.id);
    };
    expect(await only({ channel: 'phone' })).toEqual([ids.phone]);
    expect(await only({ channel: 'walk_in' })).toEqual([ids.visit]);
    expect(await only({ channel: 'wechat' })).toEqual([ids.own, ids.card]);
    expect(await only({ kind: 'complaint' })).toEqual([ids.visit]);
    expect(await only({ kind: 'repair', channel: 'phone' })).toEqual([ids.phone]);
    expect(await only({ state: 'ended' })).toEqual([ids.card]);
    expect(await only({ state: 'open' })).toEqual([ids.own, ids.phone, ids.visit]);
    expect(await only({ state: 'callback' })).toEqual([]);
  });

  it('the days around it hold their own requests', async () => {
    expect((await day({ date: '2025-06-01' })).rows.map((r) => r.description)).toEqual(['前一天深夜']);
    expect((await day({ date: '2025-06-03' })).rows.map((r) => r.description)).toEqual(['后一天零点']);
  });

  it('refuses a date that does not exist, a malformed one, and anyone outside the desk roles', async () => {
    expect(await s.as(FRONT_DESK)('desk.daily', { date: '2025-02-30' })).toEqual({ ok: false, code: 'INPUT.INVALID', message: '日期格式不正确' });
    expect(await s.as(FRONT_DESK)('desk.daily', { date: '昨天' })).toEqual({ ok: false, code: 'INPUT.INVALID', message: '日期格式不正确' });
    expect(await s.as(FRONT_DESK)('desk.daily', { date: '2025-06-02', channel: 'fax' } as never)).toMatchObject({ ok: false, message: '筛选条件不正确' });
    for (const who of [PLUMBER, LEAD, OWNER]) {
      expect(await s.as(who)('desk.daily', { date: '2025-06-02' })).toEqual({
        ok: false,
        code: 'AUTH.FORBIDDEN',
        message: '只有客服前台、管家、主任和项目负责人可以查看受理登记',
      });
    }
  });
});
