import type { ParsedInput } from '../../core/contract/actions';
import type { Policy } from '../../core/sla/policy';
import type { Deps } from '../ports';
import { DomainError } from '../../core/errors';
import { coversZone, deskMember } from './desk-access';
import { OTHER_ZONE, residentOfUnit } from './desk-find';
import { submitCard } from './submit-card';
import { submitComplaint } from './submit-complaint';
import { submitRepair } from './submit-repair';

/**
 * 代客登记: a request the desk registers for an owner who phoned or walked in. The caller must be
 * a desk member, the owner must be bound to the unit; then it is the owner's own submission in
 * every other way (same checks, same routing, in their 我的工单) — except that it records who
 * registered it and how, and grants no subscription credit (the owner tapped nothing).
 */
const onBehalfOf = async (deps: Deps, openid: string, input: { unitId: string; residentId: string; channel: 'phone' | 'walk_in' }) => {
  // Read together; the permission is answered first whatever the other read found.
  const [staff, owner] = await Promise.allSettled([deskMember(deps, openid, '代客登记'), residentOfUnit(deps, input.unitId, input.residentId)]);
  if (staff.status === 'rejected') throw staff.reason;
  if (owner.status === 'rejected') throw owner.reason;
  const zone = owner.value.units.find((u) => u.id === input.unitId)?.zone ?? '';
  if (!coversZone(staff.value, zone)) throw new DomainError('AUTH.FORBIDDEN', OTHER_ZONE);
  return { owner: owner.value._id, onBehalf: { staff: staff.value, channel: input.channel } };
};

export const registerRepair = async (deps: Deps, policy: Policy, openid: string, input: ParsedInput<'desk.submitRepair'>) => {
  const { owner, onBehalf } = await onBehalfOf(deps, openid, input);
  const { residentId: _r, channel: _c, ...request } = input;
  return submitRepair(deps, policy, owner, { ...request, grantedTemplates: [] }, onBehalf);
};

export const registerComplaint = async (deps: Deps, policy: Policy, openid: string, input: ParsedInput<'desk.submitComplaint'>) => {
  const { owner, onBehalf } = await onBehalfOf(deps, openid, input);
  const { residentId: _r, channel: _c, ...request } = input;
  return submitComplaint(deps, policy, owner, { ...request, grantedTemplates: [] }, onBehalf);
};

export const registerCard = async (deps: Deps, policy: Policy, openid: string, input: ParsedInput<'desk.submitCard'>) => {
  const { owner, onBehalf } = await onBehalfOf(deps, openid, input);
  const { residentId: _r, channel: _c, ...request } = input;
  return submitCard(deps, policy, owner, { ...request, grantedTemplates: [] }, onBehalf);
};
