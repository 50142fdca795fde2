import type { Trade } from '../catalog/categories';
import type { TemplateKey } from '../notify/templates';
import { localClock } from '../sla/time';
import type { StaffRole, Team } from '../tickets/actor';

/** A working period on given weekdays; an end before the start runs past midnight. */
export interface Shift {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  start: string; // 'HH:mm'
  end: string; // 'HH:mm'
}

export interface StaffMember {
  _id: string;
  openid: string;
  name: string;
  phone: string;
  role: StaffRole;
  team: Team;
  trades: Trade[];
  zones: string[];
  shifts: Shift[];
  active: boolean;
  /** One-time subscription credits per template (剩余提醒次数). */
  credits: Partial<Record<TemplateKey, number>>;
  /** Tickets in this member's hands (see WORKLOAD_STATES), kept up to date by each step. */
  openTasks: number;
  /** Most open tasks routing gives this member; the policy's `routing.defaultCap` when absent. */
  cap?: number;
}

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

export const isOnDuty = (member: Pick<StaffMember, 'shifts' | 'active'>, now: number, utcOffsetMinutes: number): boolean =>
  isOnDutyAt(member, localClock(now, utcOffsetMinutes));

/** The same, for a local time already worked out (routing asks it of every candidate at once). */
export const isOnDutyAt = (
  member: Pick<StaffMember, 'shifts' | 'active'>,
  { minuteOfDay, weekday }: { minuteOfDay: number; weekday: number },
): boolean => {
  if (!member.active) return false;
  const yesterday = weekday === 1 ? 7 : weekday - 1;
  return member.shifts.some((s) => {
    const start = minutes(s.start);
    const end = minutes(s.end);
    if (start <= end) return s.weekdays.includes(weekday) && minuteOfDay >= start && minuteOfDay < end;
    // Overnight shift: the evening part belongs to today's shift, the early part to yesterday's.
    return (s.weekdays.includes(weekday) && minuteOfDay >= start) || (s.weekdays.includes(yesterday) && minuteOfDay < end);
  });
};

export const toAssignee = (m: StaffMember) => ({
  staffId: m._id,
  openid: m.openid,
  name: m.name,
  phone: m.phone,
  role: m.role,
});

export const staffActor = (m: StaffMember) =>
  ({ kind: 'staff', staffId: m._id, openid: m.openid, name: m.name, phone: m.phone, role: m.role, team: m.team, trades: m.trades, zones: m.zones }) as const;
