import { DomainError } from '../../core/errors';
import type { StaffMember } from '../../core/routing/staff';
import type { Deps } from '../ports';
import { activeStaff } from './handover';

/**
 * The caller, if they oversee the work: the supervisor (客服主任) or the manager (项目负责人).
 * 在岗与负荷 and 统计报表 are theirs: every team's load, personal ratings. `what` names the page
 * in the refusal: "只有客服主任和项目负责人可以<what>".
 */
export const requireOverseer = async (deps: Deps, openid: string, what: string): Promise<StaffMember> => {
  const me = await activeStaff(deps, openid);
  if (me.role !== 'supervisor' && me.role !== 'manager') throw new DomainError('AUTH.FORBIDDEN', `只有客服主任和项目负责人可以${what}`);
  return me;
};
