import type { Trade } from '../catalog/categories';
import type { TemplateKey } from '../notify/templates';
import type { Team } from '../tickets/actor';
import { isOnDuty, type StaffMember } from './staff';

export interface RoutingNeed {
  team: Team;
  trade: Trade;
  zone: string;
  /** The template the chosen person will be pushed; people with a credit for it come first. */
  template: TemplateKey;
}

export type RoutingReason = 'reachable' | 'in_app_only' | 'nobody_on_duty';

export interface RoutingDecision {
  assignee: StaffMember | null;
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
  const candidates = staff.filter(
    (m) => m.team === need.team && m.trades.includes(need.trade) && isOnDuty(m, now, utcOffsetMinutes),
  );
  if (candidates.length === 0) return { assignee: null, reason: 'nobody_on_duty', candidates: 0 };
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
  return {
    assignee: best,
    reason: (best.credits[need.template] ?? 0) > 0 ? 'reachable' : 'in_app_only',
    candidates: candidates.length,
  };
};
