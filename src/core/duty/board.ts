import { TRADE_NAMES } from '../catalog/categories';
import { mainTemplateFor } from '../notify/templates';
import { isOnDutyAt, type Shift, type StaffMember } from '../routing/staff';
import type { RoutingPolicy } from '../routing/rules';
import { localClock } from '../sla/time';
import { STAFF_ROLE_NAMES, STAFF_ROLES, TEAM_NAMES, TEAMS, type StaffRole, type Team } from '../tickets/actor';
import type { Ticket } from '../tickets/model';

/**
 * 在岗与负荷: who is on duty now, per team and role, with each person's open tasks against their
 * cap, whether a WeChat reminder can still reach them, and their breached tasks.
 */
export interface BoardPerson {
  staffId: string;
  name: string;
  role: StaffRole;
  roleName: string;
  /** Trades for technicians (水电工、门窗木工), else empty. */
  skills: string;
  zones: string;
  onDuty: boolean;
  /** Their shifts in words: 全天 / 每天 08:00–20:00 / 周一至周五 08:00–18:00. */
  shifts: string;
  openTasks: number;
  cap: number;
  /** Reminders left for what they are pushed (new tasks; for supervisors the pool's asks). */
  credits: number;
  /** Their open tasks with a clock that ran out (已超时). */
  lateTasks: number;
}

export interface BoardTeam {
  team: Team;
  teamName: string;
  onDuty: number;
  people: BoardPerson[];
}

const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日'];

const weekdaysText = (days: readonly number[]): string => {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return '每天';
  if (sorted.join() === '1,2,3,4,5') return '周一至周五';
  return `周${sorted.map((d) => WEEKDAY_NAMES[d - 1]).join('、')}`;
};

/** A shift in words; an end before its start runs into the next day. */
export const shiftText = (s: Shift): string => {
  const days = weekdaysText(s.weekdays);
  if (s.start === '00:00' && s.end === '24:00') return days === '每天' ? '全天' : `${days}全天`;
  return `${days} ${s.start}–${s.end < s.start ? '次日' : ''}${s.end}`;
};

export const shiftsText = (shifts: readonly Shift[]): string => (shifts.length ? shifts.map(shiftText).join('；') : '未排班');

/** The board's people grouped by team (in the order the desk thinks of them), on duty first. */
export const buildBoard = (
  staff: readonly StaffMember[],
  late: readonly Pick<Ticket, 'assignee'>[],
  now: number,
  utcOffsetMinutes: number,
  routing: Pick<RoutingPolicy, 'defaultCap'>,
): BoardTeam[] => {
  const clock = localClock(now, utcOffsetMinutes);
  const lateBy = new Map<string, number>();
  for (const t of late) if (t.assignee) lateBy.set(t.assignee.staffId, (lateBy.get(t.assignee.staffId) ?? 0) + 1);
  const person = (m: StaffMember): BoardPerson => ({
    staffId: m._id,
    name: m.name,
    role: m.role,
    roleName: STAFF_ROLE_NAMES[m.role],
    skills: m.trades.map((t) => TRADE_NAMES[t]).join('、'),
    zones: m.zones.join('、'),
    onDuty: isOnDutyAt(m, clock),
    shifts: shiftsText(m.shifts),
    openTasks: m.openTasks ?? 0,
    cap: m.cap ?? routing.defaultCap,
    credits: m.credits[mainTemplateFor(m.role)] ?? 0,
    lateTasks: lateBy.get(m._id) ?? 0,
  });
  const roleRank = (r: StaffRole) => STAFF_ROLES.indexOf(r);
  return TEAMS.map((team) => {
    const people = staff
      .filter((m) => m.active && m.team === team)
      .map(person)
      .sort((a, b) => Number(b.onDuty) - Number(a.onDuty) || roleRank(a.role) - roleRank(b.role) || a.staffId.localeCompare(b.staffId));
    return { team, teamName: TEAM_NAMES[team], onDuty: people.filter((p) => p.onDuty).length, people };
  }).filter((g) => g.people.length > 0);
};
