import type { CommunityLayout } from '../core/binding/community';
import { TRADE_NAMES } from '../core/catalog/categories';
import type { StaffMember } from '../core/routing/staff';
import { STAFF_ROLE_NAMES, TEAM_NAMES } from '../core/tickets/actor';
import type { OwnerRecord, OwnerUnit } from '../server/ports';

/**
 * Demo data for `npm start` and the tests: one community, four buildings in two zones, owners
 * bound to units and staff of every role. Everyone who takes tasks (front desk, housekeepers,
 * technicians) is on call round the clock so the demo works at any hour; real shifts are data
 * like any other.
 */
export const COMMUNITY = '天利龙腾湾';

export const ZONES: Record<string, string> = { '1栋': 'A区', '2栋': 'A区', '3栋': 'B区', '4栋': 'B区' };

const unit = (building: string, unitNo: string, room: string, relation: OwnerUnit['relation']): OwnerUnit => ({
  id: `u-${building.replace('栋', '')}-${unitNo.replace('单元', '')}-${room}`,
  community: COMMUNITY,
  building,
  unit: unitNo,
  room,
  zone: ZONES[building],
  relation,
});

/**
 * The community's layout (楼栋 → 单元 → 房号) owners pick from when asking to bind a unit. Unit ids
 * come out as above: 1栋1单元1201 → 'u-1-1-1201'. 2栋 has no 4th floor; 4栋2单元 is a low-rise
 * with its rooms listed one by one.
 */
export const DEMO_COMMUNITY: CommunityLayout = {
  _id: 'c-tianli',
  name: COMMUNITY,
  idPrefix: 'u',
  buildings: [
    { name: '1栋', code: '1', zone: ZONES['1栋'], units: [{ name: '1单元', code: '1', rooms: { floors: 18, perFloor: 2 } }, { name: '2单元', code: '2', rooms: { floors: 18, perFloor: 2 } }] },
    { name: '2栋', code: '2', zone: ZONES['2栋'], units: [{ name: '1单元', code: '1', rooms: { floors: 11, perFloor: 3, skipFloors: [4] } }, { name: '2单元', code: '2', rooms: { floors: 11, perFloor: 3, skipFloors: [4] } }] },
    { name: '3栋', code: '3', zone: ZONES['3栋'], units: [{ name: '1单元', code: '1', rooms: { floors: 6, perFloor: 2 } }, { name: '2单元', code: '2', rooms: { floors: 6, perFloor: 2 } }] },
    { name: '4栋', code: '4', zone: ZONES['4栋'], units: [{ name: '1单元', code: '1', rooms: { floors: 6, perFloor: 2 } }, { name: '2单元', code: '2', rooms: ['101', '102', '201', '202', '301', '302'] }] },
  ],
};

export const DEMO_OWNERS: OwnerRecord[] = [
  { _id: 'demo-owner-lin', name: '林先生', phone: '13800000001', units: [unit('1栋', '1单元', '1201', 'owner'), unit('4栋', '2单元', '301', 'owner')] },
  { _id: 'demo-owner-huang', name: '黄女士', phone: '13800000002', units: [unit('3栋', '2单元', '502', 'tenant')] },
];

const ALWAYS = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }];
const OFFICE = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00' }];

/**
 * Demo people take up to 30 open tasks each (the policy's default cap for a real team is 8): a
 * demo or test stack collects tasks nobody finishes, and should still route them.
 */
const DEMO_CAP = 30;

const member = (m: Omit<StaffMember, 'active' | 'credits' | 'openTasks'> & { credits?: StaffMember['credits'] }): StaffMember => ({
  active: true,
  openTasks: 0,
  cap: DEMO_CAP,
  credits: { task_assigned: 5, task_reopened: 2, ticket_cancelled: 2, task_urged: 2, sla_reminder: 3, sla_escalation: 3, dispatch_help: 3, daily_digest: 5 },
  ...m,
});

export const DEMO_STAFF: StaffMember[] = [
  member({ _id: 's-desk-chen', openid: 'demo-desk-chen', name: '陈前台', phone: '13900000001', role: 'front_desk', team: 'customer_service', trades: [], zones: ['A区', 'B区'], shifts: ALWAYS }),
  member({ _id: 's-keeper-zhang', openid: 'demo-keeper-zhang', name: '张管家', phone: '13900000002', role: 'housekeeper', team: 'customer_service', trades: [], zones: ['A区'], shifts: ALWAYS }),
  member({ _id: 's-keeper-li', openid: 'demo-keeper-li', name: '李管家', phone: '13900000003', role: 'housekeeper', team: 'customer_service', trades: [], zones: ['B区'], shifts: ALWAYS }),
  member({ _id: 's-tech-wang', openid: 'demo-tech-wang', name: '王师傅', phone: '13900000004', role: 'technician', team: 'engineering', trades: ['plumbing_electric'], zones: ['A区', 'B区'], shifts: ALWAYS }),
  member({ _id: 's-tech-zhao', openid: 'demo-tech-zhao', name: '赵师傅', phone: '13900000005', role: 'technician', team: 'engineering', trades: ['carpentry'], zones: ['A区', 'B区'], shifts: ALWAYS }),
  member({ _id: 's-tech-liu', openid: 'demo-tech-liu', name: '刘师傅', phone: '13900000006', role: 'technician', team: 'engineering', trades: ['masonry'], zones: ['A区', 'B区'], shifts: ALWAYS }),
  member({ _id: 's-super-zhou', openid: 'demo-super-zhou', name: '周主任', phone: '13900000007', role: 'supervisor', team: 'customer_service', trades: [], zones: ['A区', 'B区'], shifts: OFFICE }),
  member({ _id: 's-manager-wu', openid: 'demo-manager-wu', name: '吴经理', phone: '13900000008', role: 'manager', team: 'management', trades: [], zones: ['A区', 'B区'], shifts: OFFICE }),
  // Team leads: engineering's is asked when no technician can take a repair; the cleaning and
  // greening leads take household services (家政服务) and send their people.
  member({ _id: 's-lead-ma', openid: 'demo-lead-ma', name: '马组长', phone: '13900000009', role: 'team_lead', team: 'engineering', trades: ['plumbing_electric', 'carpentry', 'masonry'], zones: ['A区', 'B区'], shifts: ALWAYS }),
  member({ _id: 's-lead-sun', openid: 'demo-lead-sun', name: '孙组长', phone: '13900000010', role: 'team_lead', team: 'cleaning', trades: [], zones: ['A区', 'B区'], shifts: ALWAYS }),
  member({ _id: 's-lead-qian', openid: 'demo-lead-qian', name: '钱组长', phone: '13900000011', role: 'team_lead', team: 'greening', trades: [], zones: ['A区', 'B区'], shifts: ALWAYS }),
  // A second front desk for the night shift (交接班 is written by one desk, confirmed by the other).
  // She has not turned on WeChat reminders yet (剩余 0): routing prefers 陈前台, who can be pushed.
  member({ _id: 's-desk-he', openid: 'demo-desk-he', name: '何前台', phone: '13900000012', role: 'front_desk', team: 'customer_service', trades: [], zones: ['A区', 'B区'], shifts: ALWAYS, credits: {} }),
];

/** Who the local identity switcher offers, with a line saying what each can do. */
export const DEMO_IDENTITIES = [
  { openid: 'demo-owner-lin', name: '林先生', role: '业主', hint: '1栋1单元1201、4栋2单元301' },
  { openid: 'demo-owner-huang', name: '黄女士', role: '租户', hint: '3栋2单元502' },
  ...DEMO_STAFF.map((s) => ({
    openid: s.openid,
    name: s.name,
    role: STAFF_ROLE_NAMES[s.role],
    hint: s.role === 'technician' ? s.trades.map((t) => TRADE_NAMES[t]).join('、') : s.role === 'team_lead' ? TEAM_NAMES[s.team] : s.zones.join('、'),
  })),
  { openid: 'demo-guest', name: '未绑定用户', role: '访客', hint: '尚未绑定房屋' },
];
