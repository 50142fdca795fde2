/**
 * Who a task may be handed to (改派, 转派): the routing rules decide who is allowed; duty, load and
 * reach are shown, and only stop a 转派 (the supervisor is warned instead).
 */
import { barredFrom, candidatesFor, reassignWarning, transferBar } from '@/core/routing/candidates';
import type { Ticket } from '@/core/tickets/model';
import { DEFAULT_POLICY, T0, local, staffMember, ticketIn } from '../fixtures';

// Monday 2026-11-23 10:00: the weekday day shift of staffMember (08:00–18:00) is on.
const NOW = T0;
const NIGHT = local(2026, 11, 23, 22, 0);

const wang = staffMember('staff-tech-wang', { name: '王师傅', zones: ['north'] });
const zhao = staffMember('z-tech-zhao', { name: '赵师傅', zones: ['north'], openTasks: 2 });
const sun = staffMember('m-tech-sun', { name: '孙师傅', zones: ['south'], openTasks: 1 });
const carpenter = staffMember('c-tech-lin', { name: '林师傅', trades: ['carpentry'] });
const lead = staffMember('l-lead-ma', { name: '马组长', role: 'team_lead', trades: [], zones: [] });
const desk = staffMember('d-desk-chen', { name: '陈前台', role: 'front_desk', team: 'customer_service', trades: [] });
const cleaningLead = staffMember('l-lead-sun', { name: '孙组长', role: 'team_lead', team: 'cleaning', trades: [] });
const full = staffMember('f-tech-full', { name: '满师傅', openTasks: 8 });
const mute = staffMember('m-tech-mute', { name: '静师傅', credits: {} });
const gone = staffMember('g-tech-gone', { name: '离师傅', active: false });

/** A plumbing repair in zone 'north', held by 王师傅 (the fixtures' technician). */
const leak = (): Ticket => ticketIn('accepted');

describe('barredFrom: the routing rules, in the desk\'s words', () => {
  it.each([
    ['a plumber of the team', zhao, null],
    ['a plumber of another zone (the zone is only a preference for repairs)', sun, null],
    ['the team lead, whatever the trade', lead, null],
    ['the holder', wang, '就是当前处理人'],
    ['a carpenter', carpenter, '不是水电工'],
    ['the front desk', desk, '不是工程部的人员'],
    ['another team\'s lead', cleaningLead, '不是工程部的人员'],
    ['someone no longer active', gone, '已停用'],
  ] as const)('%s → %s', (_who, member, expected) => {
    expect(barredFrom(leak(), member, DEFAULT_POLICY)).toBe(expected);
  });

  it('never whoever declined or handed it on, nor whom a complaint is about', () => {
    expect(barredFrom({ ...leak(), declinedBy: [zhao._id] }, zhao, DEFAULT_POLICY)).toBe('已拒单或转出此单');
    const keeper = staffMember('k-keeper-li', { role: 'housekeeper', team: 'customer_service', trades: [], zones: ['north'] });
    const otherZone = staffMember('k-keeper-he', { role: 'housekeeper', team: 'customer_service', trades: [], zones: ['south'] });
    const complaint: Ticket = { ...leak(), kind: 'complaint', category: 'cleaning', team: 'customer_service', trade: null, complaint: { aboutStaff: '李管家', aboutStaffId: keeper._id, replyBy: null, linkedTicket: null } };
    expect(barredFrom(complaint, keeper, DEFAULT_POLICY)).toBe('是被投诉的人员');
    // Complaints go only to the zone's housekeeper.
    expect(barredFrom(complaint, otherZone, DEFAULT_POLICY)).toBe('不负责north');
  });
});

describe('candidatesFor: everyone, the allowed first, ranked as routing ranks', () => {
  it('on duty, under the cap, reachable, in the zone, fewest tasks; then the barred', () => {
    const list = candidatesFor(leak(), [carpenter, full, mute, sun, zhao, lead, wang], NOW, DEFAULT_POLICY);
    expect(list.map((c) => c.member.name)).toEqual(['赵师傅', '马组长', '孙师傅', '静师傅', '满师傅', '林师傅', '王师傅']);
    const byName = Object.fromEntries(list.map((c) => [c.member.name, c]));
    expect(byName['满师傅']).toMatchObject({ onDuty: true, openTasks: 8, cap: 8, atCap: true, reachable: true, barred: null });
    expect(byName['静师傅']).toMatchObject({ reachable: false, barred: null });
    expect(byName['孙师傅']).toMatchObject({ inZone: false });
  });

  it('at night the day shift is off duty: a 转派 is stopped, the supervisor only warned', () => {
    const [c] = candidatesFor(leak(), [zhao], NIGHT, DEFAULT_POLICY);
    expect(c.onDuty).toBe(false);
    expect(transferBar(c)).toBe('当前不在岗');
    expect(reassignWarning(c)).toBe('当前不在岗，请先电话确认能否接手');
  });

  it('a full hand stops a 转派 and warns the supervisor; the rules stop both', () => {
    const [f] = candidatesFor(leak(), [full], NOW, DEFAULT_POLICY);
    expect(transferBar(f)).toBe('手上已有8单，已满');
    expect(reassignWarning(f)).toBe('手上已有8单（上限8）');
    const [c] = candidatesFor(leak(), [carpenter], NOW, DEFAULT_POLICY);
    expect(transferBar(c)).toBe('不是水电工');
    const [z] = candidatesFor(leak(), [zhao], NOW, DEFAULT_POLICY);
    expect([transferBar(z), reassignWarning(z)]).toEqual([null, null]);
  });
});
