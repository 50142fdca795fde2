/**
 * 改派 (supervisor, manager) and 转派 (the holder) through the real stack: who may, to whom (the
 * routing rules), on which version; who is told; the workloads; nothing changed on a refusal.
 */
import { DEMO_STAFF } from '@/local/demo-data';
import type { Ticket } from '@/core/tickets/model';
import { ALL_OWNER_TEMPLATES, CARPENTER, FRONT_DESK, LIN_UNIT, MANAGER, OWNER, PLUMBER, startTestStack, SUPERVISOR, type TestStack } from './local-stack';

const LEAD = 'demo-lead-ma';
const KEEPER = 'demo-keeper-zhang';
/** A second plumber who is never on shift: the supervisor may still choose him (warned); a 转派 may not. */
const OFF_DUTY_PLUMBER = 'demo-tech-sun';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
  const wang = DEMO_STAFF.find((m) => m._id === 's-tech-wang')!;
  await s.db.collection('staff').add({ ...wang, _id: 's-tech-sun', openid: OFF_DUTY_PLUMBER, name: '孙师傅', phone: '13900000019', shifts: [], openTasks: 0 });
});
afterAll(() => s.close());

const submit = async (description: string, category: 'plumbing_electric' | 'doors_windows' = 'plumbing_electric') =>
  (await s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category, description, grantedTemplates: [...ALL_OWNER_TEMPLATES] })).ticket;

const stored = async (id: string): Promise<Ticket> => (await s.db.collection('tickets').doc(id).get()).data[0] as Ticket;
const openTasksOf = async (staffId: string): Promise<number> => ((await s.db.collection('staff').doc(staffId).get()).data[0] as { openTasks: number }).openTasks;
const pushes = (openid: string) => s.stack.emulator.messages().filter((m) => m.touser === openid);

/** The stored ticket must be exactly as it was: a refusal changes nothing. */
const expectUnchanged = async (before: Ticket) => expect(await stored(before._id)).toEqual(before);

describe('改派 (reassign) by the supervisor', () => {
  it('gives 王师傅\'s task to 马组长: same state, both told, workloads moved, the trail says who from whom to whom and why', async () => {
    const t = await submit('卫生间水管漏水');
    expect(await s.handlerOf(t.id)).toBe('王师傅');
    const [wangBefore, maBefore] = [await openTasksOf('s-tech-wang'), await openTasksOf('s-lead-ma')];
    const clocksBefore = (await stored(t.id)).clocks;
    s.stack.emulator.clearMessages();

    const { ticket } = await s.must(SUPERVISOR)('task.reassign', { ticketId: t.id, staffId: 's-lead-ma', reason: '王师傅手上急修太多', version: t.version });
    expect([ticket.state, ticket.assigneeName]).toEqual(['dispatched', '马组长']);
    expect(ticket.timeline.at(-1)).toMatchObject({ eventLabel: '改派', actorName: '周主任', note: '由王师傅改派给马组长：王师傅手上急修太多' });
    expect(pushes(LEAD).map((m) => m.templateId)).toEqual(['local-task_assigned']);
    const notice = pushes(PLUMBER);
    expect(notice.map((m) => m.templateId)).toEqual(['local-ticket_cancelled']);
    expect(notice[0].data).toMatchObject({ thing3: { value: '已改派给马组长' } });
    expect([await openTasksOf('s-tech-wang'), await openTasksOf('s-lead-ma')]).toEqual([wangBefore - 1, maBefore + 1]);
    // The owner's wait is what the clocks measure: the on-site clock started at dispatch runs on.
    expect((await stored(t.id)).clocks).toEqual(clocksBefore);
    // 马组长 now holds it: he accepts; 王师傅 may not act on it any more.
    expect(await s.as(PLUMBER)('task.arrive', { ticketId: t.id })).toMatchObject({ ok: false });
    expect((await s.must(LEAD)('task.accept', { ticketId: t.id })).ticket.state).toBe('accepted');
  });

  it('a task waiting in the pool (nobody could take it): the supervisor names who does it, and it is dispatched to them', async () => {
    await s.db.collection('staff').doc('s-tech-wang').update({ active: false });
    try {
      const t = await submit('厨房下水道返臭');
      const waiting = await stored(t.id);
      expect([waiting.state, waiting.help?.rung]).toEqual(['submitted', 'team_lead']);
      const view = await s.must(SUPERVISOR)('ticket.get', { ticketId: t.id });
      expect(view.ticket.actions).toContain('reassign');
      s.stack.emulator.clearMessages();

      const { ticket } = await s.must(SUPERVISOR)('task.reassign', { ticketId: t.id, staffId: 's-lead-ma', reason: '王师傅休假，组长先去看', version: waiting.version });
      expect([ticket.state, ticket.assigneeName]).toEqual(['dispatched', '马组长']);
      const after = await stored(t.id);
      expect(after.help).toBeNull();
      expect(after.history.at(-1)).toMatchObject({ event: 'dispatch', note: '派给 马组长（周主任指派：王师傅休假，组长先去看）' });
      expect(pushes(LEAD).map((m) => m.templateId)).toEqual(['local-task_assigned']);
      // Only the supervisor and the manager name someone for a waiting task.
      const other = await submit('阳台水龙头滴水');
      expect(await s.as(FRONT_DESK)('task.reassign', { ticketId: other.id, staffId: 's-lead-ma', reason: '试试', version: (await stored(other.id)).version })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    } finally {
      await s.db.collection('staff').doc('s-tech-wang').update({ active: true });
    }
  });

  it('keeps the clocks: reassigning an accepted task leaves every clock as it was', async () => {
    const t = await submit('阳台水龙头关不紧');
    const accepted = (await s.must(PLUMBER)('task.accept', { ticketId: t.id })).ticket;
    const before = await stored(t.id);
    await s.must(MANAGER)('task.reassign', { ticketId: t.id, staffId: 's-lead-ma', reason: '王师傅临时请假', version: accepted.version });
    const after = await stored(t.id);
    expect([after.state, after.assignee?.name, after.version]).toEqual(['accepted', '马组长', before.version + 1]);
    expect(after.clocks).toEqual(before.clocks);
    expect(after.history.at(-1)?.actor).toEqual({ kind: 'staff', name: '吴经理', role: 'manager' });
  });

  it('may choose someone off duty (the page warns); never someone the rules do not allow', async () => {
    const t = await submit('厨房下水慢');
    const before = await stored(t.id);
    for (const [staffId, message] of [
      ['s-tech-zhao', '赵师傅不能承接此单：不是水电工'],
      ['s-desk-chen', '所选人员不是工程部的在职人员，不能承接此单'],
      ['s-tech-wang', '王师傅不能承接此单：就是当前处理人'],
      ['s-no-such', '所选人员不是工程部的在职人员，不能承接此单'],
    ] as const) {
      expect(await s.as(SUPERVISOR)('task.reassign', { ticketId: t.id, staffId, reason: '调整', version: t.version })).toEqual({
        ok: false,
        code: 'TICKET.NOT_ELIGIBLE',
        message,
      });
    }
    await expectUnchanged(before);
    const { ticket } = await s.must(SUPERVISOR)('task.reassign', { ticketId: t.id, staffId: 's-tech-sun', reason: '孙师傅熟悉这户', version: t.version });
    expect(ticket.assigneeName).toBe('孙师傅');
  });

  it.each([
    ['the technician holding it', PLUMBER],
    ['a technician of another trade', CARPENTER],
    ['the engineering lead', LEAD],
    ['the front desk', FRONT_DESK],
    ['a housekeeper', KEEPER],
  ])('%s may not reassign: AUTH.FORBIDDEN, nothing changed', async (_who, openid) => {
    const t = await submit('洗手盆漏水');
    const before = await stored(t.id);
    expect(await s.as(openid)('task.reassign', { ticketId: t.id, staffId: 's-lead-ma', reason: '我来安排', version: t.version })).toMatchObject({
      ok: false,
      code: openid === CARPENTER ? 'TICKET.NOT_FOUND' : 'AUTH.FORBIDDEN',
    });
    await expectUnchanged(before);
  });

  it('the owner may not; another owner is not even told the ticket exists', async () => {
    const t = await submit('热水器漏电');
    const before = await stored(t.id);
    expect(await s.as(OWNER)('task.reassign', { ticketId: t.id, staffId: 's-lead-ma', reason: '换人', version: t.version })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await s.as('demo-owner-huang')('task.reassign', { ticketId: t.id, staffId: 's-lead-ma', reason: '换人', version: t.version })).toMatchObject({ ok: false, code: 'TICKET.NOT_FOUND' });
    await expectUnchanged(before);
  });

  it('not while the owner is deciding on a quote', async () => {
    const t = await submit('更换开关');
    await s.must(PLUMBER)('task.accept', { ticketId: t.id });
    await s.must(PLUMBER)('task.arrive', { ticketId: t.id });
    const quoted = (await s.must(PLUMBER)('task.quote', { ticketId: t.id, items: [{ name: '更换开关', priceFen: 2000, quantity: 1 }], note: '' })).ticket;
    const before = await stored(t.id);
    expect(await s.as(SUPERVISOR)('task.reassign', { ticketId: t.id, staffId: 's-lead-ma', reason: '换人', version: quoted.version })).toMatchObject({
      ok: false,
      code: 'TICKET.ILLEGAL_TRANSITION',
    });
    await expectUnchanged(before);
  });

  it('on the version seen: a reassign after something happened is refused and says what happened', async () => {
    const t = await submit('卫生间地漏返味');
    await s.must(PLUMBER)('task.accept', { ticketId: t.id });
    const before = await stored(t.id);
    const reply = await s.as(SUPERVISOR)('task.reassign', { ticketId: t.id, staffId: 's-lead-ma', reason: '换人', version: t.version });
    expect(reply).toEqual({ ok: false, code: 'TICKET.VERSION_CONFLICT', message: '工单刚刚已由王师傅接单，请刷新后再操作' });
    await expectUnchanged(before);
  });

  it('two supervisors at once: one wins, the other is told who reassigned it to whom', async () => {
    const t = await submit('主卧灯不亮');
    const before = await stored(t.id);
    const loads = async () => ({ wang: await openTasksOf('s-tech-wang'), ma: await openTasksOf('s-lead-ma'), sun: await openTasksOf('s-tech-sun') });
    const loadsBefore = await loads();
    const replies = await Promise.all([
      s.as(SUPERVISOR)('task.reassign', { ticketId: t.id, staffId: 's-lead-ma', reason: '马组长顺路', version: t.version }),
      s.as(MANAGER)('task.reassign', { ticketId: t.id, staffId: 's-tech-sun', reason: '孙师傅熟悉', version: t.version }),
    ]);
    const won = replies.filter((r) => r.ok);
    const lost = replies.filter((r) => !r.ok);
    expect([won.length, lost.length]).toEqual([1, 1]);
    const after = await stored(t.id);
    expect(after.version).toBe(before.version + 1);
    const winner = after.history.at(-1)!;
    expect(lost[0]).toEqual({ ok: false, code: 'TICKET.VERSION_CONFLICT', message: `工单刚刚已由${winner.actor.name}改派（${winner.note}），请刷新后再操作` });
    // Exactly one person gained the task, and 王师傅 lost it once.
    const maWon = after.assignee?.staffId === 's-lead-ma';
    expect(await loads()).toEqual({
      wang: loadsBefore.wang - 1,
      ma: loadsBefore.ma + (maWon ? 1 : 0),
      sun: loadsBefore.sun + (maWon ? 0 : 1),
    });
  });
});

describe('duty.candidates: who the task may go to', () => {
  it('for the supervisor: the rules\' people, ranked, the off-duty and the full warned, the barred with why; never the holder', async () => {
    const t = await submit('马桶水箱漏水');
    const out = await s.must(SUPERVISOR)('duty.candidates', { ticketId: t.id });
    expect(out.mode).toBe('reassign');
    expect(out.version).toBe(t.version);
    expect(out.categories).toEqual([]);
    const byName = Object.fromEntries(out.people.map((p) => [p.name, p]));
    expect(byName['王师傅']).toBeUndefined();
    expect(byName['马组长']).toMatchObject({ barred: null, warning: null, onDuty: true, roleName: '组长' });
    expect(byName['孙师傅']).toMatchObject({ barred: null, onDuty: false, warning: '当前不在岗，请先电话确认能否接手' });
    expect(byName['赵师傅']).toMatchObject({ barred: '不是水电工', warning: null });
    expect(out.people.findIndex((p) => p.barred !== null)).toBeGreaterThan(out.people.findIndex((p) => p.name === '马组长'));
  });

  it('for the holder: colleagues on duty with room, and the other categories to send a repair to', async () => {
    const t = await submit('门锁卡住，实为门窗问题');
    const out = await s.must(PLUMBER)('duty.candidates', { ticketId: t.id });
    expect(out.mode).toBe('transfer');
    const byName = Object.fromEntries(out.people.map((p) => [p.name, p]));
    expect(byName['马组长'].barred).toBeNull();
    expect(byName['孙师傅'].barred).toBe('当前不在岗');
    expect(out.categories.map((c) => `${c.name}·${c.teamName}`)).toEqual(
      expect.arrayContaining(['门窗·工程部', '家政保洁·清洁部', '绿化养护·绿化部']),
    );
    expect(out.categories.map((c) => c.id)).not.toContain('plumbing_electric');
  });

  it('for anyone else: refused', async () => {
    const t = await submit('淋浴头漏水');
    expect(await s.as(FRONT_DESK)('duty.candidates', { ticketId: t.id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await s.as(LEAD)('duty.candidates', { ticketId: t.id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await s.as(CARPENTER)('duty.candidates', { ticketId: t.id })).toMatchObject({ ok: false, code: 'TICKET.NOT_FOUND' });
  });
});

describe('转派 (transfer) by the holder', () => {
  it('to a colleague: dispatched to them (told), out of the holder\'s hands for good', async () => {
    const t = await submit('客厅插座没电');
    const accepted = (await s.must(PLUMBER)('task.accept', { ticketId: t.id })).ticket;
    s.stack.emulator.clearMessages();
    const { ticket } = await s.must(PLUMBER)('task.transfer', { ticketId: t.id, staffId: 's-lead-ma', reason: '需要组长带电作业', version: accepted.version });
    expect([ticket.state, ticket.assigneeName]).toEqual(['dispatched', '马组长']);
    expect(ticket.timeline.at(-1)).toMatchObject({ eventLabel: '转派', actorName: '王师傅', note: '转派给马组长：需要组长带电作业' });
    expect(pushes(LEAD).map((m) => m.templateId)).toEqual(['local-task_assigned']);
    // 王师傅 handed it on: he does not take it back behind 马组长's back.
    expect(await s.as(PLUMBER)('task.accept', { ticketId: t.id })).toMatchObject({ ok: false });
    expect((await s.must(LEAD)('task.accept', { ticketId: t.id })).ticket.state).toBe('accepted');
  });

  it('a repair that is really 门窗: back to 待派单 as 门窗 and at once to the carpenter; workloads follow', async () => {
    const t = await submit('窗户关不上（报成了水电）');
    await s.must(PLUMBER)('task.accept', { ticketId: t.id });
    const onSite = (await s.must(PLUMBER)('task.arrive', { ticketId: t.id })).ticket;
    const [wangBefore, zhaoBefore] = [await openTasksOf('s-tech-wang'), await openTasksOf('s-tech-zhao')];
    s.stack.emulator.clearMessages();
    const { ticket } = await s.must(PLUMBER)('task.transfer', { ticketId: t.id, category: 'doors_windows', reason: '实为窗户合页问题', version: onSite.version });
    expect([ticket.state, ticket.category, ticket.assigneeName]).toEqual(['dispatched', 'doors_windows', '赵师傅']);
    expect(ticket.timeline.slice(-2).map((e) => [e.eventLabel, e.note.split('（')[0]])).toEqual([
      ['转派', '改为门窗'],
      ['派单', '派给 赵师傅'],
    ]);
    expect(pushes(CARPENTER).map((m) => m.templateId)).toEqual(['local-task_assigned']);
    expect([await openTasksOf('s-tech-wang'), await openTasksOf('s-tech-zhao')]).toEqual([wangBefore - 1, zhaoBefore + 1]);
    expect((await stored(t.id))).toMatchObject({ trade: 'carpentry', team: 'engineering', declinedBy: ['s-tech-wang'] });
  });

  it('to someone off duty, of another trade, or not of the team: refused with why, nothing changed', async () => {
    const t = await submit('水表箱漏水');
    const before = await stored(t.id);
    for (const [staffId, message] of [
      ['s-tech-sun', '孙师傅不能接手此单：当前不在岗'],
      ['s-tech-zhao', '赵师傅不能接手此单：不是水电工'],
      ['s-keeper-zhang', '所选人员不是工程部的在职人员，不能承接此单'],
    ] as const) {
      expect(await s.as(PLUMBER)('task.transfer', { ticketId: t.id, staffId, reason: '换人', version: t.version })).toEqual({ ok: false, code: 'TICKET.NOT_ELIGIBLE', message });
    }
    await expectUnchanged(before);
  });

  it.each([
    ['another plumber (not the holder)', OFF_DUTY_PLUMBER, 'AUTH.FORBIDDEN'],
    ['the engineering lead', LEAD, 'AUTH.FORBIDDEN'],
    ['the supervisor (who reassigns instead)', SUPERVISOR, 'AUTH.FORBIDDEN'],
    ['the front desk', FRONT_DESK, 'AUTH.FORBIDDEN'],
    ['the owner', OWNER, 'AUTH.FORBIDDEN'],
  ])('by %s (%s): %s, nothing changed', async (_who, openid, code) => {
    const t = await submit('暖气片漏水');
    const before = await stored(t.id);
    expect(await s.as(openid)('task.transfer', { ticketId: t.id, staffId: 's-lead-ma', reason: '换人', version: t.version })).toMatchObject({ ok: false, code });
    expect(await s.as(openid)('task.transfer', { ticketId: t.id, category: 'doors_windows', reason: '换人', version: t.version })).toMatchObject({ ok: false, code });
    await expectUnchanged(before);
  });

  it('not once the work has started', async () => {
    const t = await submit('浴室柜漏水');
    await s.must(PLUMBER)('task.accept', { ticketId: t.id });
    await s.must(PLUMBER)('task.arrive', { ticketId: t.id });
    const started = (await s.must(PLUMBER)('task.start', { ticketId: t.id })).ticket;
    const before = await stored(t.id);
    expect(await s.as(PLUMBER)('task.transfer', { ticketId: t.id, staffId: 's-lead-ma', reason: '换人', version: started.version })).toMatchObject({
      ok: false,
      code: 'TICKET.ILLEGAL_TRANSITION',
    });
    await expectUnchanged(before);
  });

  it('asks for a person or a category, not both nor neither; the same category is no transfer', async () => {
    const t = await submit('水龙头滴水');
    const before = await stored(t.id);
    const both = await s.as(PLUMBER)('task.transfer', { ticketId: t.id, staffId: 's-lead-ma', category: 'doors_windows', reason: '换人', version: t.version });
    expect(both).toEqual({ ok: false, code: 'INPUT.INVALID', message: '请选择转给哪位同事或哪个专业' });
    expect(await s.as(PLUMBER)('task.transfer', { ticketId: t.id, reason: '换人', version: t.version })).toMatchObject({ ok: false, message: '请选择转给哪位同事或哪个专业' });
    expect(await s.as(PLUMBER)('task.transfer', { ticketId: t.id, category: 'plumbing_electric', reason: '换人', version: t.version })).toEqual({
      ok: false,
      code: 'INPUT.INVALID',
      message: '已是该类别，请选择其他专业',
    });
    expect(await s.as(PLUMBER)('task.transfer', { ticketId: t.id, staffId: 's-lead-ma', reason: '', version: t.version })).toMatchObject({ ok: false, message: '请填写转派原因' });
    await expectUnchanged(before);
  });

  it('a complaint goes to another housekeeper of the zone, never to another category', async () => {
    const { ticket: c } = await s.must(OWNER)('complaint.submit', { unitId: LIN_UNIT, category: 'cleaning', description: '楼道很脏', replyBy: Date.now() + 86_400_000, grantedTemplates: [] });
    expect(await s.handlerOf(c.id)).toBe('张管家');
    expect(await s.as(KEEPER)('task.transfer', { ticketId: c.id, category: 'household_cleaning', reason: '保洁问题', version: c.version })).toEqual({
      ok: false,
      code: 'INPUT.INVALID',
      message: '只有报修可以转给其他专业',
    });
    // 李管家 covers B区 only; complaints go to the zone's housekeeper.
    expect(await s.as(KEEPER)('task.transfer', { ticketId: c.id, staffId: 's-keeper-li', reason: '我休假', version: c.version })).toEqual({
      ok: false,
      code: 'TICKET.NOT_ELIGIBLE',
      message: '李管家不能接手此单：不负责A区',
    });
  });
});
