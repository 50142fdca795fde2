import { DomainError } from '../../core/errors';
import type { StaffMember } from '../../core/routing/staff';
import type { Deps } from '../ports';
import { activeStaff } from './handover';

/** 统计报表 are the supervisor's and the manager's: they hold personal ratings and every team's work. */
export const requireAnalyst = async (deps: Deps, openid: string): Promise<StaffMember> => {
  const me = await activeStaff(deps, openid);
  if (me.role !== 'supervisor' && me.role !== 'manager') throw new DomainError('AUTH.FORBIDDEN', '只有客服主任和项目负责人可以查看统计报表');
  return me;
};
