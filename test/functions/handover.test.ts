/**
 * 交接班 through the real stack: who writes, who sees it to confirm, who may confirm (the next
 * shift of the same post, never the writer), once, on the version read; nothing changed on a refusal.
 */
import { DEMO_STAFF } from '@/local/demo-data';
import type { Handover } from '@/core/duty/handover';
import { ALL_OWNER_TEMPLATES, FRONT_DESK, LIN_UNIT, MANAGER, OWNER, PLUMBER, startTestStack, SUPERVISOR, type TestStack } from './local-stack';

const NIGHT_DESK = 'demo-desk-he';
/** A third front desk, added here: two people may confirm at once. */
const THIRD_DESK = 'demo-desk-gao';
const KEEPER = 'demo-keeper-zhang';
const LEAD = 'demo-lead-ma';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
  const chen = DEMO_STAFF.find((m) => m._id === 's-desk-chen')!;
  await s.db.collection('staff').add({ ...chen, _id: 's-desk-gao', openid: THIRD_DESK, name: '高前台', phone: '13900000020' });
});
afterAll(() => s.close());

const stored = async (id: string): Promise<Handover> => (await s.db.collection('handovers').doc(id).get()).data[0] as Handover;
const write = (openid: string, notes: string, watch: string[] = []) => s.must(openid)('duty.writeHandover', { notes, watch });

/** A returned repair waiting for its callback: what the desk hands over. */
const returnedRepair = async () => {
  const { ticket } = await s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category: 'drain', description: '厨房下水道堵', grantedTemplates: [...ALL_OWNER_TEMPLATES] });
  await s.must(PLUMBER)('task.accept', { ticketId: ticket.id });
  await s.must(PLUMBER)('task.arrive', { ticketId: ticket.id });
  return (await s.must(PLUMBER)('task.finish', { ticketId: ticket.id, note: '已疏通', photos: ['local://photos/result0001.jpg'] })).ticket;
};

describe('writing a handover (写交接)', () => {
  it('陈前台 writes notes and tickets to watch by number; they are kept with what each ticket was', async () => {
    const repair = await returnedRepair();
    const { handover } = await write(FRONT_DESK, '1201 林先生回访电话未接通，19:00 再打一次', [repair.no.toLowerCase()]);
    expect(handover).toMatchObject({
      post: '客服中心·客服前台',
      writerName: '陈前台',
      notes: '1201 林先生回访电话未接通，19:00 再打一次',
      state: 'pending',
      confirmedByName: null,
      version: 1,
      // The writer never confirms their own.
      mayConfirm: false,
    });
    expect(handover.watch).toEqual([{ id: repair.id, no: repair.no, label: `管道疏通·1栋1单元1201·${repair.stateLabel}` }]);
    expect(await stored(handover.id)).toMatchObject({ team: 'customer_service', role: 'front_desk', writer: { staffId: 's-desk-chen', name: '陈前台' } });
  });

  it('the form offers the desk\'s callbacks still to make as tickets to watch', async () => {
    const repair = await returnedRepair();
    const page = await s.must(FRONT_DESK)('duty.handovers', {});
    expect(page.canWrite).toBe(true);
    expect(page.suggestions.map((w) => w.no)).toContain(repair.no);
  });

  it('refuses a number that is no ticket, or not in the shape of one', async () => {
    const before = (await s.db.collection('handovers').count()).total;
    expect(await s.as(FRONT_DESK)('duty.writeHandover', { notes: '跟进', watch: ['BX20200101-ZZZZ'] })).toEqual({
      ok: false,
      code: 'INPUT.INVALID',
      message: '没有找到工单 BX20200101-ZZZZ，请核对工单号',
    });
    expect(await s.as(FRONT_DESK)('duty.writeHandover', { notes: '跟进', watch: ['1201'] })).toEqual({
      ok: false,
      code: 'INPUT.INVALID',
      message: '工单号格式不正确，如 BX20261122-4F7K',
    });
    expect(await s.as(FRONT_DESK)('duty.writeHandover', { notes: '  ', watch: [] })).toMatchObject({ ok: false, message: '请填写交接事项' });
    expect((await s.db.collection('handovers').count()).total).toBe(before);
  });

  it.each([
    ['the manager', MANAGER, '您的岗位无需填写交接班记录'],
    ['an owner', OWNER, '您没有权限进行此操作'],
  ])('%s may not write one', async (_who, openid, message) => {
    expect(await s.as(openid)('duty.writeHandover', { notes: '交接', watch: [] })).toEqual({ ok: false, code: 'AUTH.FORBIDDEN', message });
  });

  it.each([
    ['a housekeeper', KEEPER, '客服中心·客服管家'],
    ['a technician', PLUMBER, '工程部·维修班'],
    ['a team lead', LEAD, '工程部·维修班'],
    ['the cleaning lead', 'demo-lead-sun', '清洁部·组长'],
    ['the supervisor', SUPERVISOR, '客服中心·客服主任'],
  ])('%s may, for their post', async (_who, openid, post) => {
    expect((await write(openid, '下一班请留意')).handover.post).toBe(post);
  });
});

describe('confirming (确认接班)', () => {
  it('the next front desk sees it at the top of her inbox, confirms it; a second confirm is told it is done', async () => {
    const { handover } = await write(FRONT_DESK, '前台打印机缺纸，已报行政');
    const inbox = await s.must(NIGHT_DESK)('duty.toConfirm', {});
    expect(inbox.handovers.map((h) => h.id)).toContain(handover.id);
    expect(inbox.handovers.find((h) => h.id === handover.id)?.mayConfirm).toBe(true);
    // Not for the writer, nor for other posts of the team.
    expect((await s.must(FRONT_DESK)('duty.toConfirm', {})).handovers.map((h) => h.id)).not.toContain(handover.id);
    expect((await s.must(KEEPER)('duty.toConfirm', {})).handovers.map((h) => h.id)).not.toContain(handover.id);

    const { handover: confirmed } = await s.must(NIGHT_DESK)('duty.confirmHandover', { handoverId: handover.id, version: handover.version });
    expect(confirmed).toMatchObject({ state: 'confirmed', confirmedByName: '何前台', version: 2, mayConfirm: false });
    expect(await stored(handover.id)).toMatchObject({ state: 'confirmed', confirmedBy: { staffId: 's-desk-he', name: '何前台' } });
    expect((await s.must(NIGHT_DESK)('duty.toConfirm', {})).handovers.map((h) => h.id)).not.toContain(handover.id);

    expect(await s.as(NIGHT_DESK)('duty.confirmHandover', { handoverId: handover.id, version: 2 })).toEqual({
      ok: false,
      code: 'HANDOVER.ALREADY_CONFIRMED',
      message: '这条交接已由何前台确认接班，无需重复确认',
    });
    expect(await s.as(THIRD_DESK)('duty.confirmHandover', { handoverId: handover.id, version: 1 })).toMatchObject({
      ok: false,
      code: 'HANDOVER.ALREADY_CONFIRMED',
    });
    expect((await stored(handover.id)).version).toBe(2);
  });

  it.each([
    ['its writer', FRONT_DESK, '不能确认自己写的交接，请由下一班同事确认接班'],
    ['a housekeeper of the same team', KEEPER, '只有同一岗位的下一班同事可以确认这条交接'],
    ['the supervisor', SUPERVISOR, '只有同一岗位的下一班同事可以确认这条交接'],
    ['a technician of another team', PLUMBER, '只有同一岗位的下一班同事可以确认这条交接'],
    ['the manager', MANAGER, '只有同一岗位的下一班同事可以确认这条交接'],
    ['an owner', OWNER, '您没有权限进行此操作'],
  ])('%s may not confirm a front desk\'s handover; nothing changes', async (_who, openid, message) => {
    const { handover } = await write(FRONT_DESK, '业主钥匙寄存在前台');
    const before = await stored(handover.id);
    expect(await s.as(openid)('duty.confirmHandover', { handoverId: handover.id, version: 1 })).toEqual({ ok: false, code: 'AUTH.FORBIDDEN', message });
    expect(await stored(handover.id)).toEqual(before);
  });

  it('engineering\'s technicians and lead confirm each other\'s', async () => {
    const { handover } = await write(PLUMBER, '3栋水泵房有异响，明早复查');
    expect((await s.must(LEAD)('duty.toConfirm', {})).handovers.map((h) => h.id)).toContain(handover.id);
    expect((await s.must(LEAD)('duty.confirmHandover', { handoverId: handover.id, version: 1 })).handover.confirmedByName).toBe('马组长');
  });

  it('two of the next shift at once: one confirms, the other is told who did', async () => {
    const { handover } = await write(FRONT_DESK, '快递柜故障，已联系厂家');
    const replies = await Promise.all([
      s.as(NIGHT_DESK)('duty.confirmHandover', { handoverId: handover.id, version: 1 }),
      s.as(THIRD_DESK)('duty.confirmHandover', { handoverId: handover.id, version: 1 }),
    ]);
    const won = replies.filter((r) => r.ok);
    const lost = replies.filter((r) => !r.ok);
    expect([won.length, lost.length]).toEqual([1, 1]);
    const saved = await stored(handover.id);
    expect(saved.version).toBe(2);
    expect(lost[0]).toEqual({ ok: false, code: 'HANDOVER.ALREADY_CONFIRMED', message: `这条交接已由${saved.confirmedBy!.name}确认接班，无需重复确认` });
  });

  it('an unknown handover is not found', async () => {
    expect(await s.as(NIGHT_DESK)('duty.confirmHandover', { handoverId: 'no-such-handover', version: 1 })).toMatchObject({
      ok: false,
      code: 'HANDOVER.NOT_FOUND',
    });
  });

  it('the handover page lists the post\'s recent ones, confirmed or not', async () => {
    const { handover } = await write(FRONT_DESK, '明早 9 点电梯年检');
    const page = await s.must(NIGHT_DESK)('duty.handovers', {});
    expect(page.toConfirm.map((h) => h.id)).toContain(handover.id);
    expect(page.recent.map((h) => h.id)).toContain(handover.id);
    // The desk's own post only (the housekeepers' and the supervisor's are theirs).
    expect(new Set(page.recent.map((h) => h.post))).toEqual(new Set(['客服中心·客服前台']));
  });
});
