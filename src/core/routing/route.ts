import { TRADE_NAMES } from '../catalog/categories';
import { localClock } from '../sla/time';
import type { RoutingNeed } from './rules';
import { isOnDutyAt, type StaffMember } from './staff';

export type { RoutingNeed } from './rules';

/**
 * reachable: the chosen person can be pushed; in_app_only: chosen, but no credit left to push;
 * nobody_eligible: nobody in the team does this work (trade, zone); nobody_on_duty: they exist
 * but none is on shift; all_at_cap: those on shift all hold their maximum of open tasks.
 */
export type RoutingReason = 'reachable' | 'in_app_only' | 'nobody_eligible' | 'nobody_on_duty' | 'all_at_cap';

export interface RoutingDecision {
  assignee: StaffMember | null;
  /** Why this person (or why nobody), in the desk's words, recorded on the ticket. */
  why: string[];
  reason: RoutingReason;
  candidates: number;
}

/** Why nobody was chosen, in the desk's words (recorded on the ticket and in the help message). */
export const NOBODY_WHY: Record<Extract<RoutingReason, `nobody_${string}` | 'all_at_cap'>, string> = {
  nobody_eligible: '没有可承接此类工作的人员',
  nobody_on_duty: '当前无人在岗',
  all_at_cap: '在岗人员手上工单已满',
};

export const capOf = (m: Pick<StaffMember, 'cap'>, need: Pick<RoutingNeed, 'cap'>): number => m.cap ?? need.cap;

/**
 * Picks who gets a task: members of the team in the roles, with the trade (and the zone when
 * required), on duty, under their cap; those who can still be pushed first, then those covering
 * the zone, then the fewest open tasks; ties by id so the choice is repeatable.
 */
export const route = (
  need: RoutingNeed,
  staff: readonly StaffMember[],
  now: number,
  utcOffsetMinutes: number,
): RoutingDecision => {
  const clock = localClock(now, utcOffsetMinutes);
  const eligible = staff.filter(
    (m) =>
      m.team === need.team &&
      need.roles.includes(m.role) &&
      (need.trade === null || m.trades.includes(need.trade)) &&
      (!need.zoneRequired || m.zones.includes(need.zone)),
  );
  const onDuty = eligible.filter((m) => isOnDutyAt(m, clock));
  const candidates = onDuty.filter((m) => (m.openTasks ?? 0) < capOf(m, need));
  if (candidates.length === 0) {
    const reason = eligible.length === 0 ? 'nobody_eligible' : onDuty.length === 0 ? 'nobody_on_duty' : 'all_at_cap';
    return { assignee: null, why: [NOBODY_WHY[reason]], reason, candidates: 0 };
  }
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
