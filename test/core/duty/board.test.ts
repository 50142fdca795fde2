/** 在岗与负荷: the board built from the staff documents and the breached tasks, at a given time. */
import { buildBoard, shiftText } from '@/core/duty/board';
import { DEFAULT_POLICY, T0, local, staffMember } from '../fixtures';

const WEEKDAYS = [1, 2, 3, 4, 5];
const NIGHT = local(2026, 11, 23, 22, 0); // Monday 22:00

const wang = staffMember('s-tech-wang', { name: '王师傅', openTasks: 3, credits: { task_assigned: 2 } });
const zhao = staffMember('s-tech-zhao', { name: '赵师傅', trades: ['carpentry'], openTasks: 8, cap: 10, credits: {} });
const ma = staffMember('s-lead-ma', { name: '马组长', role: 'team_lead', trades: [], shifts: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '20:00', end: '08:00' }] });
const chen = staffMember('s-desk-chen', { name: '陈前台', role: 'front_desk', team: 'customer_service', trades: [], zones: ['A区', 'B区'], shifts: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }] });
const zhou = staffMember('s-super-zhou', { name: '周主任', role: 'supervisor', team: 'customer_service', trades: [], credits: { dispatch_help: 4, task_assigned: 0 } });
const gone = staffMember('s-tech-gone', { name: '离师傅', active: false });

describe('shifts in words', () => {
  it.each([
    [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }, '全天'],
    [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00' }, '每天 08:00–20:00'],
    [{ weekdays: WEEKDAYS, start: '08:00', end: '18:00' }, '周一至周五 08:00–18:00'],
    [{ weekdays: [6, 7], start: '20:00', end: '08:00' }, '周六、日 20:00–次日08:00'],
    [{ weekdays: [1, 3, 5], start: '00:00', end: '24:00' }, '周一、三、五全天'],
  ])('%j → %s', (shift, text) => {
    expect(shiftText(shift)).toBe(text);
  });
});

describe('buildBoard', () => {
  const late = [{ assignee: { staffId: 's-tech-wang', openid: 'o', name: '王师傅', phone: '', role: 'technician' as const } }, { assignee: null }];

  it('groups by team (客服中心 first), on duty first, with load against the cap, reach and breached tasks', () => {
    const board = buildBoard([wang, zhao, ma, chen, zhou, gone], late, T0, DEFAULT_POLICY.utcOffsetMinutes, DEFAULT_POLICY.routing);
    expect(board.map((g) => [g.teamName, g.onDuty, g.people.map((p) => p.name)])).toEqual([
      ['客服中心', 2, ['陈前台', '周主任']],
      // Monday 10:00: the technicians' day shift is on, 马组长's night shift is not.
      ['工程部', 2, ['王师傅', '赵师傅', '马组长']],
    ]);
    const people = Object.fromEntries(board.flatMap((g) => g.people).map((p) => [p.name, p]));
    expect(people['王师傅']).toMatchObject({ onDuty: true, openTasks: 3, cap: DEFAULT_POLICY.routing.defaultCap, credits: 2, lateTasks: 1, skills: '水电工', roleName: '维修师傅' });
    expect(people['赵师傅']).toMatchObject({ openTasks: 8, cap: 10, credits: 0, lateTasks: 0, skills: '门窗木工' });
    expect(people['马组长']).toMatchObject({ onDuty: false, shifts: '每天 20:00–次日08:00' });
    // A supervisor is reached by the pool's asks, not by new tasks.
    expect(people['周主任']).toMatchObject({ credits: 4, shifts: '周一至周五 08:00–18:00' });
    expect(people['离师傅']).toBeUndefined();
  });

  it('at night the night shift is on and the day shift off', () => {
    const board = buildBoard([wang, ma], [], NIGHT, DEFAULT_POLICY.utcOffsetMinutes, DEFAULT_POLICY.routing);
    expect(board[0].people.map((p) => [p.name, p.onDuty])).toEqual([
      ['马组长', true],
      ['王师傅', false],
    ]);
  });
});
