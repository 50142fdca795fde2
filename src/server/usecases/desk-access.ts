import { DomainError } from '../../core/errors';
import { staffActor } from '../../core/routing/staff';
import type { Actor, StaffRole } from '../../core/tickets/actor';
import type { Deps } from '../ports';

/** Who works the front desk's lists and registers for owners: the workflow's 'desk' party. */
export const DESK_ROLES: readonly StaffRole[] = ['front_desk', 'housekeeper', 'supervisor', 'manager'];

export type DeskActor = Extract<Actor, { kind: 'staff' }>;

/** Whether a desk member works this zone: a housekeeper only their own, the others every zone. */
export const coversZone = (member: DeskActor, zone: string): boolean => member.role !== 'housekeeper' || member.zones.includes(zone);

/**
 * The caller as a desk member, or AUTH.FORBIDDEN saying who may (`what`: 代客登记, 电话回访 …).
 * Owners, technicians and team leads are refused before anything else is read.
 */
export const deskMember = async (deps: Deps, openid: string, what: string): Promise<DeskActor> => {
  const member = await deps.staff.byOpenid(openid);
  if (!member || !member.active || !DESK_ROLES.includes(member.role)) {
    throw new DomainError('AUTH.FORBIDDEN', `只有客服前台、管家、主任和项目负责人可以${what}`);
  }
  return staffActor(member) as DeskActor;
};
