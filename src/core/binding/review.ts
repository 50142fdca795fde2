import type { ErrorCode } from '../errors';
import type { StaffRole } from '../tickets/actor';
import type { UnitRef } from '../tickets/model';
import { BINDING_MESSAGES, NAME_MAX, REASON_MAX, type BindingRequest, type Relation } from './request';

/**
 * The rules of unit binding, pure: who may review a request, what may happen to it in which
 * state, and what approving does to the owner's record. Server code loads, asks these rules,
 * and saves with a version check. Kept free of zod: the staff pages use `isReviewerRole`.
 */

export type RuleResult<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message?: string };

const refuse = (code: ErrorCode, message?: string): RuleResult<never> => (message ? { ok: false, code, message } : { ok: false, code });

/** A staff member as far as reviewing is concerned. */
export interface Reviewer {
  staffId: string;
  openid: string;
  name: string;
  role: StaffRole;
  zones: readonly string[];
  active: boolean;
}

/**
 * Who reviews binding requests: the front desk (it serves the whole community, whatever zone it
 * sits in), the housekeeper of the unit's zone (who knows the residents), and the supervisor and
 * manager above them. Technicians and team leads do not.
 */
export const REVIEWER_ROLES: readonly StaffRole[] = ['front_desk', 'housekeeper', 'supervisor', 'manager'];

export const isReviewerRole = (role: StaffRole): boolean => REVIEWER_ROLES.includes(role);

/** The zones whose requests a member may review: 'all', a list, or null for none. */
export const reviewScope = (r: Pick<Reviewer, 'role' | 'zones' | 'active'>): 'all' | readonly string[] | null => {
  if (!r.active || !isReviewerRole(r.role)) return null;
  return r.role === 'housekeeper' ? r.zones : 'all';
};

export const mayReview = (r: Pick<Reviewer, 'role' | 'zones' | 'active'>, zone: string): boolean => {
  const scope = reviewScope(r);
  return scope === 'all' || (scope !== null && scope.includes(zone));
};

/**
 * Whether this person may ask for this unit now: not while a request of theirs for it waits, and
 * not when it is already bound to them. Other people may ask for the same unit (family, tenants).
 */
export const checkNewRequest = (
  previous: Pick<BindingRequest, 'state'> | null,
  boundUnitIds: readonly string[],
  unitId: string,
): ErrorCode | null => {
  if (boundUnitIds.includes(unitId)) return 'BINDING.ALREADY_BOUND';
  if (previous?.state === 'pending') return 'BINDING.DUPLICATE';
  return null;
};

export interface NewRequest {
  /** One request slot per person and unit: a new request reuses a rejected or withdrawn one's. */
  id: string;
  openid: string;
  name: string;
  phone: string;
  relation: Relation;
  unit: UnitRef;
}

/** A new pending request, or why there cannot be one. */
export const openRequest = (
  input: NewRequest,
  context: { previous: BindingRequest | null; boundUnitIds: readonly string[] },
  now: number,
): RuleResult<BindingRequest> => {
  const refusal = checkNewRequest(context.previous, context.boundUnitIds, input.unit.id);
  if (refusal) return refuse(refusal);
  const name = input.name.trim();
  if (!name) return refuse('INPUT.INVALID', BINDING_MESSAGES.name);
  if (name.length > NAME_MAX) return refuse('INPUT.INVALID', BINDING_MESSAGES.nameTooLong);
  return {
    ok: true,
    value: {
      _id: input.id,
      openid: input.openid,
      name,
      phone: input.phone.trim(),
      relation: input.relation,
      unit: { ...input.unit },
      state: 'pending',
      reason: '',
      reviewer: null,
      createdAt: now,
      reviewedAt: null,
      version: (context.previous?.version ?? 0) + 1,
    },
  };
};

/**
 * A reviewer's decision. Checked in this order: may they review this zone at all (a technician
 * learns nothing about the request), is it still pending, and does a rejection say why.
 */
export const reviewRequest = (
  request: BindingRequest,
  reviewer: Reviewer,
  decision: { approve: boolean; reason: string },
  now: number,
): RuleResult<BindingRequest> => {
  if (!mayReview(reviewer, request.unit.zone)) return refuse('AUTH.FORBIDDEN');
  // Four eyes: a member of staff binding a home of their own has a colleague approve it.
  if (reviewer.openid === request.openid) return refuse('AUTH.FORBIDDEN', '不能审核您本人的绑定申请，请由其他同事审核');
  if (request.state !== 'pending') return refuse('BINDING.ALREADY_REVIEWED');
  const reason = decision.reason.trim();
  if (!decision.approve && !reason) return refuse('INPUT.INVALID', BINDING_MESSAGES.reason);
  if (reason.length > REASON_MAX) return refuse('INPUT.INVALID', BINDING_MESSAGES.reasonTooLong);
  return {
    ok: true,
    value: {
      ...request,
      state: decision.approve ? 'approved' : 'rejected',
      reason: decision.approve ? '' : reason,
      reviewer: { staffId: reviewer.staffId, name: reviewer.name },
      reviewedAt: now,
      version: request.version + 1,
    },
  };
};

/** The requester withdraws a request that is still waiting. Someone else's is "not found". */
export const cancelRequest = (request: BindingRequest, openid: string, now: number): RuleResult<BindingRequest> => {
  if (request.openid !== openid) return refuse('BINDING.NOT_FOUND');
  if (request.state !== 'pending') return refuse('BINDING.ALREADY_REVIEWED');
  return { ok: true, value: { ...request, state: 'cancelled', reviewedAt: now, version: request.version + 1 } };
};

export type BoundUnit = UnitRef & { relation: Relation };

export interface OwnerProfile<U extends BoundUnit = BoundUnit> {
  name: string;
  phone: string;
  units: U[];
}

/**
 * The owner's record after an approval: the unit is added with the relation the reviewer
 * verified (replacing an older binding of the same unit, never doubling it). The first unit
 * brings the name and phone of the request; later ones leave the record's own.
 */
export const bindUnit = (owner: OwnerProfile | null, request: Pick<BindingRequest, 'name' | 'phone' | 'relation' | 'unit'>): OwnerProfile => {
  const unit: BoundUnit = { ...request.unit, relation: request.relation };
  if (!owner || owner.units.length === 0) return { name: request.name, phone: request.phone, units: [unit] };
  const at = owner.units.findIndex((u) => u.id === unit.id);
  const units = at < 0 ? [...owner.units, unit] : owner.units.map((u, i) => (i === at ? unit : u));
  return { name: owner.name, phone: owner.phone, units };
};
