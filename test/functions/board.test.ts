/**
 * 在岗与负荷 through the real stack: the supervisor's and the manager's only; who is on duty and
 * their load, reach and breached tasks; the counts of 已超时 and 待协调; open handovers.
 */
import { DEFAULT_POLICY, HOUR } from '@/core/sla/policy';
import { defaultDeps } from '@/server/deps';
import { sweep } from '@/server/usecases/sweep';
import { ALL_OWNER_TEMPLATES, CARPENTER, FRONT_DESK, LIN_UNIT, MANAGER, OWNER, PLUMBER, startTestStack, SUPERVISOR, type TestStack } from './local-stack';


let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

const submit = async (description: string, category: 'plumbing_electric' | 'household_greening' = 'plumbing_electric') =>
  (await s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category, description, grantedTemplates: [...ALL_OWNER_TEMPLATES] })).ticket;

const person = (board: Awaited<ReturnType<typeof boardOf>>, name: string) => board.teams.flatMap((t) => t.people).find((p) => p.name === name)!;
const boardOf = (openid = SUPERVISOR) => s.must(openid)('duty.board', {});

describe('duty.board', () => {
  it('shows everyone by team with duty, shifts, load against the cap and the reminders left', async () => {
    const board = await boardOf();
    expect(board.teams.map((t) => t.teamName)).toEqual(['客服中心', '工程部', '清洁部', '绿化部', '管理处']);
    const desk = board.teams.find((t) => t.teamName === '客服中心')!;
    expect(desk.people.map((p) => p.name)).toEqual(expect.arrayContaining(['陈前台', '何前台', '张管家', '李管家', '周主任']));
    expect(person(board, '王师傅')).toMatchObject({ roleName: '维修师傅', skills: '水电工', onDuty: true, shifts: '全天', openTasks: 0, cap: 30, credits: 5, lateTasks: 0 });
    // 何前台 has not turned reminders on: she is reached in the app only.
    expect(person(board, '何前台')).toMatchObject({ credits: 0, onDuty: true });
    expect(person(board, '周主任').shifts).toBe('每天 08:00–20:00');
    expect(board.late).toEqual({ count: 0, more: false });
    expect(board.waiting).toEqual({ count: 0, more: false });
  });

  it('follows the work: a task raises its holder\'s load, a breach counts for them and in 已超时, a waiting ticket in 待协调', async () => {
    const leak = await submit('卫生间漏水');
    expect(person(await boardOf(), '王师傅').openTasks).toBe(1);
    // Two hours on, the on-site clock (15 minutes) has run out: the real sweep escalates it.
    await sweep({ ...defaultDeps(), now: () => Date.now() + 2 * HOUR }, DEFAULT_POLICY);
    // Nobody does greening while 钱组长 is away: it waits, and the supervisor is asked.
    await s.db.collection('staff').doc('s-lead-qian').update({ active: false });
    try {
      await submit('阳台花木修剪', 'household_greening');
    } finally {
      await s.db.collection('staff').doc('s-lead-qian').update({ active: true });
    }
    const board = await boardOf(MANAGER);
    expect(person(board, '王师傅')).toMatchObject({ openTasks: 1, lateTasks: 1 });
    expect(board.late).toEqual({ count: 1, more: false });
    expect(board.waiting).toEqual({ count: 1, more: false });
    expect((await s.db.collection('tickets').doc(leak.id).get()).data[0].lateSince).not.toBeNull();
  });

  it('lists the handovers nobody confirmed yet, whoever wrote them', async () => {
    const { handover } = await s.must(FRONT_DESK)('duty.writeHandover', { notes: '2栋电梯按键失灵，已报维保', watch: [] });
    const board = await boardOf();
    expect(board.handovers.map((h) => [h.id, h.writerName, h.state, h.mayConfirm])).toContainEqual([handover.id, '陈前台', 'pending', false]);
    await s.must('demo-desk-he')('duty.confirmHandover', { handoverId: handover.id, version: 1 });
    expect((await boardOf()).handovers.map((h) => h.id)).not.toContain(handover.id);
  });

  it.each([
    ['a technician', PLUMBER],
    ['another technician', CARPENTER],
    ['the front desk', FRONT_DESK],
    ['a housekeeper', 'demo-keeper-zhang'],
    ['a team lead', 'demo-lead-ma'],
    ['an owner', OWNER],
  ])('%s may not see it', async (_who, openid) => {
    expect(await s.as(openid)('duty.board', {})).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});
