import { TRADE_NAMES } from '../catalog/categories';
import type { Policy } from '../sla/policy';
import { localClock } from '../sla/time';
import { STAFF_ROLE_NAMES, TEAM_NAMES } from '../tickets/actor';
import type { Ticket } from '../tickets/model';
import { capOf } from './route';
import { needOf } from './rules';
import { isOnDutyAt, type StaffMember } from './staff';

/**
 * Who a task may be handed to (改派 by the supervisor, 转派 by its holder): the people the routing
 * rules would give it to — its team, the roles and trade of the work, the unit's zone where the
 * rule requires it — and the team's lead, as for taking a waiting task; never whoever declined it
 * or whom a complaint is about. Each with what the one choosing needs to see: on duty or not,
 * open tasks against the cap, whether a WeChat reminder can still reach them.
 */
export interface Candidate {
  member: StaffMember;
  /** Why the rules do not allow this person; null when they do. */
  barred: string | null;
  onDuty: boolean;
  openTasks: number;
  cap: number;
  atCap: boolean;
  /** A new-task reminder can still be pushed to them (剩余提醒次数 > 0). */
  reachable: boolean;
  inZone: boolean;
}

/** Why the routing rules do not allow giving this ticket to `m`, in the desk's words; null if they do. */
export const barredFrom = (t: Ticket, m: StaffMember, policy: Policy): string | null => {
  const need = needOf(policy.routing, t);
  if (!m.active) return '已停用';
  if (m._id === t.assignee?.staffId) return '就是当前处理人';
  if (m.team !== need.team) return `不是${TEAM_NAMES[need.team]}的人员`;
  if (t.declinedBy?.includes(m._id)) return '已拒单或转出此单';
  if (t.complaint?.aboutStaffId === m._id) return '是被投诉的人员';
  // The team's lead may take any of the team's work (as in the shared pool).
  if (m.role === 'team_lead') return null;
  if (!need.roles.includes(m.role)) return `${STAFF_ROLE_NAMES[m.role]}不承接此类工作`;
  if (need.trade && !m.trades.includes(need.trade)) return `不是${TRADE_NAMES[need.trade]}`;
  if (need.zoneRequired && !m.zones.includes(need.zone)) return `不负责${need.zone}`;
  return null;
};

/**
 * Everyone of `members` with what the choice needs, the allowed first and then as routing would
 * rank them: on duty, under the cap, reachable, covering the zone, fewest open tasks, by id.
 */
export const candidatesFor = (t: Ticket, members: readonly StaffMember[], now: number, policy: Policy): Candidate[] => {
  const need = needOf(policy.routing, t);
  const clock = localClock(now, policy.utcOffsetMinutes);
  const list = members.map((m): Candidate => {
    const cap = capOf(m, need);
    const openTasks = m.openTasks ?? 0;
    return {
      member: m,
      barred: barredFrom(t, m, policy),
      onDuty: isOnDutyAt(m, clock),
      openTasks,
      cap,
      atCap: openTasks >= cap,
      reachable: (m.credits[need.template] ?? 0) > 0,
      inZone: m.zones.includes(need.zone),
    };
  });
  const rank = (c: Candidate) => [c.barred ? 1 : 0, c.onDuty ? 0 : 1, c.atCap ? 1 : 0, c.reachable ? 0 : 1, c.inZone ? 0 : 1, c.openTasks];
  return list.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return a.member._id < b.member._id ? -1 : a.member._id > b.member._id ? 1 : 0;
  });
};

/**
 * What stands in the way of a 转派 to this colleague: the rules first; then the holder may only
 * hand it to someone on duty with room for it (the supervisor may override both, warned).
 */
export const transferBar = (c: Candidate): string | null =>
  c.barred ?? (!c.onDuty ? '当前不在岗' : c.atCap ? `手上已有${c.openTasks}单，已满` : null);

/** What the supervisor is warned of when choosing this person anyway. */
export const reassignWarning = (c: Candidate): string | null =>
  !c.onDuty ? '当前不在岗，请先电话确认能否接手' : c.atCap ? `手上已有${c.openTasks}单（上限${c.cap}）` : null;
