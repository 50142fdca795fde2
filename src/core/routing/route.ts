import { TRADE_NAMES, type Trade } from '../catalog/categories';
import type { TemplateKey } from '../notify/templates';
import type { StaffRole, Team } from '../tickets/actor';
import type { Ticket } from '../tickets/model';
import { localClock } from '../sla/time';
import { isOnDutyAt, type StaffMember } from './staff';

export interface RoutingNeed {
  team: Team;
  /** The trade the work needs; null when any member of the roles may do it. */
  trade: Trade | null;
  /** Roles that do this work (technicians for repairs, housekeepers for complaints …). */
  roles: readonly StaffRole[];
  zone: string;
  /** Only members covering the zone (a zone's housekeeper) — otherwise the zone is a preference. */
  zoneRequired: boolean;
  /** The template the chosen person will be pushed; people with a credit for it come first. */
  template: TemplateKey;
}

export type RoutingReason = 'reachable' | 'in_app_only' | 'nobody_on_duty';

export interface RoutingDecision {
  assignee: StaffMember | null;
  /** Why this person, in the desk's words, recorded on the ticket with the dispatch. */
  why: string[];
  /** reachable: push can be sent; in_app_only: on duty but no credit left; nobody_on_duty: none. */
  reason: RoutingReason;
  candidates: number;
}

/**
 * Picks who gets a task: on-duty members of the team with the trade; those who can still be
 * pushed first, then those covering the zone, then the fewest open tasks; ties by id so the
 * choice is repeatable.
 */
export const route = (
  need: RoutingNeed,
  staff: readonly StaffMember[],
  now: number,
  utcOffsetMinutes: number,
): RoutingDecision => {
  const clock = localClock(now, utcOffsetMinutes);
  const candidates = staff.filter(
    (m) =>
      m.team === need.team &&
      need.roles.includes(m.role) &&
      (need.trade === null || m.trades.includes(need.trade)) &&
      (!need.zoneRequired || m.zones.includes(need.zone)) &&
      isOnDutyAt(m, clock),
  );
  if (candidates.length === 0) return { assignee: null, why: [], reason: 'nobody_on_duty', candidates: 0 };
  const score = (m: StaffMember) => [
    (m.credits[need.template] ?? 0) > 0 ? 0 : 1,
    m.zones.includes(need.zone) ? 0 : 1,
    m.openTasks ?? 0,
  ];
  const ranked = [...candidates].sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sa[i] - sb[i];
    return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
  });
  const best = ranked[0];
  const reachable = (best.credits[need.template] ?? 0) > 0;
  return {
    assignee: best,
    why: [
      need.trade ? `${TRADE_NAMES[need.trade]}在岗` : '在岗',
      best.zones.includes(need.zone) ? `负责${need.zone}` : `跨片区（${need.zone}）`,
      `手上${best.openTasks ?? 0}单`,
      reachable ? '可微信提醒' : '提醒次数已用完，仅站内通知',
      `${candidates.length}人可选`,
    ],
    reason: reachable ? 'reachable' : 'in_app_only',
    candidates: candidates.length,
  };
};

/**
 * Who does each kind of work: repairs go to a technician of the trade, complaints to the zone's
 * housekeeper (004 二), IC cards to the front desk for the identity check (003 #11).
 */
export const needOf = (t: Pick<Ticket, 'kind' | 'team' | 'trade' | 'unit'>): RoutingNeed => {
  const base = { team: t.team, zone: t.unit.zone, template: 'task_assigned' as const };
  switch (t.kind) {
    case 'repair':
      return { ...base, trade: t.trade, roles: ['technician', 'team_lead'], zoneRequired: false };
    case 'complaint':
      return { ...base, trade: null, roles: ['housekeeper'], zoneRequired: true };
    case 'card':
      return { ...base, trade: null, roles: ['front_desk'], zoneRequired: false };
  }
};
