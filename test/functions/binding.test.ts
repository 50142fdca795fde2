// Unit binding (房屋绑定) through the real local stack: the deployed `binding` entry, the real
// node-sdk, the emulator. Each test uses its own WeChat users, so tests do not depend on order.
import type { ActionInput } from '@/core/contract/actions';
import { FRONT_DESK, OTHER_OWNER, OWNER, PLUMBER, startTestStack, SUPERVISOR, type TestStack } from './local-stack';

type RequestInput = ActionInput<'binding.request'>;

const KEEPER_A = 'demo-keeper-zhang'; // 张管家, A区 (1栋, 2栋)
const KEEPER_B = 'demo-keeper-li'; // 李管家, B区 (3栋, 4栋)
const CHINESE = /[\u4e00-\u9fa5]/;

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

let seq = 0;
/** A WeChat user the stack has never seen. */
const newcomer = () => `wx-newcomer-${++seq}`;

/** A valid request for a room of 天利龙腾湾; 2栋 is in A区. */
const ask = (over: Partial<RequestInput> = {}): RequestInput => ({
  communityId: 'c-tianli',
  building: '2栋',
  unit: '1单元',
  room: '302',
  name: '赵女士',
  phone: '13912345678',
  relation: 'tenant',
  ...over,
});

const requestAs = async (openid: string, over: Partial<RequestInput> = {}) => (await s.must(openid)('binding.request', ask(over))).request;

/** The stored request and owner record, read straight from the database. */
const stored = async (bindingId: string) => (await s.db.collection('bindings').doc(bindingId).get()).data[0];
const ownerDoc = async (openid: string) => (await s.db.collection('owners').doc(openid).get()).data[0];

/** Runs `act` and proves it wrote nothing. */
const writesNothing = async <T>(act: () => Promise<T>): Promise<T> => {
  const before = s.stack.emulator.stats().writes;
  const out = await act();
  expect(s.stack.emulator.stats().writes).toBe(before);
  return out;
};

describe('the community layout', () => {
  it('lists the buildings with their zones, units and rooms for the pickers, without internal codes', async () => {
    const { communities } = await s.must(newcomer())('binding.layout', {});
    expect(communities).toHaveLength(1);
    const [c] = communities;
    expect(c).toMatchObject({ id: 'c-tianli', name: '天利龙腾湾' });
    expect(c.buildings.map((b) => [b.name, b.zone])).toEqual([
      ['1栋', 'A区'],
      ['2栋', 'A区'],
      ['3栋', 'B区'],
      ['4栋', 'B区'],
    ]);
    expect(c.buildings[1].units[0]).toEqual({ name: '1单元', rooms: { floors: 11, perFloor: 3, skipFloors: [4] } });
    expect(JSON.stringify(c)).not.toMatch(/idPrefix|"code"/);
  });
});

describe('a guest binds a unit and can then report repairs', () => {
  it('guest asks → front desk sees it → approves → the guest is an owner of that unit and submits a repair', async () => {
    const guest = newcomer();
    // Before: a guest, and a repair is refused.
    expect((await s.must(guest)('session.whoami', {})).identity).toEqual({ kind: 'guest', openid: guest });

    const request = await requestAs(guest);
    expect(request).toMatchObject({
      state: 'pending',
      name: '赵女士',
      phone: '13912345678',
      relation: 'tenant',
      reason: '',
      reviewerName: null,
      unit: { id: 'u-2-1-302', label: '天利龙腾湾 2栋1单元302', zone: 'A区' },
      version: 1,
    });
    // The id tells nobody who asked.
    expect(request.id).not.toContain(guest);

    const mine = await s.must(guest)('binding.mine', {});
    expect(mine.units).toEqual([]);
    expect(mine.requests.map((r) => [r.id, r.state])).toEqual([[request.id, 'pending']]);

    const desk = s.must(FRONT_DESK);
    expect((await desk('binding.pending', {})).requests.map((r) => r.id)).toContain(request.id);
    const approved = await desk('binding.review', { bindingId: request.id, approve: true, version: request.version });
    expect(approved.request).toMatchObject({ state: 'approved', reviewerName: '陈前台', reason: '', version: 2 });
    expect(approved.request.reviewedAt).toEqual(expect.any(Number));
    expect((await desk('binding.pending', {})).requests.map((r) => r.id)).not.toContain(request.id);

    // The owner record was created from the request; the reviewer's ids stay on the server.
    expect(await ownerDoc(guest)).toEqual({
      _id: guest,
      name: '赵女士',
      phone: '13912345678',
      units: [{ id: 'u-2-1-302', community: '天利龙腾湾', building: '2栋', unit: '1单元', room: '302', zone: 'A区', relation: 'tenant' }],
    });
    expect((await stored(request.id)).reviewer).toEqual({ staffId: 's-desk-chen', name: '陈前台' });

    const { identity } = await s.must(guest)('session.whoami', {});
    expect(identity).toMatchObject({ kind: 'owner', name: '赵女士', units: [{ id: 'u-2-1-302', label: '天利龙腾湾 2栋1单元302', relation: 'tenant' }] });
    expect((await s.must(guest)('binding.mine', {})).units.map((u) => u.id)).toEqual(['u-2-1-302']);

    const { ticket } = await s.must(guest)('repair.submit', { unitId: 'u-2-1-302', category: 'plumbing_electric', description: '卫生间灯不亮' });
    expect(ticket).toMatchObject({ place: '2栋1单元302', owner: { name: '赵女士', phone: '13912345678' } });
  });

  it('an owner adds a further unit; his name and phone stay as they were', async () => {
    const before = await ownerDoc(OTHER_OWNER);
    const request = await requestAs(OTHER_OWNER, { building: '3栋', unit: '1单元', room: '601', name: '黄小姐', phone: '13700000000', relation: 'family' });
    await s.must(KEEPER_B)('binding.review', { bindingId: request.id, approve: true });
    const after = await ownerDoc(OTHER_OWNER);
    expect(after).toMatchObject({ name: before.name, phone: before.phone });
    expect(after.units.map((u: { id: string; relation: string }) => [u.id, u.relation])).toEqual([
      ...before.units.map((u: { id: string; relation: string }) => [u.id, u.relation]),
      ['u-3-1-601', 'family'],
    ]);
  });
});

describe('who may review', () => {
  it('the housekeeper of the unit\'s zone sees and approves it; the other zone\'s housekeeper neither', async () => {
    const request = await requestAs(newcomer(), { building: '1栋', unit: '2单元', room: '1802' }); // A区
    expect((await s.must(KEEPER_B)('binding.pending', {})).requests.map((r) => r.id)).not.toContain(request.id);
    expect((await s.must(KEEPER_A)('binding.pending', {})).requests.map((r) => r.id)).toContain(request.id);

    const refused = await writesNothing(() => s.as(KEEPER_B)('binding.review', { bindingId: request.id, approve: true }));
    expect(refused).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN', message: expect.stringMatching(CHINESE) });
    expect((await stored(request.id)).state).toBe('pending');

    expect((await s.must(KEEPER_A)('binding.review', { bindingId: request.id, approve: true })).request.reviewerName).toBe('张管家');
  });

  it('every pending request a housekeeper sees is in their zone; the desk and the supervisor see all zones', async () => {
    await requestAs(newcomer(), { building: '4栋', unit: '2单元', room: '202' }); // B区
    await requestAs(newcomer(), { building: '1栋', unit: '1单元', room: '101' }); // A区
    const zonesSeenBy = async (openid: string) => new Set((await s.must(openid)('binding.pending', {})).requests.map((r) => r.unit.zone));
    expect(await zonesSeenBy(KEEPER_A)).toEqual(new Set(['A区']));
    expect(await zonesSeenBy(KEEPER_B)).toEqual(new Set(['B区']));
    expect(await zonesSeenBy(FRONT_DESK)).toEqual(new Set(['A区', 'B区']));
    expect(await zonesSeenBy(SUPERVISOR)).toEqual(new Set(['A区', 'B区']));
  });

  it('the pending list is oldest first', async () => {
    const { requests } = await s.must(FRONT_DESK)('binding.pending', {});
    const times = requests.map((r) => r.createdAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('a technician, an owner and a guest may neither list nor review', async () => {
    const request = await requestAs(newcomer(), { room: '303' });
    for (const who of [PLUMBER, OWNER, newcomer()]) {
      expect(await s.as(who)('binding.pending', {})).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      expect(await writesNothing(() => s.as(who)('binding.review', { bindingId: request.id, approve: true }))).toMatchObject({
        ok: false,
        code: 'AUTH.FORBIDDEN',
      });
    }
    expect((await stored(request.id)).state).toBe('pending');
  });
});

describe('rejection', () => {
  it('needs a reason; the requester sees it, and may ask again', async () => {
    const guest = newcomer();
    const request = await requestAs(guest, { room: '501' });

    const noReason = await writesNothing(() => s.as(FRONT_DESK)('binding.review', { bindingId: request.id, approve: false, reason: '  ' }));
    expect(noReason).toMatchObject({ ok: false, code: 'INPUT.INVALID', message: '请填写驳回原因' });

    const rejected = await s.must(FRONT_DESK)('binding.review', { bindingId: request.id, approve: false, reason: '姓名与业主登记信息不符' });
    expect(rejected.request).toMatchObject({ state: 'rejected', reason: '姓名与业主登记信息不符', reviewerName: '陈前台' });

    const mine = await s.must(guest)('binding.mine', {});
    expect(mine.units).toEqual([]);
    expect(mine.requests).toEqual([expect.objectContaining({ id: request.id, state: 'rejected', reason: '姓名与业主登记信息不符' })]);
    expect(await ownerDoc(guest)).toBeUndefined();
    expect(await s.as(guest)('repair.submit', { unitId: 'u-2-1-501', category: 'plumbing_electric', description: '漏水' })).toMatchObject({
      ok: false,
      code: 'AUTH.NOT_BOUND',
    });

    // Asking again reuses the slot: pending, the old reason gone, the next version.
    const again = await requestAs(guest, { room: '501', name: '赵小红' });
    expect(again).toMatchObject({ id: request.id, state: 'pending', reason: '', name: '赵小红', version: 3 });
    expect((await s.must(guest)('binding.mine', {})).requests).toHaveLength(1);
  });
});

describe('one decision per request', () => {
  it('two reviewers deciding at once: exactly one wins, the other is told it was handled', async () => {
    for (let round = 0; round < 3; round += 1) {
      const guest = newcomer();
      const request = await requestAs(guest, { building: '1栋', unit: '1单元', room: `${10 + round}02` });
      const [approve, reject] = await Promise.all([
        s.as(FRONT_DESK)('binding.review', { bindingId: request.id, approve: true }),
        s.as(KEEPER_A)('binding.review', { bindingId: request.id, approve: false, reason: '无法核实身份' }),
      ]);
      const replies = [approve, reject];
      expect(replies.filter((r) => r.ok)).toHaveLength(1);
      expect(replies.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'BINDING.ALREADY_REVIEWED', message: expect.stringMatching(CHINESE) })]);

      // What is stored agrees with the winner, and the unit is bound exactly when approval won.
      const saved = await stored(request.id);
      expect(saved.version).toBe(2);
      const owner = await ownerDoc(guest);
      if (approve.ok) {
        expect(saved).toMatchObject({ state: 'approved', reviewer: { name: '陈前台' } });
        expect(owner.units.map((u: { id: string }) => u.id)).toEqual([request.unit.id]);
      } else {
        expect(saved).toMatchObject({ state: 'rejected', reason: '无法核实身份', reviewer: { name: '张管家' } });
        expect(owner).toBeUndefined();
      }
    }
  });

  it('two approvals at once bind the unit once', async () => {
    const guest = newcomer();
    const request = await requestAs(guest, { building: '1栋', unit: '2单元', room: '902' });
    const replies = await Promise.all([
      s.as(FRONT_DESK)('binding.review', { bindingId: request.id, approve: true }),
      s.as(SUPERVISOR)('binding.review', { bindingId: request.id, approve: true }),
    ]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect((await ownerDoc(guest)).units).toHaveLength(1);
  });

  it('a decision on an old version of the request is refused (withdrawn and asked again since)', async () => {
    const guest = newcomer();
    const first = await requestAs(guest, { room: '1002' });
    await s.must(guest)('binding.cancel', { bindingId: first.id });
    const second = await requestAs(guest, { room: '1002', relation: 'owner' });
    expect(second.version).toBe(3);
    const stale = await writesNothing(() => s.as(FRONT_DESK)('binding.review', { bindingId: first.id, approve: true, version: first.version }));
    expect(stale).toMatchObject({ ok: false, code: 'BINDING.ALREADY_REVIEWED' });
    expect((await s.must(FRONT_DESK)('binding.review', { bindingId: second.id, approve: true, version: 3 })).request.relation).toBe('owner');
  });

  it('a reviewed request is not reviewed again', async () => {
    const request = await requestAs(newcomer(), { room: '1102' });
    await s.must(FRONT_DESK)('binding.review', { bindingId: request.id, approve: false, reason: '房号有误' });
    const again = await writesNothing(() => s.as(FRONT_DESK)('binding.review', { bindingId: request.id, approve: true }));
    expect(again).toMatchObject({ ok: false, code: 'BINDING.ALREADY_REVIEWED' });
  });
});

describe('duplicates and units already bound', () => {
  it('a second request for the same unit while one waits is refused and writes nothing', async () => {
    const guest = newcomer();
    await requestAs(guest, { room: '201' });
    const dup = await writesNothing(() => s.as(guest)('binding.request', ask({ room: '201', name: '赵小姐' })));
    expect(dup).toMatchObject({ ok: false, code: 'BINDING.DUPLICATE', message: expect.stringMatching(/审核/) });
    expect((await s.must(guest)('binding.mine', {})).requests).toHaveLength(1);
  });

  it('two requests for the same unit at the same moment: one is kept', async () => {
    const guest = newcomer();
    const replies = await Promise.all([s.as(guest)('binding.request', ask({ room: '202' })), s.as(guest)('binding.request', ask({ room: '202' }))]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'BINDING.DUPLICATE' })]);
    expect((await s.must(guest)('binding.mine', {})).requests).toHaveLength(1);
  });

  it('another person may ask for the same unit (family, tenants)', async () => {
    const a = await requestAs(newcomer(), { room: '203' });
    const b = await requestAs(newcomer(), { room: '203', relation: 'family' });
    expect(a.unit.id).toBe(b.unit.id);
    expect(a.id).not.toBe(b.id);
  });

  it('a unit already bound to the caller is refused', async () => {
    const reply = await writesNothing(() => s.as(OWNER)('binding.request', ask({ building: '1栋', unit: '1单元', room: '1201', relation: 'owner' })));
    expect(reply).toMatchObject({ ok: false, code: 'BINDING.ALREADY_BOUND', message: '您已绑定该房屋，无需重复申请' });
  });
});

describe('withdrawing a request', () => {
  it('the requester withdraws a pending request; it leaves the reviewers\' list', async () => {
    const guest = newcomer();
    const request = await requestAs(guest, { room: '601' });
    const { request: cancelled } = await s.must(guest)('binding.cancel', { bindingId: request.id });
    expect(cancelled.state).toBe('cancelled');
    expect((await s.must(FRONT_DESK)('binding.pending', {})).requests.map((r) => r.id)).not.toContain(request.id);
    expect(await writesNothing(() => s.as(FRONT_DESK)('binding.review', { bindingId: request.id, approve: true }))).toMatchObject({
      ok: false,
      code: 'BINDING.ALREADY_REVIEWED',
    });
  });

  it('nobody else can withdraw it, and a reviewed one cannot be withdrawn', async () => {
    const guest = newcomer();
    const request = await requestAs(guest, { room: '602' });
    expect(await writesNothing(() => s.as(newcomer())('binding.cancel', { bindingId: request.id }))).toMatchObject({ ok: false, code: 'BINDING.NOT_FOUND' });
    expect(await writesNothing(() => s.as(OWNER)('binding.cancel', { bindingId: 'no-such-request' }))).toMatchObject({ ok: false, code: 'BINDING.NOT_FOUND' });
    await s.must(FRONT_DESK)('binding.review', { bindingId: request.id, approve: true });
    expect(await writesNothing(() => s.as(guest)('binding.cancel', { bindingId: request.id }))).toMatchObject({ ok: false, code: 'BINDING.ALREADY_REVIEWED' });
  });
});

describe('bad input gets a clear Chinese message and writes nothing', () => {
  it.each([
    ['a 10-digit phone', { phone: '1391234567' }, 'INPUT.INVALID', '请填写正确的11位手机号'],
    ['a landline', { phone: '075512345678' }, 'INPUT.INVALID', '请填写正确的11位手机号'],
    ['no phone', { phone: '' }, 'INPUT.INVALID', '请填写手机号'],
    ['a 10,000-character name', { name: '赵'.repeat(10_000) }, 'INPUT.INVALID', '姓名不能超过20个字'],
    ['a blank name', { name: '   ' }, 'INPUT.INVALID', '请填写姓名'],
    ['an unknown relation', { relation: 'landlord' }, 'INPUT.INVALID', '请选择您与房屋的关系'],
    ['no room', { room: undefined }, 'INPUT.INVALID', '请选择房号'],
    ['an operator object as name', { name: { $ne: null } }, 'INPUT.INVALID', '姓名'],
    ['an operator object as building', { building: { $regex: '.*' } }, 'INPUT.INVALID', '请选择楼栋'],
    ['an operator object as room', { room: { $gt: '' } }, 'INPUT.INVALID', '请选择房号'],
    ['an operator object as community', { communityId: { $ne: null } }, 'INPUT.INVALID', '请选择小区'],
    ['a 10,000-character room', { room: '1'.repeat(10_000) }, 'INPUT.INVALID', '请选择房号'],
    ['a room that does not exist', { room: '1203' }, 'BINDING.UNIT_UNKNOWN', '没有找到该房屋，请核对楼栋、单元和房号'],
    ['the 4th floor of 2栋, which has none', { room: '401' }, 'BINDING.UNIT_UNKNOWN', '核对'],
    ['a building that does not exist', { building: '9栋' }, 'BINDING.UNIT_UNKNOWN', '核对'],
    ['a community that does not exist', { communityId: 'c-nowhere' }, 'BINDING.UNIT_UNKNOWN', '核对'],
  ])('%s', async (_label, over, code, message) => {
    const reply = await writesNothing(() => s.post('binding', { action: 'binding.request', input: { ...ask(), ...over } }, newcomer()));
    expect(reply).toMatchObject({ ok: false, code, message: expect.stringContaining(message) });
    expect(reply.ok || CHINESE.test(reply.message)).toBe(true);
  });

  it('operator objects as ids and a string where a boolean belongs are refused for review and cancel', async () => {
    const cases: [string, unknown, string][] = [
      ['binding.review', { bindingId: { $ne: null }, approve: true }, '申请编号'],
      ['binding.review', { bindingId: 'b1', approve: 'yes' }, '请选择通过或驳回'],
      ['binding.review', { bindingId: 'b1', approve: false, reason: '驳'.repeat(10_000) }, '驳回原因不能超过100个字'],
      ['binding.cancel', { bindingId: { $exists: true } }, '申请编号'],
    ];
    for (const [action, input, message] of cases) {
      const reply = await writesNothing(() => s.post('binding', { action, input }, FRONT_DESK));
      expect(reply).toMatchObject({ ok: false, code: 'INPUT.INVALID', message: expect.stringContaining(message) });
    }
  });

  it('no platform identity: AUTH.REQUIRED, nothing written', async () => {
    const reply = await writesNothing(() => s.post('binding', { action: 'binding.request', input: ask() }));
    expect(reply).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
  });
});

describe('identity comes from the platform, never from the event', () => {
  it('an openid inside the event is ignored: the request is the caller\'s', async () => {
    const caller = newcomer();
    const victim = newcomer();
    const reply = await s.post(
      'binding',
      { action: 'binding.request', input: { ...ask({ room: '701' }), openid: victim, _openid: victim }, openid: victim, userInfo: { openId: victim } },
      caller,
    );
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect((await stored(reply.data.request.id)).openid).toBe(caller);
    expect((await s.must(caller)('binding.mine', {})).requests.map((r) => r.id)).toEqual([reply.data.request.id]);
    expect((await s.must(victim)('binding.mine', {})).requests).toEqual([]);
  });

  it('a forged reviewer in the event does not make a guest a reviewer', async () => {
    const request = await requestAs(newcomer(), { room: '702' });
    const reply = await writesNothing(() =>
      s.post('binding', { action: 'binding.review', input: { bindingId: request.id, approve: true, openid: FRONT_DESK }, openid: FRONT_DESK }, newcomer()),
    );
    expect(reply).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});
