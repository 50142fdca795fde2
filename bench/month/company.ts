/**
 * The company of the simulated month: two communities, each with its owners and about twenty
 * staff on real rosters (day shifts, a night-duty technician, weekends off for the office), every
 * staff member starting with no WeChat reminder credits, as a real one does on the first day.
 */
import type { CommunityLayout } from '../../src/core/binding/community';
import type { Trade } from '../../src/core/catalog/categories';
import type { Shift, StaffMember } from '../../src/core/routing/staff';
import type { StaffRole, Team } from '../../src/core/tickets/actor';
import type { OwnerRecord, OwnerUnit } from '../../src/server/ports';

export interface Community {
  id: string;
  name: string;
  /** Zone names differ between the communities, as a company names them. */
  zones: [string, string];
  buildings: number;
  owners: number;
}

export const COMMUNITIES: readonly Community[] = [
  { id: 'c-tianli', name: '天利龙腾湾', zones: ['A区', 'B区'], buildings: 8, owners: 320 },
  { id: 'c-yangguang', name: '阳光花园', zones: ['东区', '西区'], buildings: 6, owners: 240 },
];

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS = [1, 2, 3, 4, 5];
const shift = (weekdays: number[], start: string, end: string): Shift => ({ weekdays, start, end });
/** Front desk: two people a day, an early and a late shift, every day (客服前台 08:00–20:00). */
const DESK_EARLY = [shift(EVERY_DAY, '08:00', '14:00')];
const DESK_LATE = [shift(EVERY_DAY, '14:00', '20:00')];
/** Engineering day shift 08:30–17:30; one team works weekdays, the other Wednesday to Sunday. */
const ENG_WEEKDAYS = [shift(WEEKDAYS, '08:30', '17:30')];
const ENG_MIDWEEK = [shift([3, 4, 5, 6, 7], '08:30', '17:30')];
/** The night-duty technician (值班), 17:30 to 08:30 every day. */
const NIGHT_DUTY = [shift(EVERY_DAY, '17:30', '08:30')];
/** Office hours of housekeepers, leads, the supervisor and the manager. */
const OFFICE = [shift(WEEKDAYS, '08:30', '17:30')];
const HOUSEKEEPER = [shift([1, 2, 3, 4, 5, 6], '08:30', '17:30')];

export interface SimStaff extends StaffMember {
  community: string;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const TITLES: Record<StaffRole, string> = {
  front_desk: '前台',
  housekeeper: '管家',
  technician: '师傅',
  team_lead: '组长',
  supervisor: '主任',
  manager: '经理',
};

export const companyStaff = (): SimStaff[] => {
  const staff: SimStaff[] = [];
  let n = 0;
  const add = (c: Community, role: StaffRole, team: Team, trades: Trade[], zones: string[], shifts: Shift[]) => {
    n += 1;
    const openid = `sim-staff-${String(n).padStart(3, '0')}`;
    staff.push({
      _id: `s-sim-${n}`,
      openid,
      name: `${SURNAMES[n % SURNAMES.length]}${TITLES[role]}`,
      phone: `1390001${String(n).padStart(4, '0')}`,
      role,
      team,
      trades,
      zones,
      shifts,
      active: true,
      credits: {},
      openTasks: 0,
      community: c.name,
    });
  };
  for (const c of COMMUNITIES) {
    const both = [...c.zones];
    add(c, 'front_desk', 'customer_service', [], both, DESK_EARLY);
    add(c, 'front_desk', 'customer_service', [], both, DESK_LATE);
    add(c, 'front_desk', 'customer_service', [], both, [shift([6, 7], '08:00', '20:00')]);
    add(c, 'housekeeper', 'customer_service', [], [c.zones[0]], HOUSEKEEPER);
    add(c, 'housekeeper', 'customer_service', [], [c.zones[1]], HOUSEKEEPER);
    add(c, 'technician', 'engineering', ['plumbing_electric'], both, ENG_WEEKDAYS);
    add(c, 'technician', 'engineering', ['plumbing_electric'], both, ENG_MIDWEEK);
    add(c, 'technician', 'engineering', ['plumbing_electric'], both, ENG_WEEKDAYS);
    add(c, 'technician', 'engineering', ['carpentry'], both, ENG_WEEKDAYS);
    add(c, 'technician', 'engineering', ['carpentry'], both, ENG_MIDWEEK);
    add(c, 'technician', 'engineering', ['masonry'], both, ENG_WEEKDAYS);
    add(c, 'technician', 'engineering', ['masonry'], both, ENG_MIDWEEK);
    add(c, 'technician', 'engineering', ['plumbing_electric', 'carpentry', 'masonry'], both, NIGHT_DUTY);
    add(c, 'team_lead', 'engineering', ['plumbing_electric', 'carpentry', 'masonry'], both, OFFICE);
    add(c, 'team_lead', 'cleaning', [], both, OFFICE);
    add(c, 'team_lead', 'greening', [], both, OFFICE);
    add(c, 'supervisor', 'customer_service', [], both, OFFICE);
    add(c, 'technician', 'engineering', ['plumbing_electric'], both, ENG_MIDWEEK);
    add(c, 'front_desk', 'customer_service', [], both, DESK_EARLY);
  }
  // One manager over both communities.
  add(COMMUNITIES[0], 'manager', 'management', [], COMMUNITIES.flatMap((c) => c.zones), OFFICE);
  return staff;
};

export interface SimOwner extends OwnerRecord {
  community: string;
}

const roomOf = (i: number) => `${1 + Math.floor(i / 2) % 18}0${1 + (i % 2)}`;

/** Owners, one unit each, spread over the buildings; a building's first half of units is zone 1. */
export const companyOwners = (): SimOwner[] =>
  COMMUNITIES.flatMap((c, ci) =>
    Array.from({ length: c.owners }, (_, i) => {
      const building = `${1 + (i % c.buildings)}栋`;
      const unitNo = `${1 + (Math.floor(i / c.buildings) % 2)}单元`;
      const room = roomOf(Math.floor(i / (c.buildings * 2)));
      const zone = c.zones[(i % c.buildings) < c.buildings / 2 ? 0 : 1];
      const unit: OwnerUnit = {
        id: `${c.id}-${building.replace('栋', '')}-${unitNo.replace('单元', '')}-${room}`,
        community: c.name,
        building,
        unit: unitNo,
        room,
        zone,
        relation: 'owner',
      };
      return { _id: `sim-owner-${ci}-${String(i).padStart(4, '0')}`, name: `${SURNAMES[(i * 7) % SURNAMES.length]}先生`, phone: `1380${ci}${String(i).padStart(6, '0')}`, units: [unit], community: c.name };
    }),
  );

export const companyLayouts = (): CommunityLayout[] =>
  COMMUNITIES.map((c) => ({
    _id: c.id,
    name: c.name,
    idPrefix: c.id,
    buildings: Array.from({ length: c.buildings }, (_, b) => ({
      name: `${b + 1}栋`,
      code: String(b + 1),
      zone: c.zones[b < c.buildings / 2 ? 0 : 1],
      units: [1, 2].map((u) => ({ name: `${u}单元`, code: String(u), rooms: { floors: 18, perFloor: 2 } })),
    })),
  }));
