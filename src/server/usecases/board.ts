import { buildBoard } from '../../core/duty/board';
import type { Policy } from '../../core/sla/policy';
import { STAFF_ROLES } from '../../core/tickets/actor';
import { OPEN_STATES } from '../../core/tickets/states';
import { WORKLOAD_STATES } from '../../core/tickets/workload';
import type { Deps } from '../ports';
import { requireOverseer } from './overseer';

/** The board reads at most this many breached and waiting tickets (counts beyond read 50+). */
export const BOARD_LIST_LIMIT = 50;
const HANDOVERS_LIMIT = 20;

/**
 * 在岗与负荷, for the supervisor and the manager: everyone active with their duty, load and
 * reach, the breached open tickets (已超时) and the tickets waiting for someone (待协调), and the
 * handovers nobody has confirmed yet. Four reads in parallel.
 */
export const dutyBoard = async (deps: Deps, policy: Policy, openid: string) => {
  const me = await requireOverseer(deps, openid, '查看在岗与负荷');
  const [staff, late, waiting, handovers] = await Promise.all([
    deps.staff.byRoles(STAFF_ROLES),
    deps.ticketQueries.listLate(OPEN_STATES, BOARD_LIST_LIMIT),
    deps.ticketQueries.listWaitingForHelp(BOARD_LIST_LIMIT),
    deps.handovers.listPending(HANDOVERS_LIMIT),
  ]);
  // A person's breached tasks are those in their hands (a returned ticket's callback is the desk's).
  const lateInHands = late.filter((t) => WORKLOAD_STATES.includes(t.state));
  return {
    me,
    teams: buildBoard(staff, lateInHands, deps.now(), policy.utcOffsetMinutes, policy.routing),
    late: { count: late.length, more: late.length >= BOARD_LIST_LIMIT },
    waiting: { count: waiting.length, more: waiting.length >= BOARD_LIST_LIMIT },
    handovers,
  };
};
